import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../engine/types.ts';
import { parseSpokenTime } from './parse-spoken-time.ts';
import type { SpokenTimeOptions } from './types.ts';

const day = { start: '08:00', end: '17:00' };
const HOURS: WeeklyHours = { monday: [day], tuesday: [day], wednesday: [day], thursday: [day], friday: [day], saturday: [{ start: '09:00', end: '13:00' }] };
// Monday 2026-06-01, 10:00 in New York.
const MONDAY_10AM: SpokenTimeOptions = { timeZone: 'America/New_York', now: '2026-06-01T14:00:00Z', openHours: HOURS };
const parse = (text: string, options: Partial<SpokenTimeOptions> = {}) => parseSpokenTime(text, { ...MONDAY_10AM, ...options });
const exact = (start: string) => ({ kind: 'exact', start, localDate: start.slice(0, 10), localTime: start.slice(11, 16) });

describe('parseSpokenTime: exact times', () => {
  it.each([
    ['tomorrow at 3', '2026-06-02T15:00:00-04:00'],
    ['Tomorrow at 3 P.M., please.', '2026-06-02T15:00:00-04:00'],
    ['tomorrow at 3 am', '2026-06-02T03:00:00-04:00'],
    ['tomorrow at 9', '2026-06-02T09:00:00-04:00'],
    ['tomorrow at 12', '2026-06-02T12:00:00-04:00'],
    ['noon', '2026-06-01T12:00:00-04:00'],
    ['3:30', '2026-06-01T15:30:00-04:00'],
    ['three thirty', '2026-06-01T15:30:00-04:00'],
    ['half past two', '2026-06-01T14:30:00-04:00'],
    ['quarter to five', '2026-06-01T16:45:00-04:00'],
    ['a quarter to eight tomorrow', '2026-06-02T07:45:00-04:00'],
    ['twenty five past ten', '2026-06-01T10:25:00-04:00'],
    ['ten after eleven', '2026-06-01T11:10:00-04:00'],
    ['three oh five tomorrow', '2026-06-02T15:05:00-04:00'],
    ['ten am tomorrow', '2026-06-02T10:00:00-04:00'],
    ["um can you come like uh at four o'clock", '2026-06-01T16:00:00-04:00'],
    ['tonight at 8', '2026-06-01T20:00:00-04:00'],
    ['at 3 tomorrow in the afternoon', '2026-06-02T15:00:00-04:00'],
    ['wednesday at eleven thirty', '2026-06-03T11:30:00-04:00'],
    ['in two hours', '2026-06-01T12:00:00-04:00'],
    ['in half an hour', '2026-06-01T10:30:00-04:00'],
  ])('reads "%s"', (text, start) => {
    expect(parse(text)).toEqual(exact(start));
  });

  it('reads a lone number as a time only where it stands as one', () => {
    expect(parse('three')).toEqual(exact('2026-06-01T15:00:00-04:00'));
    expect(parse('tomorrow um 4 works')).toEqual(exact('2026-06-02T16:00:00-04:00'));
    expect(parse('can one of your guys come tomorrow at 2')).toEqual(exact('2026-06-02T14:00:00-04:00'));
  });

  it('reads a time already past today as tomorrow', () => {
    expect(parse('at 9')).toEqual(exact('2026-06-02T09:00:00-04:00'));
  });

  it('reads a bare hour as AM or PM by the open hours when only one of them is open', () => {
    const nights: WeeklyHours = { tuesday: [{ start: '00:00', end: '06:00' }] };
    expect(parse('tomorrow at 3', { openHours: nights })).toEqual(exact('2026-06-02T03:00:00-04:00'));
    const evenings: WeeklyHours = { tuesday: [{ start: '14:00', end: '23:00' }] };
    expect(parse('tomorrow at 9', { openHours: evenings })).toEqual(exact('2026-06-02T21:00:00-04:00'));
    // Neither open: phone habit decides.
    expect(parse('friday at 7')).toEqual(exact('2026-06-05T19:00:00-04:00'));
  });
});

