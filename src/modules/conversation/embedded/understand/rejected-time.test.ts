import { describe, expect, it } from 'vitest';
import { withoutRejectedTime } from './rejected-time.ts';

describe('a time turned down in the same breath as the one wanted (class 6)', () => {
  it('keeps only the day or part of day the caller wants', () => {
    expect(withoutRejectedTime('hmm no not tuesday, friday is better for me')).toEqual({ text: 'hmm , friday is better for me', rejected: true });
    expect(withoutRejectedTime('can we do the afternoon instead of the morning').text).toBe('can we do the afternoon');
    expect(withoutRejectedTime('monday rather than saturday').text).toBe('monday');
    expect(withoutRejectedTime('actually not monday at 9 am, wednesday at ten').text).toBe('actually , wednesday at ten');
  });

  it('drops a day turned down wherever it was said, and lets a correction settle two days', () => {
    expect(withoutRejectedTime('tuesday evening, no not tuesday, wednesday, evening still').text).toBe('evening, , wednesday, evening still');
    expect(withoutRejectedTime('saturday maybe? actually no wait, make it sunday, saturday is busy')).toEqual({ text: 'make it sunday', rejected: true });
  });

  it('drops a day said and then turned down ("saturday really doesn\'t work") (issue 14)', () => {
    expect(withoutRejectedTime("no saturday really doesn't work for me")).toEqual({ text: 'no for me', rejected: true });
    expect(withoutRejectedTime('mornings are no good, friday afternoon then').text).toBe(', friday afternoon then');
  });

  it('leaves a wish with nothing turned down as it is', () => {
    expect(withoutRejectedTime('thursday morning works')).toEqual({ text: 'thursday morning works', rejected: false });
    expect(withoutRejectedTime('not sure, maybe friday').rejected).toBe(false);
  });
});
