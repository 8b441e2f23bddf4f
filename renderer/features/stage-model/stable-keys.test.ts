import { describe, expect, it } from 'vitest';
import { nextKeys } from './stable-keys.ts';

const keysFor = () => {
  let n = 0;
  return () => `k${++n}`;
};

describe('row keys that follow rows', () => {
  const a = { name: 'Year-end freeze' };
  const b = { name: 'Budget reset' };
  const c = { name: 'Audit' };

  it('keep each remaining row’s key when a row is removed, so the next row never shows the removed one’s input', () => {
    const make = keysFor();
    const first = { items: [a, b, c], keys: nextKeys(null, [a, b, c], make) };
    expect(first.keys).toEqual(['k1', 'k2', 'k3']);
    expect(nextKeys(first, [a, c], make)).toEqual(['k1', 'k3']);
    expect(nextKeys(first, [b, c], make)).toEqual(['k2', 'k3']);
  });

  it('keep the key of a row edited in place, and give added rows new keys', () => {
    const make = keysFor();
    const first = { items: [a, b], keys: nextKeys(null, [a, b], make) };
    const edited = { ...b, name: 'Budget reset in March' };
    expect(nextKeys(first, [a, edited], make)).toEqual(['k1', 'k2']);
    expect(nextKeys(first, [a, b, c], make)).toEqual(['k1', 'k2', 'k3']);
  });
});
