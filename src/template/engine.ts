/**
 * The Handlebars layer: an isolated Handlebars environment per engine, strict mode, our helpers,
 * partials from templates/partials/*.hbs, brief templates from templates/*.hbs. Each file is read and
 * compiled once, on first use; every failure is a TemplateError naming the file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Block } from '../document/model.js';
import { parseMarkup } from '../markup/index.js';
import { TemplateError } from './errors.js';
import { toTemplateError } from './handlebarsErrors.js';
import { formattingHelperNames, registerHelpers } from './helpers/index.js';
import { makeHelperArgumentsStrict } from './strictHelperArguments.js';
import { checkTemplate, type PartialCall } from './staticChecks.js';
import { listTemplateFiles, type TemplateFile } from './templateFiles.js';

export interface TemplateEngine {
  /** Brief templates available, e.g. ["factsheet", "history", …]. */
  readonly templateNames: readonly string[];
  /** Renders templates/<name>.hbs with the context; returns brief markup. */
  render(name: string, context: unknown): string;
  /** Renders and parses the markup into blocks (MarkupError names the template file). */
  renderBlocks(name: string, context: unknown): Block[];
}

type RenderFunction = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

interface Compiled {
  /** The text it was compiled from. */
  source: string;
  render: RenderFunction;
  partialCalls: PartialCall[];
}

/**
 * Engines a long-lived process keeps between builds (`briefs watch`), by templates folder: while the
 * folder holds the same files, the engine is reused and a file is compiled again only when its text
 * changed (compiling is most of the template step). Opaque; see createTemplateCache.
 */
export type TemplateCache = Map<string, { listing: string; engine: TemplateEngine; compiled: Map<string, Compiled> }>;

export function createTemplateCache(): TemplateCache {
  return new Map();
}

export interface TemplateEngineOptions {
  cache?: TemplateCache;
}

export function createTemplateEngine(templatesDir: string, options: TemplateEngineOptions = {}): TemplateEngine {
  const displayFolder = path.basename(path.resolve(templatesDir));
  if (!fs.existsSync(templatesDir)) {
    throw new TemplateError(displayFolder, undefined, undefined, `templates folder not found: ${path.resolve(templatesDir)}`);
  }
  const templates = byName(listTemplateFiles(templatesDir, displayFolder, true));
  const partials = byName(listTemplateFiles(path.join(templatesDir, 'partials'), `${displayFolder}/partials`, false));
  const listing = JSON.stringify([...templates.values(), ...partials.values()]);
  const kept = options.cache?.get(path.resolve(templatesDir));
  if (kept !== undefined && kept.listing === listing) {
    // The same files: keep what is compiled from unchanged text, forget the rest.
    for (const [file, entry] of kept.compiled) if (readSource(file) !== entry.source) kept.compiled.delete(file);
    return kept.engine;
  }
  const env = Handlebars.create();
  registerHelpers(env);
  const partialNames = new Set(partials.keys());
  const compiled = new Map<string, Compiled>();

  const compileOnce = (file: TemplateFile) => {
    const cached = compiled.get(file.absolutePath);
    if (cached !== undefined) return cached;
    const result = compileFile(env, file, partialNames);
    compiled.set(file.absolutePath, result);
    return result;
  };

  // The partials being rendered, outermost first, below the brief template being rendered.
  const chain: string[] = [];
  let rendering = '';
  for (const partial of partials.values()) {
    // Compiled on first use; errors inside a partial name the partial's own file.
    const lazyPartial = (context: unknown, options?: Handlebars.RuntimeOptions): string => {
      chain.push(partial.name);
      try {
        if (chain.length > maxPartialDepth) throw endlessPartials(chain, rendering, partials, (file) => compileOnce(file).partialCalls);
        return compileOnce(partial).render(context, options);
      } finally {
        chain.pop();
      }
    };
    env.registerPartial(partial.name, lazyPartial as Handlebars.TemplateDelegate);
  }

  const render = (name: string, context: unknown): string => {
    const file = templates.get(name);
    if (file === undefined) {
      throw new TemplateError(
        `${displayFolder}/${name}.hbs`,
        undefined,
        undefined,
        `no such template (available: ${[...templates.keys()].join(', ') || 'none'})`,
      );
    }
    rendering = file.displayPath.slice(file.displayPath.indexOf('/') + 1);
    chain.length = 0;
    return compileOnce(file).render(context);
  };

  const engine: TemplateEngine = {
    templateNames: [...templates.keys()],
    render,
    renderBlocks(name, context) {
      const markup = render(name, context);
      return parseMarkup(markup, { template: templates.get(name)?.displayPath ?? name });
    },
  };
  options.cache?.set(path.resolve(templatesDir), { listing, engine, compiled });
  return engine;
}

/** A template file's text now (undefined when it cannot be read: it is compiled again, and fails there). */
function readSource(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Deeper than this, partials are taken to include themselves without end (a brief nests a few). */
const maxPartialDepth = 64;

/**
 * The error for a partial that includes itself, directly or through others: where the repeated
 * inclusion is written, and the chain of partials from the brief template to it.
 */
function endlessPartials(
  chain: readonly string[],
  root: string,
  partials: ReadonlyMap<string, TemplateFile>,
  callsIn: (file: TemplateFile) => PartialCall[],
): TemplateError {
  const repeat = chain.findIndex((name, index) => chain.indexOf(name) !== index);
  const again = repeat === -1 ? chain.length - 1 : repeat;
  const name = chain[again]!;
  const caller = partials.get(chain[again - 1] ?? '');
  const call = caller === undefined ? undefined : callsIn(caller).find((candidate) => candidate.name === name);
  const shown = [root, ...chain.slice(0, again + 1), '…'].join(' → ');
  return new TemplateError(caller?.displayPath ?? root, call?.line, call?.column, `partial "${name}" includes itself without end (${shown})`);
}

function compileFile(env: typeof Handlebars, file: TemplateFile, partialNames: ReadonlySet<string>): Compiled {
  const source = fs.readFileSync(file.absolutePath, 'utf8');
  let program: hbs.AST.Program;
  try {
    program = env.parse(source);
  } catch (error) {
    throw toTemplateError(error, file.displayPath, source);
  }
  const partialCalls = checkTemplate(program, file.displayPath, partialNames, formattingHelperNames);
  makeHelperArgumentsStrict(program, formattingHelperNames);
  const template = env.compile(program, { strict: true });
  const render: RenderFunction = (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      throw toTemplateError(error, file.displayPath, source);
    }
  };
  return { source, render, partialCalls };
}

function byName(files: readonly TemplateFile[]): Map<string, TemplateFile> {
  return new Map(files.map((file) => [file.name, file]));
}
