import { describe, expect, it } from 'vitest';
import { compactMoney, count, decimal, finePercent, fullMoney, noun, percent, whole } from './numbers.ts';

describe('number formats', () => {
  it('writes money compact for charts and in full for tables', () => {
    expect(compactMoney(3_840_000, 'USD')).toBe('$3.84M');
    expect(compactMoney(350_000, 'USD')).toBe('$350K');
    expect(fullMoney(1_234_567.6, 'USD')).toBe('$1,234,568');
    expect(fullMoney(90_000, 'EUR')).toBe('€90,000');
  });

  it('never shows a 0% or 100% chance that is not certain', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(0.004)).toBe('<1%');
    expect(percent(0.996)).toBe('>99%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.375)).toBe('38%');
  });

  it('shows typed shares to the tenth without float noise', () => {
    expect(finePercent(0.3)).toBe('30%');
    expect(finePercent(0.125)).toBe('12.5%');
    expect(finePercent(0.393)).toBe('39.3%');
    expect(finePercent(0.1 + 0.2)).toBe('30%');
  });

  it('rounds decimals and whole numbers with separators, never "39.300000000000004"', () => {
    expect(decimal(39.300000000000004)).toBe('39.3');
    expect(decimal(1234.56, 2)).toBe('1,234.56');
    expect(whole(12_000.4)).toBe('12,000');
  });

  it('puts the noun of a count in the right number', () => {
    expect(count(1, 'deal')).toBe('1 deal');
    expect(count(0, 'deal')).toBe('0 deals');
    expect(count(2500, 'deal')).toBe('2,500 deals');
    expect(count(3, 'row was', 'rows were')).toBe('3 rows were');
    expect([noun(1, 'open deal'), noun(0, 'open deal'), noun(2, 'row is', 'rows are')]).toEqual(['open deal', 'open deals', 'rows are']);
  });
});
