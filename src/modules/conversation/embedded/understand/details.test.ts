import { describe, expect, it } from 'vitest';
import { readAddress, readEmail, readIntroducedName, readName } from './details.ts';
import { hear } from './heard.ts';
import { readPhone, readZip } from './spoken-digits.ts';

describe('reading digits said aloud', () => {
  it.each([
    ['six oh six one four', '60614'],
    ['My zip is 60614.', '60614'],
    ['606 14', '60614'],
    ['six zero six one zero', '60610'],
    ['sixty six fourteen', null],
    ['it is six oh six one for', '60614'],
    ['eight oh two oh two', '80202'],
    ['double eight oh two oh', '88020'],
    ['60614-1234', '60614'],
    ['I am not sure', null],
  ])('zip in "%s" → %s', (text, expected) => {
    expect(readZip(hear(text))).toBe(expected);
  });

  it('reads a phone number said digit by digit or written out', () => {
    expect(readPhone(hear('three one two five five five zero one two three'))).toBe('+13125550123');
    expect(readPhone(hear('my number is 312-555-0123'))).toBe('+13125550123');
    expect(readPhone(hear('(720) 555 0188'))).toBe('+17205550188');
    expect(readPhone(hear('five five five zero one two three'))).toBeNull();
  });
});

describe('reading names, addresses and emails', () => {
  it.each([
    ['John Smith', 'John Smith'],
    ['my name is jane doe', 'Jane Doe'],
    ["Yeah, it's Maria Lopez, thanks", 'Maria Lopez'],
    ["I'm Tom", 'Tom'],
    ['I want to book a visit for my house please', null],
    ['yes', null],
    ['name', null],
    ['the address is wrong', null],
  ])('name in "%s" → %s', (text, expected) => {
    expect(readName(hear(text))).toBe(expected);
  });

  it('reads an address, splitting off a zip said at the end', () => {
    expect(readAddress(hear('1450 North Dearborn Street'))).toEqual({ address: '1450 North Dearborn Street', zip: null });
    expect(readAddress(hear("it's 233 south wacker drive chicago 60606"))).toEqual({ address: '233 South Wacker Drive', zip: '60606' });
    expect(readAddress(hear('yes'))).toBeNull();
  });

  it('does not take a sentence about the job for an address (class 3)', () => {
    expect(readAddress(hear('the tap in the tub keeps running'))).toBeNull();
    expect(readAddress(hear('it is out on old mill road'))).toEqual({ address: 'Out On Old Mill Road', zip: null });
    expect(readAddress(hear('rural route seven box 12'))).not.toBeNull();
    expect(readAddress(hear('friday the day after the holiday, early if you can, the eight to ten'))).toBeNull();
  });

  it('ends a spoken address at its street word, the town and zip said after it left out (class 3)', () => {
    expect(readAddress(hear('forty one oh two North Alder Lane, Springdale, nine nine one two three'))?.address).toBe('Forty One Oh Two North Alder Lane');
    expect(readAddress(hear('77 birch court apartment 4 in fairview'))?.address).toBe('77 Birch Court Apartment 4');
  });

  it('reads a name introduced before the matter, never a spoken house number', () => {
    expect(readIntroducedName("hey it's Wendy Alvarez, the tech who came Monday left his ladder")).toBe('Wendy Alvarez');
    expect(readIntroducedName('hi, is the owner in? this is Omar Haddad')).toBe('Omar Haddad');
    expect(readIntroducedName("it's leaking again")).toBeNull();
    expect(readName(hear('thirty two oh five elm road'))).toBeNull();
    expect(readName(hear('put it under Rosa Diaz'))).toBe('Rosa Diaz');
    // A question asked where the name was asked.
    expect(readName(hear('when can they come'))).toBeNull();
    expect(readName(hear('who does the work'))).toBeNull();
  });

  it('reads a name with its surname spelled after it, and never a time typed where the name was asked (issue 14)', () => {
    expect(readName(hear('its nadia kowal k o w a l'))).toBe('Nadia Kowal');
    expect(readName(hear("it's rosa di marco, that's d i m a r c o"))).toBe('Rosa Di Marco');
    expect(readName(hear('ken ota with ota roofing supply'))).toBe('Ken Ota');
    expect(readName(hear('tmrw pm'))).toBeNull();
    expect(readName(hear('friday morning'))).toBeNull();
  });

  it('reads an email spelled the phone way, or a skip', () => {
    expect(readEmail(hear('john dot smith at gmail dot com'))).toBe('john.smith@gmail.com');
    expect(readEmail(hear('jsmith@example.com'))).toBe('jsmith@example.com');
    expect(readEmail(hear("no, I'd rather not"))).toBe('skip');
    expect(readEmail(hear('skip'))).toBe('skip');
    expect(readEmail(hear('purple'))).toBeNull();
  });
});
