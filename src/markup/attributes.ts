/** Reading and validating attribute values; every failure names the element and attribute. */
import type { Fail, MarkupElement } from './markupTree.js';
import { collapseText } from './inline.js';

export class AttributeReader {
  constructor(
    private readonly element: MarkupElement,
    private readonly fail: Fail,
  ) {}

  private find(name: string) {
    return this.element.attributes.find((attribute) => attribute.name === name);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** Text with whitespace collapsed; undefined when absent. */
  optionalText(name: string): string | undefined {
    const attribute = this.find(name);
    return attribute === undefined ? undefined : collapseText(attribute.value);
  }

  requiredText(name: string): string {
    const text = this.optionalText(name);
    if (text === undefined || text === '') {
      this.fail(this.element.offset, `<${this.element.name}> needs a non-empty "${name}" attribute`);
    }
    return text;
  }

  optionalChoice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const attribute = this.find(name);
    if (attribute === undefined) return undefined;
    const value = attribute.value.trim();
    const choice = choices.find((candidate) => candidate === value);
    if (choice === undefined) this.badValue(attribute, `one of ${choices.map((c) => `"${c}"`).join(', ')}`);
    return choice;
  }

  /** A present-or-absent flag such as <h2 toc>; a value other than empty or its own name is an error. */
  flag(name: string): boolean {
    const attribute = this.find(name);
    if (attribute === undefined) return false;
    const value = attribute.value.trim();
    if (value !== '' && value !== name) this.badValue(attribute, `empty (just "${name}")`);
    return true;
  }

  /** Chart values are counts: non-negative, finite, plain decimal notation. */
  optionalCount(name: string): number | undefined {
    const attribute = this.find(name);
    if (attribute === undefined) return undefined;
    const value = parseDecimal(attribute.value);
    return value !== undefined && value >= 0 ? value : this.badValue(attribute, 'a non-negative decimal number such as 34000 or 7.5');
  }

  /** Space-separated positive numbers, e.g. weights="3 1 1". */
  optionalPositiveNumbers(name: string): number[] | undefined {
    const attribute = this.find(name);
    if (attribute === undefined) return undefined;
    const parts = attribute.value.trim().split(/\s+/);
    const numbers = parts.map(parseDecimal);
    if (parts[0] === '' || numbers.some((n) => n === undefined || n <= 0)) {
      this.badValue(attribute, 'positive numbers separated by spaces, such as "3 1 1"');
    }
    return numbers as number[];
  }

  private badValue(attribute: { name: string; value: string; offset: number }, expected: string): never {
    return this.fail(
      attribute.offset,
      `bad value "${attribute.value}" for "${attribute.name}" on <${this.element.name}>: expected ${expected}`,
    );
  }
}

/** Plain decimal notation only: "1e3", "0x10", "Infinity" and "" are not numbers in markup. */
function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d+(?:\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
