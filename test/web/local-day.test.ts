import { describe, expect, it } from 'vitest';
import { addDays, clockLabel, dayLabel, localDaysSpan, localInstant, localParts, mondayOf, weekdayOf } from '../../web/src/lib/local-day.ts';

// The schedule asks the API for company-local days whatever zone the browser is in.
describe('company-local day arithmetic in the dashboard', () => {
  it('turns a local midnight into the instant of that zone, in winter and in summer', () => {
    expect(localInstant('2026-12-02', '00:00', 'America/Chicago').toISOString()).toBe('2026-12-02T06:00:00.000Z');
    expect(localInstant('2026-07-02', '00:00', 'America/Chicago').toISOString()).toBe('2026-07-02T05:00:00.000Z');
    expect(localInstant('2026-12-02', '09:30', 'Asia/Tokyo').toISOString()).toBe('2026-12-02T00:30:00.000Z');
  });

  it('spans a day that has 23 hours (spring forward) exactly', () => {
    const span = localDaysSpan('2026-03-08', 1, 'America/Denver');
    expect(span).toEqual({ from: '2026-03-08T07:00:00.000Z', to: '2026-03-09T06:00:00.000Z' });
  });

  it('reads an instant back as the local date and time of the zone', () => {
    expect(localParts('2026-12-03T03:30:00.000Z', 'America/Chicago')).toEqual({ date: '2026-12-02', time: '21:30' });
    expect(localParts('2026-12-03T03:30:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2026-12-03', time: '12:30' });
  });

  it('steps dates across months and years and finds the week\'s Monday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-12-02')).toBe(3);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(dayLabel('2026-12-02')).toBe('Wed, Dec 2');
  });

  it('writes wall times as people read them', () => {
    expect(clockLabel('00:00')).toBe('12:00 AM');
    expect(clockLabel('12:05')).toBe('12:05 PM');
    expect(clockLabel('17:30')).toBe('5:30 PM');
    expect(clockLabel('24:00')).toBe('12:00 AM');
  });
});
