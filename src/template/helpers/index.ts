/**
 * The template helpers: formatting only, no business logic. Helpers return plain strings (escaped by
 * Handlebars like any data) except where they build markup themselves from checked pieces.
 */
import type Handlebars from 'handlebars';
import { formatArabicDate, isDatePrecision } from '../../arabic/dates.js';
import { citationMarkup } from './cite.js';
import { formatQualifiedNumber, formatQuantity, rangeParts, type OptionalText, type RangeForm } from './quantity.js';
import { HelperError } from '../errors.js';

type HandlebarsEnvironment = typeof Handlebars;
type HelperOptions = Handlebars.HelperOptions & { name?: string; loc?: { start: { line: number; column: number } } };
type Helper = (positional: unknown[], options: HelperOptions, env: HandlebarsEnvironment) => unknown;

/** {{arDate date}} or {{arDate date "month"}} → "10 سبتمبر/أيلول 2014" / "سبتمبر/أيلول 2014". */
const arDate: Helper = ([iso, precision]) => {
  if (typeof iso !== 'string') throw new Error(`expected an ISO date string, got ${describe(iso)}`);
  if (precision !== undefined && precision !== null && !isDatePrecision(precision)) {
    throw new Error(`precision must be "day", "month" or "year", got ${describe(precision)}`);
  }
  return formatArabicDate(iso, precision ?? undefined);
};

/** {{quantity qualifier value unit}} → "أكثر من 34 ألف غارة"; {{quantity value}} → "34 ألفاً". */
const quantity: Helper = (positional) => {
  if (positional.length === 1) return formatQuantity(undefined, positional[0] as number, undefined);
  if (positional.length !== 3) throw new Error('use {{quantity value}} or {{quantity qualifier value unit}}');
  const [qualifier, value, unit] = positional;
  return formatQuantity(optionalText(qualifier, 'qualifier'), value as number, optionalText(unit, 'unit'));
};

/** {{qualified qualifier value}} → "أكثر من 4000", "800 على الأقل": digits, for a chart's value labels. */
const qualified: Helper = (positional) => {
  if (positional.length !== 2) throw new Error('use {{qualified qualifier value}}');
  const [qualifier, value] = positional;
  return formatQualifiedNumber(optionalText(qualifier, 'qualifier'), value as number);
};

/**
 * {{range min max unit}} → "بين 35 و50 ألف جندي";
 * {{range min max unit form="isolated"}} → "<ltr>35–50</ltr> ألف جندي" (kept as one LTR unit).
 */
const range: Helper = (positional, options, env) => {
  const [min, max, unit] = positional;
  if (positional.length < 2 || positional.length > 3) throw new Error('use {{range min max [unit]}}');
  const form: unknown = options.hash['form'] ?? 'words';
  if (form !== 'words' && form !== 'isolated') throw new Error(`form must be "words" or "isolated", got ${describe(form)}`);
  const parts = rangeParts(min as number, max as number, optionalText(unit, 'unit'), form as RangeForm);
  if (form === 'words') return [parts.numbers, parts.rest].filter((text) => text !== '').join(' ');
  // The numbers are digits, dots and a dash only; the rest (unit from data) is escaped.
  const rest = parts.rest === '' ? '' : ` ${env.escapeExpression(parts.rest)}`;
  return new env.SafeString(`<ltr>${parts.numbers}</ltr>${rest}`);
};

/** {{cite 3}}, {{cite 3 5}} or {{cite figure.sources}} → "<cite>3</cite>", "<cite>3، 5</cite>". */
const cite: Helper = (positional, _options, env) => new env.SafeString(citationMarkup(positional.flat()));

/** Replaces Handlebars' own message (which has no location) for a call to an unknown helper. */
const helperMissing: Helper = (_positional, options) => {
  throw new Error(`unknown helper "${options.name ?? '?'}"`);
};

export const helpers: Readonly<Record<string, Helper>> = { arDate, quantity, qualified, range, cite, helperMissing };

/** Helpers whose arguments must exist in the data (see strictHelperArguments.ts). */
export const formattingHelperNames: ReadonlySet<string> = new Set(['arDate', 'quantity', 'qualified', 'range', 'cite']);

export function registerHelpers(env: HandlebarsEnvironment): void {
  for (const [name, helper] of Object.entries(helpers)) {
    env.registerHelper(name, function locatedHelper(this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as HelperOptions;
      try {
        return helper(args.slice(0, -1), options, env);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const label = name === 'helperMissing' ? '' : `{{${name}}}: `;
        throw new HelperError(`${label}${message}`, options.loc?.start.line, options.loc?.start.column);
      }
    });
  }
}

function optionalText(value: unknown, what: string): OptionalText {
  if (value === null || value === undefined || typeof value === 'string') return value;
  throw new Error(`${what} must be text, got ${describe(value)}`);
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
