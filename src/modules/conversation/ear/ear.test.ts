import { describe, expect, it } from 'vitest';
import { speakAddress, speakZip } from './address.ts';
import { speakPrices } from './money.ts';
import { cardinal, compact, ordinal } from './numbers.ts';
import { speakPhone } from './phone.ts';
import { speakClock, speakDate, speakSlot, speakTime } from './when.ts';

describe('written for the ear', () => {
  it('says numbers the short way people do', () => {
    expect([149, 105, 1450, 2600, 1000, 200, 89, 12500].map(compact)).toEqual([
      'one forty-nine', 'one oh five', 'fourteen fifty', 'twenty-six hundred', 'one thousand', 'two hundred', 'eighty-nine', 'twelve thousand five hundred',
    ]);
    expect(cardinal(1_234_567)).toBe('one million two hundred thirty-four thousand five hundred sixty-seven');
    expect([1, 2, 3, 5, 12, 19, 20, 21, 30, 31].map(ordinal)).toEqual([
      'first', 'second', 'third', 'fifth', 'twelfth', 'nineteenth', 'twentieth', 'twenty-first', 'thirtieth', 'thirty-first',
    ]);
  });

  it('says prices and ranges with "dollars" once, keeping the words around them', () => {
    expect(speakPrices('$149 to $249')).toBe('one forty-nine to two forty-nine dollars');
    expect(speakPrices('$1,400 to $2,600 installed')).toBe('fourteen hundred to twenty-six hundred dollars installed');
    expect(speakPrices('$149–$249')).toBe('one forty-nine to two forty-nine dollars');
    expect(speakPrices('$89')).toBe('eighty-nine dollars');
    expect(speakPrices('$99 diagnostic; repairs quoted on site')).toBe('ninety-nine dollars diagnostic; repairs quoted on site');
    expect(speakPrices('$49.99')).toBe('forty-nine dollars and ninety-nine cents');
    expect(speakPrices('Free')).toBe('Free');
  });

  it('reads a phone number digit by digit in its groups', () => {
    expect(speakPhone('+13125550123')).toBe('three one two, five five five, zero one two three');
    expect(speakPhone('(303) 555-0175')).toBe('three zero three, five five five, zero one seven five');
  });

  it('expands street abbreviations and reads the house number short and the zip in digits', () => {
    expect(speakAddress('1450 N Dearborn St')).toBe('fourteen fifty North Dearborn Street');
    expect(speakAddress('233 S. Wacker Dr, Apt 3B, 60606')).toBe('two thirty-three South Wacker Drive, apartment three B, six oh six oh six');
    expect(speakZip('02134')).toBe('oh two one three four');
  });

  it('says dates with ordinals and times with the part of the day', () => {
    expect(speakDate('2026-03-19')).toBe('Thursday, March nineteenth');
    expect(['12:00', '00:00', '09:05', '14:30', '16:00'].map(speakClock)).toEqual(['noon', 'midnight', 'nine oh five', 'two thirty', 'four']);
    expect(speakTime('14:30')).toBe('two thirty in the afternoon');
    expect(speakTime('08:00')).toBe('eight in the morning');
    expect(speakTime('18:15')).toBe('six fifteen in the evening');
    expect(speakSlot({ localDate: '2026-03-19', localStartTime: '12:00', arrivalWindow: { start: '12:00', end: '16:00' } })).toBe('Thursday, March nineteenth, between noon and four');
    expect(speakSlot({ localDate: '2026-03-19', localStartTime: '14:30' })).toBe('Thursday, March nineteenth at two thirty in the afternoon');
  });
});
