import { describe, expect, it } from 'vitest';
import { normalizePhoneList, normalizeTags, parseSearch, textOrNull } from './contacts.input.ts';

describe('contact input rules', () => {
  it('collapses the same number written two ways into one, keeping the first position', () => {
    expect(normalizePhoneList(['(312) 555-0107', '+17735550110', '312.555.0107'])).toEqual(['+13125550107', '+17735550110']);
  });

  it('names the bad element of the phone list by its index', () => {
    expect(() => normalizePhoneList(['3125550107', 'call me'])).toThrow(expect.objectContaining({ code: 'INVALID_PHONE_NUMBER', details: { field: 'phones[1]' } }));
  });

  it('trims tags, drops blanks and repeats regardless of case', () => {
    expect(normalizeTags([' repeat ', 'VIP', 'vip', '', 'commercial'])).toEqual(['repeat', 'VIP', 'commercial']);
  });

  it('treats blank optional text as none', () => {
    expect(textOrNull('  ')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
    expect(textOrNull(' 12 Main St ')).toBe('12 Main St');
  });

  it('searches names only for text, and numbers too for phone-like queries', () => {
    expect(parseSearch('  ')).toBeUndefined();
    expect(parseSearch('Carter')).toEqual({ text: 'Carter' });
    expect(parseSearch('Unit 12')).toEqual({ text: 'Unit 12' });
    expect(parseSearch('555-0107')).toEqual({ text: '555-0107', digits: '5550107', e164: undefined });
    expect(parseSearch('(312) 555-0107')).toEqual({ text: '(312) 555-0107', digits: '3125550107', e164: '+13125550107' });
  });
});