describe('parseSpokenTime: days', () => {
  const whole = (date: string, label: string) => ({
    kind: 'range',
    from: `${date}T00:00:00-04:00`,
    to: expect.stringMatching(/T00:00:00-04:00$/),
    localDate: date,
    label,
  });

  it('reads "next tuesday" said on a Monday as tomorrow, and a weekday is never today', () => {
    expect(parse('next tuesday')).toEqual(whole('2026-06-02', 'Tuesday, June 2'));
    expect(parse('monday')).toEqual(whole('2026-06-08', 'Monday, June 8'));
    expect(parse('next monday')).toEqual(whole('2026-06-08', 'Monday, June 8'));
  });

  it('reads "this <weekday>" as today when today is that day', () => {
    expect(parse('this monday')).toEqual(whole('2026-06-01', 'Monday, June 1'));
    expect(parse('this saturday')).toEqual(whole('2026-06-06', 'Saturday, June 6'));
  });

  it('reads "the 10th" as the next 10th, and a passed date of the month as next month', () => {
    expect(parse('the 10th')).toEqual(whole('2026-06-10', 'Wednesday, June 10'));
    expect(parse('on the tenth', { now: '2026-06-12T14:00:00Z' })).toEqual(whole('2026-07-10', 'Friday, July 10'));
    expect(parse('the thirty first')).toEqual(whole('2026-07-31', 'Friday, July 31'));
  });

  it('reads month dates, in this year or the next', () => {
    expect(parse('july fourth at 10')).toEqual(exact('2026-07-04T10:00:00-04:00'));
    expect(parse('the 8th of march')).toMatchObject({ localDate: '2027-03-08' });
    expect(parse('monday the 15th at 4')).toEqual(exact('2026-06-15T16:00:00-04:00'));
  });

  it('reads today, tomorrow and the day after tomorrow as whole days', () => {
    expect(parse('today')).toEqual(whole('2026-06-01', 'Monday, June 1'));
    expect(parse('tomorrow')).toEqual(whole('2026-06-02', 'Tuesday, June 2'));
    expect(parse('the day after tomorrow')).toEqual(whole('2026-06-03', 'Wednesday, June 3'));
  });

  it('reads weeks and weekends as spans of days', () => {
    expect(parse('next week')).toEqual({
      kind: 'range',
      from: '2026-06-08T00:00:00-04:00',
      to: '2026-06-15T00:00:00-04:00',
      label: 'next week (Monday, June 8 to Sunday, June 14)',
    });
    expect(parse('sometime this weekend')).toMatchObject({ from: '2026-06-06T00:00:00-04:00', to: '2026-06-08T00:00:00-04:00' });
  });
});

describe('parseSpokenTime: ranges', () => {
  const range = (from: string, to: string, label: string) => ({ kind: 'range', from, to, localDate: from.slice(0, 10), label });

  it('reads parts of the day on the coming day', () => {
    expect(parse('next tuesday morning')).toEqual(range('2026-06-02T06:00:00-04:00', '2026-06-02T12:00:00-04:00', 'Tuesday, June 2, morning'));
    expect(parse('uh tomorrow afternoon')).toEqual(range('2026-06-02T12:00:00-04:00', '2026-06-02T17:00:00-04:00', 'Tuesday, June 2, afternoon'));
    expect(parse('this evening')).toEqual(range('2026-06-01T17:00:00-04:00', '2026-06-01T20:00:00-04:00', 'Monday, June 1, evening'));
    expect(parse('tonight')).toEqual(range('2026-06-01T17:00:00-04:00', '2026-06-02T00:00:00-04:00', 'Monday, June 1, night'));
  });

  it('reads a day typed short in a chat ("tmrw pm") (issue 14)', () => {
    expect(parse('tmrw pm')).toEqual(range('2026-06-02T12:00:00-04:00', '2026-06-02T17:00:00-04:00', 'Tuesday, June 2, afternoon'));
    expect(parse('2morrow morning')).toMatchObject({ localDate: '2026-06-02', label: 'Tuesday, June 2, morning' });
  });

  it('moves a part of the day that is over to tomorrow when no day was said', () => {
    expect(parse('in the morning', { now: '2026-06-01T17:00:00Z' })).toMatchObject({ localDate: '2026-06-02', label: 'Tuesday, June 2, morning' });
  });

  it('reads "after 3" as 3 PM until closing, or the end of the day without hours', () => {
    expect(parse('after 3')).toEqual(range('2026-06-01T15:00:00-04:00', '2026-06-01T17:00:00-04:00', 'Monday, June 1, after 3:00 PM'));
    expect(parse('any time after 3 on wednesday', { openHours: undefined })).toEqual(
      range('2026-06-03T15:00:00-04:00', '2026-06-04T00:00:00-04:00', 'Wednesday, June 3, after 3:00 PM'),
    );
  });

  it('reads "before 10" as opening until 10', () => {
    expect(parse('before 10 tomorrow')).toEqual(range('2026-06-02T08:00:00-04:00', '2026-06-02T10:00:00-04:00', 'Tuesday, June 2, before 10:00 AM'));
  });

  it.each([
    ['between 8 and noon', '08:00', '12:00'],
    ['between eight and twelve', '08:00', '12:00'],
    ['between 10 and 2', '10:00', '14:00'],
    ['from 1 to 3', '13:00', '15:00'],
    ['between 8 and 11 pm', '20:00', '23:00'],
    ['2 to 4', '14:00', '16:00'],
  ])('reads "%s" as %s to %s', (text, from, to) => {
    const result = parse(`${text} on thursday`);
    expect(result).toMatchObject({ kind: 'range', from: `2026-06-04T${from}:00-04:00`, to: `2026-06-04T${to}:00-04:00` });
  });
});

