/**
 * Checks a parsed template before it ever runs, so every mistake has a file, line and column (Handlebars
 * would notice some only at render time, without a line, and others never):
 * - partials it names must exist;
 * - data must never bypass escaping ({{{…}}} or {{&…}});
 * - a path must not name a built-in property of every object ({{toString}}, {{brief.constructor}}):
 *   strict mode finds those on the prototype and prints nothing, or a function's source;
 * - the formatting helpers take the arguments they take, and are not blocks (a block would be dropped);
 * - {{#if}}, {{#unless}}, {{#with}} and {{#each}} take exactly one argument.
 */
import { TemplateError } from './errors.js';

type Node = hbs.AST.Node & Record<string, unknown>;

/** Where a template includes a partial by a fixed name (the engine names the spot of an endless loop). */
export interface PartialCall {
  name: string;
  line: number | undefined;
  column: number | undefined;
}

/**
 * What each formatting helper accepts: argument counts, and hash keys. Kept beside the checks so a call
 * is refused when the template is compiled; the helpers (helpers/index.ts) check the values themselves.
 * A helper without an entry is checked only for not being a block.
 */
const helperSignatures: Readonly<Record<string, { counts: readonly number[]; atLeast?: boolean; hash: readonly string[]; usage: string }>> = {
  arDate: { counts: [1, 2], hash: [], usage: 'use {{arDate date}} or {{arDate date precision}}' },
  quantity: { counts: [1, 3], hash: [], usage: 'use {{quantity value}} or {{quantity qualifier value unit}}' },
  qualified: { counts: [2], hash: [], usage: 'use {{qualified qualifier value}}' },
  range: { counts: [2, 3], hash: ['form'], usage: 'use {{range min max [unit]}}, optionally with form="isolated"' },
  cite: { counts: [1], atLeast: true, hash: [], usage: 'use {{cite n …}} or {{cite list}}' },
};

const oneArgumentBlocks = new Set(['if', 'unless', 'with', 'each']);

/** Names every object has through its prototype: never data. */
const builtInNames = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export function checkTemplate(
  program: hbs.AST.Program,
  file: string,
  partialNames: ReadonlySet<string>,
  formattingHelpers: ReadonlySet<string> = new Set(Object.keys(helperSignatures)),
): PartialCall[] {
  const inlinePartials = new Set<string>();
  const partialCalls: { name: string; node: Node }[] = [];

  const checkPath = (path: unknown, at: Node) => {
    const node = path as Node & { parts?: unknown; original?: unknown };
    if (node?.type !== 'PathExpression' || !Array.isArray(node.parts)) return;
    if ((node.parts as unknown[]).some((part) => typeof part === 'string' && builtInNames.has(part))) {
      fail(file, at, `"${String(node.original)}" is a built-in property of every object, not a field of the data`);
    }
  };

  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null || typeof (value as Node).type !== 'string') return;
    const node = value as Node;
    const isCall = node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression';
    if (isCall) {
      // The statement's own path is reported at the statement ({{…), an argument at the argument.
      checkPath(node['path'], node);
      const params = (node['params'] as Node[] | undefined) ?? [];
      const pairs = ((node['hash'] as Node | undefined)?.['pairs'] as Node[] | undefined) ?? [];
      for (const param of [...params, ...pairs.map((pair) => pair['value'] as Node)]) checkPath(param, param);
      const name = pathName(node['path']);
      if (name !== undefined && formattingHelpers.has(name)) checkHelperCall(file, node, name, params.length, pairs);
      if (node.type === 'BlockStatement' && name !== undefined && oneArgumentBlocks.has(name) && params.length !== 1) {
        fail(file, node, `{{#${name}}} takes exactly one argument, got ${params.length}`);
      }
    }
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const params = (node['params'] as Node[] | undefined) ?? [];
      for (const param of params) checkPath(param, param);
    }
    if (node.type === 'MustacheStatement' && node['escaped'] === false) {
      fail(file, node, 'unescaped output ({{{…}}} or {{&…}}) is not allowed: data must go through escaping');
    }
    if (node.type === 'PartialStatement') {
      const name = staticPartialName(node['name']);
      if (name !== undefined) partialCalls.push({ name, node });
    }
    if (node.type === 'DecoratorBlock' && pathName(node['path']) === 'inline') {
      const [first] = (node['params'] as unknown[] | undefined) ?? [];
      const name = staticPartialName(first);
      if (name !== undefined) inlinePartials.add(name);
    }
    for (const key of ['body', 'program', 'inverse', 'params', 'hash', 'pairs', 'value', 'path']) visit(node[key]);
  };
  visit(program);

  for (const { name, node } of partialCalls) {
    if (!partialNames.has(name) && !inlinePartials.has(name) && !name.startsWith('@')) {
      fail(file, node, `partial "${name}" not found (looked for partials/${name}.hbs)`);
    }
  }
  return partialCalls.map(({ name, node }) => ({ name, line: node.loc?.start.line, column: node.loc === undefined ? undefined : node.loc.start.column + 1 }));
}

function checkHelperCall(file: string, node: Node, name: string, count: number, pairs: Node[]): void {
  if (node.type === 'BlockStatement') fail(file, node, `{{#${name}}} is not a block helper (its block would be dropped): write {{${name} …}}`);
  const signature = helperSignatures[name];
  if (signature === undefined) return;
  const fits = signature.atLeast ? count >= signature.counts[0]! : signature.counts.includes(count);
  if (!fits) {
    const expected = signature.atLeast ? `at least ${signature.counts[0]}` : signature.counts.join(' or ');
    const noun = signature.counts.length === 1 && signature.counts[0] === 1 && !signature.atLeast ? 'argument' : 'arguments';
    fail(file, node, `{{${name}}} takes ${expected} ${noun}, got ${count}: ${signature.usage}`);
  }
  for (const pair of pairs) {
    const key = String(pair['key']);
    if (!signature.hash.includes(key)) fail(file, pair, `{{${name}}} has no option "${key}": ${signature.usage}`);
  }
}

function staticPartialName(name: unknown): string | undefined {
  const node = name as { type?: string; original?: unknown; value?: unknown } | undefined;
  if (node?.type === 'PathExpression' && typeof node.original === 'string') return node.original;
  if (node?.type === 'StringLiteral' && typeof node.value === 'string') return node.value;
  return undefined; // a dynamic partial name, chosen at render time
}

function pathName(path: unknown): string | undefined {
  const node = path as { type?: string; original?: unknown } | undefined;
  return node?.type === 'PathExpression' && typeof node.original === 'string' ? node.original : undefined;
}

function fail(file: string, node: Node, reason: string): never {
  throw new TemplateError(file, node.loc?.start.line, node.loc === undefined ? undefined : node.loc.start.column + 1, reason);
}
