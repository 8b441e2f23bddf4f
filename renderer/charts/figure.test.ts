import { describe, expect, it } from 'vitest';
import { rowsHeight } from './figure.ts';

describe('the height of a chart with a row per stage', () => {
  it('keeps the usual height for a usual cycle, and grows with more or longer names', () => {
    const usual = ['Discovery', 'Executive presentation', 'Proof of concept', 'Security and compliance review', 'Procurement and legal', 'Closed won'];
    expect(rowsHeight(usual, 280)).toBe(280);
    expect(rowsHeight([...usual, ...usual], 280)).toBe(12 * 40 + 40);
    // A name that wraps to three lines beside the bars gets taller rows for every stage, so rows stay even.
    expect(rowsHeight(['Executive steering committee and board approval', ...usual], 280)).toBe(7 * 56 + 40);
  });
});
