import { describe, expect, it } from 'vitest';
import { detectAmountStyle, parseAmount } from './amounts.ts';
import { detectDateOrder, parseCrmDate } from './dates.ts';

describe('amounts', () => {
  it('reads US and European styles, symbols and codes', () => {
    expect(parseAmount('$1,200,000.00', 'dot-decimal')).toBe(1_200_000);
    expect(parseAmount('1.200.000,00', 'comma-decimal')).toBe(1_200_000);
    expect(parseAmount('1 200 000,50 €', 'comma-decimal')).toBe(1_200_000.5);
    expect(parseAmount('USD 250000', 'dot-decimal')).toBe(250_000);
    expect(parseAmount('250000', 'comma-decimal')).toBe(250_000);
    expect(parseAmount('(5,000.00)', 'dot-decimal')).toBe(-5_000);
  });

  it('refuses what is not an amount in the chosen style', () => {
    expect(parseAmount('1.200.000,00', 'dot-decimal')).toBeNull();
    expect(parseAmount('twelve', 'dot-decimal')).toBeNull();
    expect(parseAmount('', 'dot-decimal')).toBeNull();
    expect(parseAmount('1,20,000', 'dot-decimal')).toBeNull();
  });

  it('detects a column’s style from the values that can be read only one way', () => {
    expect(detectAmountStyle(['$1,200,000.00', '250000'])).toBe('dot-decimal');
    expect(detectAmountStyle(['1.200.000,00', '300.000'])).toBe('comma-decimal');
    expect(detectAmountStyle(['1,200', '300'])).toBeNull();
  });
});

describe('dates', () => {
  it('reads ISO, US and European forms, with times', () => {
    expect(parseCrmDate('2026-10-02', 'month-first')).toBe('2026-10-02');
    expect(parseCrmDate('10/2/2026', 'month-first')).toBe('2026-10-02');
    expect(parseCrmDate('2/10/2026', 'day-first')).toBe('2026-10-02');
    expect(parseCrmDate('02.10.2026', 'month-first')).toBe('2026-10-02');
    expect(parseCrmDate('10/2/2026 2:33 PM', 'month-first')).toBe('2026-10-02');
    expect(parseCrmDate('2026-10-02T14:33:00Z', 'day-first')).toBe('2026-10-02');
    expect(parseCrmDate('10/2/26', 'month-first')).toBe('2026-10-02');
    expect(parseCrmDate('31/2/2026', 'day-first')).toBeNull();
    expect(parseCrmDate('soon', 'day-first')).toBeNull();
  });

  it('decides the order from the column, and says when it cannot', () => {
    expect(detectDateOrder(['10/2/2026', '10/25/2026'])).toEqual({ order: 'month-first', ambiguous: false });
    expect(detectDateOrder(['2/10/2026', '25/10/2026'])).toEqual({ order: 'day-first', ambiguous: false });
    expect(detectDateOrder(['02.10.2026'])).toEqual({ order: 'day-first', ambiguous: false });
    expect(detectDateOrder(['10/2/2026', '3/4/2026'])).toEqual({ order: null, ambiguous: true });
    expect(detectDateOrder(['2026-10-02'])).toEqual({ order: null, ambiguous: false });
  });
});
