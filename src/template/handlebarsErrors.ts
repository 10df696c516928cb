/** Turns Handlebars' parse, compile and runtime errors into TemplateErrors that name file, line and column. */
import Handlebars from 'handlebars';
import { HelperError, TemplateError } from './errors.js';

/** Handlebars' Exception: line 1-based, column 0-based, when it knows them. */
interface HandlebarsException extends Error {
  lineNumber?: number;
  column?: number;
  endLineNumber?: number;
  endColumn?: number;
}

export function toTemplateError(error: unknown, file: string, source: string): TemplateError {
  if (error instanceof TemplateError) return error;
  if (error instanceof HelperError) return new TemplateError(file, error.line, oneBased(error.column), error.message);
  if (!(error instanceof Error)) return new TemplateError(file, undefined, undefined, String(error));

  const syntax = /^(?:Parse|Lexical) error on line (\d+)[:.]\s*([\s\S]*)$/.exec(error.message);
  if (syntax !== null) return syntaxError(file, source, Number(syntax[1]), syntax[2] ?? '');

  const located = error as HandlebarsException;
  const message = error.message.replace(/ - \d+:\d+$/, '');
  const strictMiss = /^"(.*)" not defined in /.exec(message);
  const reason = strictMiss === null ? message : missingFieldReason(source, located, strictMiss[1] ?? '');
  return new TemplateError(file, located.lineNumber, oneBased(located.column), reason);
}

function oneBased(column: number | undefined): number | undefined {
  return column === undefined ? undefined : column + 1;
}

/**
 * Strict mode reports an unknown helper as a missing field; a name in a mustache's first position
 * followed by arguments is a helper call.
 */
function missingFieldReason(source: string, at: HandlebarsException, name: string): string {
  const expression = expressionAt(source, at) ?? name;
  const line = at.lineNumber === undefined ? undefined : source.split('\n')[at.lineNumber - 1];
  if (line !== undefined && at.column !== undefined && at.endColumn !== undefined) {
    const isCallPosition = /\{\{~?[#^]?\s*$/.test(line.slice(0, at.column));
    const hasArguments = /^\s+(?!as\s*\|)[^\s}~]/.test(line.slice(at.endColumn));
    if (isCallPosition && hasArguments) return `unknown helper "${expression}"`;
  }
  return `missing field "${expression}"`;
}

/** The template text an error's location covers, e.g. "figure.value" for a missing field. */
function expressionAt(source: string, at: HandlebarsException): string | undefined {
  if (at.lineNumber === undefined || at.column === undefined || at.endLineNumber !== at.lineNumber) return undefined;
  const line = source.split('\n')[at.lineNumber - 1];
  const text = line?.slice(at.column, at.endColumn).trim();
  return text === '' ? undefined : text;
}

function syntaxError(file: string, source: string, line: number, details: string): TemplateError {
  const expectation = details.split('\n').find((text) => text.startsWith('Expecting')) ?? details.trim();
  if (/got 'EOF'/.test(expectation)) {
    const unclosed = findUnclosedBlock(source);
    if (unclosed !== undefined) {
      return new TemplateError(file, unclosed.line, unclosed.column, `{{#${unclosed.name}}} is not closed (no {{/${unclosed.name}}} before the end of the file)`);
    }
  }
  return new TemplateError(file, line, undefined, `syntax error: ${expectation}`);
}

interface OpenBlock {
  name: string;
  line: number;
  column: number;
}

/** The innermost block left open at the end of the source, found with Handlebars' own lexer. */
function findUnclosedBlock(source: string): OpenBlock | undefined {
  const parser = (Handlebars as unknown as { Parser: HandlebarsJisonParser }).Parser;
  const lexer = Object.create(parser.lexer) as HandlebarsJisonLexer;
  const open: OpenBlock[] = [];
  try {
    lexer.setInput(source);
    let pending: { line: number; column: number } | undefined;
    for (let token = lexer.lex(); token !== undefined; token = lexer.lex()) {
      const name = parser.terminals_[token as number] ?? String(token);
      if (name === 'EOF') break;
      if (name === 'OPEN_BLOCK' || name === 'OPEN_INVERSE' || name === 'OPEN_PARTIAL_BLOCK') {
        pending = { line: lexer.yylloc.first_line, column: lexer.yylloc.first_column + 1 };
      } else if (name === 'OPEN_ENDBLOCK') {
        open.pop();
      } else if (pending !== undefined && name === 'ID') {
        open.push({ name: lexer.yytext, ...pending });
        pending = undefined;
      }
    }
  } catch {
    return undefined;
  }
  return open[open.length - 1];
}

interface HandlebarsJisonLexer {
  setInput(source: string): void;
  lex(): number | string | undefined;
  yytext: string;
  yylloc: { first_line: number; first_column: number };
}

interface HandlebarsJisonParser {
  lexer: HandlebarsJisonLexer;
  terminals_: Record<number, string>;
}
