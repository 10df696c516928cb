/** Canonical JSON remembers the text of frozen records only, and gives the same text either way. */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/editions/canonicalJson.js';

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
};

describe('canonicalJson', () => {
  it('gives a frozen value the text of the same value unfrozen', () => {
    const make = () => ({ b: [1, { d: 'x', c: null }], a: { z: true, y: undefined } });
    const frozen = deepFreeze(make());
    expect(canonicalJson(frozen)).toBe('{"a":{"z":true},"b":[1,{"c":null,"d":"x"}]}');
    expect(canonicalJson(frozen)).toBe(canonicalJson(make()));
  });

  it('sees a change inside an object that is only shallowly frozen, or not frozen', () => {
    const inner = { value: 1 };
    const shallow = Object.freeze({ inner });
    const open = { list: [1] };
    expect(canonicalJson(shallow)).toBe('{"inner":{"value":1}}');
    expect(canonicalJson(open)).toBe('{"list":[1]}');
    inner.value = 2;
    open.list.push(2);
    expect(canonicalJson(shallow)).toBe('{"inner":{"value":2}}');
    expect(canonicalJson(open)).toBe('{"list":[1,2]}');
  });
});
