import { describe, expect, it } from 'vitest';
import { pickOffers, speakOffers } from './offers.ts';

const slot = (localDate: string, time: string, offset = '-06:00') => ({ start: `${localDate}T${time}:00${offset}`, localDate, localStartTime: time });
const day = ['08:00', '08:30', '09:00', '10:00', '10:30', '13:00', '15:00'].map((t) => slot('2026-03-17', t));

describe('offering times', () => {
  it('offers at most three, spread at least two hours apart or on another day', () => {
    expect(pickOffers(day).map((s) => s.localStartTime)).toEqual(['08:00', '10:00', '13:00']);
    expect(pickOffers([slot('2026-03-17', '16:00'), slot('2026-03-18', '08:00')]).map((s) => s.localDate)).toEqual(['2026-03-17', '2026-03-18']);
  });

  it('offers an exact time asked for with its nearest neighbours, in time order', () => {
    expect(pickOffers(day, { start: '2026-03-17T10:30:00-06:00' }).map((s) => s.localStartTime)).toEqual(['09:00', '10:30', '13:00']);
  });

  it('says the day once for times on the same day', () => {
    expect(speakOffers([slot('2026-03-17', '09:00'), slot('2026-03-17', '14:30'), slot('2026-03-18', '08:00')])).toBe(
      'Tuesday, March seventeenth at nine in the morning, at two thirty in the afternoon, or Wednesday, March eighteenth at eight in the morning',
    );
    expect(speakOffers([{ ...slot('2026-03-17', '08:00'), arrivalWindow: { start: '08:00', end: '12:00' } }, { ...slot('2026-03-17', '12:00'), arrivalWindow: { start: '12:00', end: '16:00' } }])).toBe(
      'Tuesday, March seventeenth, between eight and noon, or between noon and four',
    );
  });
});
