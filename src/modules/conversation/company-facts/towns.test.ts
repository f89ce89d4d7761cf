import { describe, expect, it } from 'vitest';
import zipcodes from 'zipcodes';
import { townsNear } from './towns.ts';

type ZipRow = { zip: string; city: string; latitude: number; longitude: number };
const codes = (zipcodes as unknown as { codes: Record<string, ZipRow> }).codes;

/** The definition: every zip of the table within 80 km of a zip served, in the table's order. */
function townsNearByScan(zips: readonly string[]): Map<string, string[]> {
  const rad = Math.PI / 180;
  const km = (a: ZipRow, b: ZipRow) => {
    const h = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
    return 12_742 * Math.asin(Math.sqrt(h));
  };
  const served = zips.map((z) => codes[z]).filter((i): i is ZipRow => Boolean(i));
  const towns = new Map<string, string[]>();
  for (const info of Object.values(codes)) {
    if (!served.some((s) => Math.abs(s.latitude - info.latitude) < 1 && km(s, info) <= 80)) continue;
    const name = info.city.toLowerCase();
    towns.set(name, [...(towns.get(name) ?? []), info.zip]);
  }
  return towns;
}

describe('towns near a service area', () => {
  const areas: Record<string, string[]> = {
    'Chicago north side': ['60614', '60610', '60657'],
    'the Pioneer Valley': ['01060', '01040', '01075', '01027'],
    'far north Alaska (short degrees of longitude)': ['99723', '99789'],
    'Key West and Miami': ['33040', '33101'],
    'one zip in Hawaii': ['96815'],
    'an unknown zip beside a known one': ['00000', '10001'],
    'many zips across states': Object.keys(codes).filter((_, i) => i % 97 === 0).slice(0, 200),
  };
  for (const [name, zips] of Object.entries(areas)) {
    it(`finds exactly the towns a scan of the whole zip table finds: ${name}`, () => {
      expect([...townsNear(zips)]).toEqual([...townsNearByScan(zips)]);
    });
  }

  it('answers the same area from memory the second time', () => {
    const zips = ['02108', '02139'];
    expect(townsNear(zips)).toBe(townsNear(zips));
  });
});
