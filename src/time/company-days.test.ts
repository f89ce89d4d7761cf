import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { companyDays, companyPeriods, localDayRange, parseLocalDateRange } from './company-days.ts';

describe('company periods', () => {
  it("takes the company's own day and its week from Monday, not the server's", () => {
    // 01:30 UTC on Tuesday is still Monday evening in Chicago.
    const { today, week } = companyPeriods(new Date('2026-12-01T01:30:00Z'), 'America/Chicago');
    expect(today).toEqual({ from: new Date('2026-11-30T06:00:00Z'), to: new Date('2026-12-01T06:00:00Z') });
    expect(week).toEqual({ from: new Date('2026-11-30T06:00:00Z'), to: new Date('2026-12-07T06:00:00Z') });
  });

  it('makes the day clocks fall back on 25 hours long and the week with it 169', () => {
    const { today, week } = companyPeriods(new Date('2026-11-01T12:00:00Z'), 'America/Denver');
    expect(today.to.getTime() - today.from.getTime()).toBe(25 * 3_600_000);
    expect(week.to.getTime() - week.from.getTime()).toBe(169 * 3_600_000);
    expect(week.from).toEqual(new Date('2026-10-26T06:00:00Z'));
  });
});

describe('company days', () => {
  it('lists local days midnight to midnight, 23 and 25 hours across DST, with Monday as weekday 0', () => {
    const days = companyDays('2026-03-07', '2026-03-09', 'America/Chicago');
    expect(days.map((d) => [d.date, d.weekday, (d.to.getTime() - d.from.getTime()) / 3_600_000])).toEqual([['2026-03-07', 5, 24], ['2026-03-08', 6, 23], ['2026-03-09', 0, 24]]);
    const fall = companyDays('2026-11-01', '2026-11-01', 'America/Chicago')[0]!;
    expect([fall.from.toISOString(), fall.to.toISOString()]).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-02T06:00:00.000Z']);
  });
});

describe('local date ranges', () => {
  const codes = { notADate: 'INVALID_DATE_RANGE', backwards: 'BAD_REQUEST' } as const;
  const refusal = (range: { from?: string; to?: string }) => {
    try {
      parseLocalDateRange(range, '2026-12-03', codes);
    } catch (e) {
      return e instanceof AppError ? [e.code, e.details] : e;
    }
    return null;
  };

  it('reads both dates inclusive, and defaults to the 30 days ending today', () => {
    expect(parseLocalDateRange({ from: '2026-11-01', to: '2026-11-01' }, '2026-12-03', codes)).toEqual({ from: '2026-11-01', to: '2026-11-01', days: 1 });
    expect(parseLocalDateRange({}, '2026-12-03', codes)).toEqual({ from: '2026-11-04', to: '2026-12-03', days: 30 });
    expect(parseLocalDateRange({ from: '2027-01-01', to: '2028-01-01' }, '2026-12-03', codes).days).toBe(366);
  });

  it("refuses a date that does not exist or is out of bounds, a backwards range and one too long, with the caller's codes", () => {
    expect(refusal({ from: '2026-02-30' })).toEqual(['INVALID_DATE_RANGE', { field: 'from' }]);
    expect(refusal({ from: '1999-12-31', to: '2000-01-01' })).toEqual(['INVALID_DATE_RANGE', { field: 'from' }]);
    expect(refusal({ from: '2026-12-04', to: '2026-12-03' })).toEqual(['BAD_REQUEST', { field: 'from' }]);
    expect(refusal({ from: '2025-01-01', to: '2026-01-02' })).toEqual(['RANGE_TOO_LONG', { field: 'to' }]);
  });

  it('turns a range into the instants of its company-local days', () => {
    const r = localDayRange({ from: '2026-11-01', to: '2026-11-01' }, 'America/Chicago', new Date('2026-12-03T12:00:00Z'));
    expect([r.from.toISOString(), r.to.toISOString(), r.fromDate, r.toDate]).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-02T06:00:00.000Z', '2026-11-01', '2026-11-01']);
  });
});
