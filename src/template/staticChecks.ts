/**
 * Checks a parsed template before it ever runs: partials it names must exist (Handlebars would only
 * notice at render time, without a line), and data must never bypass escaping ({{{…}}} or {{&…}}).
 */
import { TemplateError } from './errors.js';

type Node = hbs.AST.Node & Record<string, unknown>;

export function checkTemplate(program: hbs.AST.Program, file: string, partialNames: ReadonlySet<string>): void {
  const inlinePartials = new Set<string>();
  const partialCalls: { name: string; node: Node }[] = [];

  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null || typeof (value as Node).type !== 'string') return;
    const node = value as Node;
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
