import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { assertPhone, normalizePhone } from './normalize.ts';

describe('normalizePhone', () => {
  it('reads US numbers in any common formatting as the same E.164 number', () => {
    for (const input of ['(312) 555-0107', '312-555-0107', '312.555.0107', '3125550107', '1-312-555-0107', '+1 312 555 0107', ' +13125550107 ']) {
      expect(normalizePhone(input)).toBe('+13125550107');
    }
  });

  it('accepts fictional 555-01xx numbers, which are possible but not assigned', () => {
    expect(normalizePhone('(720) 555-0188')).toBe('+17205550188');
  });

  it('keeps an international number with its own country code', () => {
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('uses the default country for national numbers', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('returns null for what cannot be a phone number', () => {
    for (const input of ['', '   ', 'abc', '12', '555-0107', '+1 312 555 01079999', '1'.repeat(41)]) {
      expect(normalizePhone(input)).toBeNull();
    }
  });
});

describe('assertPhone', () => {
  it('returns the E.164 number', () => {
    expect(assertPhone('312 555 0107', 'phone')).toBe('+13125550107');
  });

  it('throws INVALID_PHONE_NUMBER naming the field', () => {
    const err = (() => {
      try {
        assertPhone('not a number', 'phones[2]');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'INVALID_PHONE_NUMBER', status: 400, details: { field: 'phones[2]' } });
  });
});
