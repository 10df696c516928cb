/**
 * The Handlebars layer: an isolated Handlebars environment per engine, strict mode, our helpers,
 * partials from templates/partials/*.hbs, brief templates from templates/*.hbs. Each file is read and
 * compiled once, on first use; every failure is a TemplateError naming the file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Block } from '../typeset/document.js';
import { parseMarkup } from '../markup/index.js';
import { TemplateError } from './errors.js';
import { toTemplateError } from './handlebarsErrors.js';
import { formattingHelperNames, registerHelpers } from './helpers/index.js';
import { makeHelperArgumentsStrict } from './strictHelperArguments.js';
import { checkTemplate } from './staticChecks.js';
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

export function createTemplateEngine(templatesDir: string): TemplateEngine {
  const displayFolder = path.basename(path.resolve(templatesDir));
  if (!fs.existsSync(templatesDir)) {
    throw new TemplateError(displayFolder, undefined, undefined, `templates folder not found: ${path.resolve(templatesDir)}`);
  }
  const env = Handlebars.create();
  registerHelpers(env);

  const templates = byName(listTemplateFiles(templatesDir, displayFolder, true));
  const partials = byName(listTemplateFiles(path.join(templatesDir, 'partials'), `${displayFolder}/partials`, false));
  const partialNames = new Set(partials.keys());
  const compiled = new Map<string, RenderFunction>();

  const compileOnce = (file: TemplateFile): RenderFunction => {
    const cached = compiled.get(file.absolutePath);
    if (cached !== undefined) return cached;
    const render = compileFile(env, file, partialNames);
    compiled.set(file.absolutePath, render);
    return render;
  };

  for (const partial of partials.values()) {
    // Compiled on first use; errors inside a partial name the partial's own file.
    const lazyPartial = (context: unknown, options?: Handlebars.RuntimeOptions): string => compileOnce(partial)(context, options);
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
    return compileOnce(file)(context);
  };

  return {
    templateNames: [...templates.keys()],
    render,
    renderBlocks(name, context) {
      const markup = render(name, context);
      return parseMarkup(markup, { template: templates.get(name)?.displayPath ?? name });
    },
  };
}

function compileFile(env: typeof Handlebars, file: TemplateFile, partialNames: ReadonlySet<string>): RenderFunction {
  const source = fs.readFileSync(file.absolutePath, 'utf8');
  let program: hbs.AST.Program;
  try {
    program = env.parse(source);
  } catch (error) {
    throw toTemplateError(error, file.displayPath, source);
  }
  checkTemplate(program, file.displayPath, partialNames);
  makeHelperArgumentsStrict(program, formattingHelperNames);
  const template = env.compile(program, { strict: true });
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      throw toTemplateError(error, file.displayPath, source);
    }
  };
}

function byName(files: readonly TemplateFile[]): Map<string, TemplateFile> {
  return new Map(files.map((file) => [file.name, file]));
}
