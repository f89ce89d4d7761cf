import { describe, expect, it } from 'vitest';
import { isOpenAt } from './profile.ts';

const hours = { monday: [{ start: '08:00', end: '17:00' }], tuesday: [{ start: '08:00', end: '17:00' }], saturday: [{ start: '09:00', end: '13:00' }] };
const none = { overrides: [], holidays: [] };
const at = (iso: string) => new Date(iso);

describe('whether the company is open at the moment of the call', () => {
  it('reads the weekly hours in the company zone', () => {
    // Monday 2026-03-16: 9:00 in Denver is 15:00 UTC.
    expect(isOpenAt('America/Denver', hours, none, at('2026-03-16T15:00:00Z'))).toBe(true);
    expect(isOpenAt('America/Denver', hours, none, at('2026-03-16T13:59:00Z'))).toBe(false);
    expect(isOpenAt('America/Denver', hours, none, at('2026-03-16T23:00:00Z'))).toBe(false);
    expect(isOpenAt('America/Denver', hours, none, at('2026-03-18T16:00:00Z'))).toBe(false);
  });

  it('is closed on a holiday and follows a date override', () => {
    expect(isOpenAt('America/Denver', hours, { overrides: [], holidays: ['2026-03-16'] }, at('2026-03-16T15:00:00Z'))).toBe(false);
    const shortDay = { overrides: [{ date: '2026-03-17', ranges: [{ start: '08:00', end: '10:00' }] }], holidays: [] };
    expect(isOpenAt('America/Denver', hours, shortDay, at('2026-03-17T15:00:00Z'))).toBe(true);
    expect(isOpenAt('America/Denver', hours, shortDay, at('2026-03-17T17:00:00Z'))).toBe(false);
  });
});