describe('parseSpokenTime: asap and unknown', () => {
  it.each(['as soon as possible', 'asap', 'um soonest', 'whenever is the first available', 'right now please', 'A.S.A.P.'])('reads "%s" as asap', (text) => {
    expect(parse(text)).toEqual({ kind: 'asap' });
  });

  it('prefers a day said with "earliest" over asap', () => {
    expect(parse('earliest tomorrow')).toMatchObject({ kind: 'range', localDate: '2026-06-02' });
  });

  it.each(['', 'i have a leak under the sink', 'my zip is 60601', 'it takes 2 hours', 'can one of your guys come out', 'we have 2 bathrooms'])('answers unknown for "%s"', (text) => {
    expect(parse(text)).toEqual({ kind: 'unknown' });
  });
});

describe('parseSpokenTime: daylight saving time', () => {
  const spring = { timeZone: 'America/Chicago', now: '2026-03-05T18:00:00Z', openHours: undefined };

  it('flags a time in the 2026-03-08 gap instead of moving it', () => {
    expect(parse('sunday at 2:30 in the morning', spring)).toEqual({
      kind: 'nonexistent',
      localDate: '2026-03-08',
      localTime: '02:30',
      message: '2:30 AM does not exist on Sunday, March 8: the clocks skip that hour for daylight saving time.',
    });
    expect(parse('march 8th at 2 am', { ...spring, timeZone: 'America/New_York' })).toMatchObject({ kind: 'nonexistent', localTime: '02:00' });
  });

  it('keeps the hours around the gap with their offsets', () => {
    expect(parse('sunday at 1:30 am', spring)).toEqual(exact('2026-03-08T01:30:00-06:00'));
    expect(parse('sunday at 3 am', spring)).toEqual(exact('2026-03-08T03:00:00-05:00'));
    expect(parse('sunday morning', spring)).toMatchObject({ from: '2026-03-08T06:00:00-05:00' });
  });

  it('has no gap in Phoenix', () => {
    expect(parse('sunday at 2:30 am', { ...spring, timeZone: 'America/Phoenix' })).toEqual(exact('2026-03-08T02:30:00-07:00'));
  });

  it('reads a repeated fall-back time as its first instant and names the second', () => {
    const fall = { timeZone: 'America/Chicago', now: '2026-10-29T18:00:00Z', openHours: undefined };
    expect(parse('sunday at 1:30 am', fall)).toEqual({ ...exact('2026-11-01T01:30:00-05:00'), repeatedStart: '2026-11-01T01:30:00-06:00' });
    expect(parse('sunday', fall)).toMatchObject({ from: '2026-11-01T00:00:00-05:00', to: '2026-11-02T00:00:00-06:00' });
  });
});
