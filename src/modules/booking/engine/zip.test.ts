import { describe, expect, it } from 'vitest';
import { normalizeZip, normalizeZipList } from './zip.ts';

describe('normalizeZip', () => {
  it('reads ZIP+4 in either spelling as its 5-digit zip', () => {
    expect(normalizeZip('60601-1234')).toBe('60601');
    expect(normalizeZip('606011234')).toBe('60601');
    expect(normalizeZip(' 60601 ')).toBe('60601');
  });

  it('keeps leading zeros', () => {
    expect(normalizeZip('02134')).toBe('02134');
    expect(normalizeZip('02134-0001')).toBe('02134');
  });

  it('returns null for what is not a zip', () => {
    for (const bad of ['', '2134', '606012', '60601-12', 'ABCDE', '60601 1234', '6060l']) expect(normalizeZip(bad)).toBeNull();
  });

  it('normalizes a configured list and skips invalid entries', () => {
    expect(normalizeZipList(['60601-1234', '02134', 'bad', '60601'])).toEqual(new Set(['60601', '02134']));
  });
});
