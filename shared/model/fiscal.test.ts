import { describe, expect, it } from 'vitest';
import { parseIsoDay } from './dates.ts';
import { fiscalQuarters } from './fiscal.ts';

const day = (text: string) => {
  const value = parseIsoDay(text);
  if (value === null) throw new Error(`bad date ${text}`);
  return value;
};

describe('fiscal quarters', () => {
  it('names the fiscal year after the calendar year in which it ends', () => {
    // February start: Feb 2026 – Jan 2027 is FY2027.
    const [q] = fiscalQuarters(day('2026-11-23'), 2, 1);
    expect(q).toMatchObject({ label: 'FY2027 Q4', start: '2026-11-01', end: '2027-01-31' });
    const [jan] = fiscalQuarters(day('2026-03-15'), 1, 1);
    expect(jan).toMatchObject({ label: 'FY2026 Q1', start: '2026-01-01', end: '2026-03-31' });
    const [july] = fiscalQuarters(day('2026-07-01'), 7, 1);
    expect(july).toMatchObject({ label: 'FY2027 Q1', start: '2026-07-01', end: '2026-09-30' });
  });

  it('starts with the quarter containing the as-of date for every start month and every month', () => {
    for (let startMonth = 1; startMonth <= 12; startMonth++) {
      for (let month = 1; month <= 12; month++) {
        for (const dom of ['01', '15', '28']) {
          const asOf = `2026-${String(month).padStart(2, '0')}-${dom}`;
          const quarters = fiscalQuarters(day(asOf), startMonth, 5);
          const first = quarters[0];
          if (!first) throw new Error('no quarter');
          expect(first.startDay).toBeLessThanOrEqual(day(asOf));
          expect(first.endDayExclusive).toBeGreaterThan(day(asOf));
          // Quarters tile the calendar: each starts the day after the previous one ends.
          for (let i = 1; i < quarters.length; i++) {
            expect(quarters[i]?.startDay).toBe(quarters[i - 1]?.endDayExclusive);
          }
          // Quarter 1 of a fiscal year starts in the fiscal start month.
          for (const q of quarters) {
            const startMonthOfQuarter = Number(q.start.slice(5, 7));
            const quarterNumber = Number(q.label.slice(-1));
            expect((startMonthOfQuarter - startMonth + 12) % 12).toBe((quarterNumber - 1) * 3);
          }
        }
      }
    }
  });

  it('handles year ends and leap years', () => {
    const quarters = fiscalQuarters(day('2027-12-31'), 1, 2);
    expect(quarters.map((q) => [q.label, q.start, q.end])).toEqual([
      ['FY2027 Q4', '2027-10-01', '2027-12-31'],
      ['FY2028 Q1', '2028-01-01', '2028-03-31'],
    ]);
    const [leap] = fiscalQuarters(day('2028-02-29'), 12, 1);
    expect(leap).toMatchObject({ label: 'FY2028 Q1', start: '2027-12-01', end: '2028-02-29' });
    const [october] = fiscalQuarters(day('2026-10-01'), 10, 1);
    expect(october).toMatchObject({ label: 'FY2027 Q1', start: '2026-10-01', end: '2026-12-31' });
  });
});

describe('ISO days', () => {
  it('rejects dates that are not on the calendar', () => {
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('2026-13-01')).toBeNull();
    expect(parseIsoDay('26-01-01')).toBeNull();
    expect(parseIsoDay('2026-1-01')).toBeNull();
    expect(parseIsoDay('2028-02-29')).not.toBeNull();
    expect(parseIsoDay('2027-02-29')).toBeNull();
  });
});
