import { describe, expect, it } from 'vitest';
import { readTimeWishAfter, readTimeWishIn, searchWindow } from './booking-time.ts';

// Thursday 2026-03-05, noon in Chicago; the clocks spring forward on Sunday 2026-03-08.
const context = { timeZone: 'America/Chicago', now: new Date('2026-03-05T18:00:00Z') };

describe('what the caller wants for a time', () => {
  it('reads exact times, ranges and "as soon as possible"', () => {
    expect(readTimeWishIn('tomorrow at two thirty', context)).toEqual({ ok: true, wish: { kind: 'exact', start: '2026-03-06T14:30:00-06:00' } });
    expect(readTimeWishIn('friday morning', context)).toEqual({ ok: true, wish: { kind: 'range', from: '2026-03-06T06:00:00-06:00', to: '2026-03-06T12:00:00-06:00' } });
    expect(readTimeWishIn('as soon as you can', context)).toEqual({ ok: true, wish: { kind: 'asap' } });
    expect(readTimeWishIn("whenever, I don't care", context)).toEqual({ ok: true, wish: { kind: 'asap' } });
  });

  it('names a time the daylight saving change skips instead of moving it, for the ear', () => {
    const read = readTimeWishIn('sunday at two thirty in the morning', context);
    expect(read).toMatchObject({ ok: false, misheard: false });
    if (!read.ok) {
      expect(read.say).toContain("two thirty in the morning doesn't exist on Sunday, March eighth");
      expect(read.say).toContain('daylight saving time');
      expect(read.say).not.toMatch(/\d/);
    }
  });

  it('asks again, as a misunderstanding, when no time was said', () => {
    expect(readTimeWishIn('purple monkey', context)).toMatchObject({ ok: false, misheard: true });
  });

  it('searches around an exact time and never before now', () => {
    expect(searchWindow({ kind: 'exact', start: '2026-03-06T14:30:00-06:00' }, context.now)).toEqual({ from: '2026-03-06T14:30:00.000Z', to: '2026-03-08T02:30:00.000Z' });
    expect(searchWindow({ kind: 'range', from: '2026-03-05T08:00:00-06:00', to: '2026-03-05T17:00:00-06:00' }, context.now)).toEqual({ from: '2026-03-05T18:00:00.000Z', to: '2026-03-05T23:00:00.000Z' });
    expect(searchWindow({ kind: 'asap' }, context.now)).toEqual({ from: '2026-03-05T18:00:00.000Z' });
  });

  it('reads a weekday said alone among the days already talked about, and a time alone on the day talked about', () => {
    // Monday 2026-03-02 at noon; "next week" is March 9 to 15 (after the clocks change).
    const monday = { timeZone: 'America/Chicago', now: new Date('2026-03-02T18:00:00Z') };
    const nextWeek = { kind: 'range' as const, from: '2026-03-09T00:00:00-05:00', to: '2026-03-16T00:00:00-05:00' };
    // "Sometime next week" … "tuesday morning": next week's Tuesday, not tomorrow.
    expect(readTimeWishAfter('tuesday morning', nextWeek, monday)).toEqual({ ok: true, wish: { kind: 'range', from: '2026-03-10T06:00:00-05:00', to: '2026-03-10T12:00:00-05:00' } });
    expect(readTimeWishAfter('um monday at nine', nextWeek, monday)).toEqual({ ok: true, wish: { kind: 'exact', start: '2026-03-09T09:00:00-05:00' } });
    // A week the caller names wins; without days talked about, a weekday is the coming one.
    expect(readTimeWishAfter('this tuesday morning', nextWeek, monday)).toEqual(readTimeWishIn('this tuesday morning', monday));
    expect(readTimeWishAfter('tuesday morning', undefined, monday)).toEqual({ ok: true, wish: { kind: 'range', from: '2026-03-03T06:00:00-06:00', to: '2026-03-03T12:00:00-06:00' } });
    // "Next week tuesday" … "actually wednesday": the Wednesday of that week; a day this week keeps the coming one.
    const nextTuesday = { kind: 'range' as const, from: '2026-03-10T06:00:00-05:00', to: '2026-03-10T12:00:00-05:00' };
    expect(readTimeWishAfter('actually wednesday', nextTuesday, monday)).toEqual({ ok: true, wish: { kind: 'range', from: '2026-03-11T00:00:00-05:00', to: '2026-03-12T00:00:00-05:00' } });
    const thisThursday = { kind: 'exact' as const, start: '2026-03-05T09:00:00-06:00' };
    expect(readTimeWishAfter('actually wednesday', thisThursday, monday)).toEqual(readTimeWishIn('actually wednesday', monday));
    // One day talked about: a time alone is on it.
    const friday = { kind: 'range' as const, from: '2026-03-06T06:00:00-06:00', to: '2026-03-06T12:00:00-06:00' };
    expect(readTimeWishAfter('how about two instead', friday, context)).toEqual({ ok: true, wish: { kind: 'exact', start: '2026-03-06T14:00:00-06:00' } });
  });
});
