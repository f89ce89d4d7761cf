import { describe, expect, it } from 'vitest';
import { companyPeriods } from './company-days.ts';

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
