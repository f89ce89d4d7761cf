import { describe, expect, it } from 'vitest';
import { speakText } from './text.ts';

describe('company text made ready for the ear', () => {
  it('speaks prices, phone numbers, clock times and 24/7 in free text', () => {
    expect(speakText('Open 7 am to 7 pm, and 24/7 for emergencies.')).toBe('Open seven a.m. to seven p.m., and twenty-four seven for emergencies.');
    expect(speakText('Our diagnostic call is 89 dollars.')).toBe('Our diagnostic call is eighty-nine dollars.');
    expect(speakText('It typically costs 1,600 to 2,400 dollars.')).toBe('It typically costs sixteen hundred to twenty-four hundred dollars.');
    expect(speakText('Call 312-555-0100 or come by at 12:30 p.m.')).toBe('Call three one two, five five five, zero one zero zero or come by at twelve thirty p.m.');
    expect(speakText('A $150 surcharge applies.')).toBe('A one fifty dollars surcharge applies.');
  });
});
