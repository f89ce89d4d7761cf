import zipcodes from 'zipcodes';
import { digitRuns } from '../embedded/understand/spoken-digits.ts';

/**
 * The towns of a service area, from its zip codes (an offline table of US zips), and the town or
 * zip a caller names. Pure apart from the static table.
 */
export interface Place {
  /** As the caller said it, title-cased ("Holyoke", "01060"). */
  said: string;
  /** The served zips it stands for; empty when it is outside the area. */
  servedZips: string[];
}

const titleCase = (s: string) => s.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase());

export function townOf(zip: string): string | null {
  const info = zipcodes.lookup(zip);
  return info ? titleCase(info.city) : null;
}

/** The towns served, in the order the area lists them, each once. */
export function townsServed(zips: readonly string[]): string[] {
  const towns: string[] = [];
  for (const zip of zips) {
    const town = townOf(zip);
    if (town && !towns.includes(town)) towns.push(town);
  }
  return towns;
}

/** Within this distance of a zip served, a town is one a caller of the area may name. */
const NEARBY_KM = 80;
const KM_PER_DEGREE = 111.32;
/** Areas remembered (a company's area is keyed by its zips); the oldest is dropped first. */
const AREAS_KEPT = 500;

function kmBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

type ZipRow = { zip: string; city: string; state: string; latitude: number; longitude: number };
type IndexedZip = ZipRow & { order: number };

/**
 * The zip table in cells of one degree of latitude by one of longitude, built once: an area
 * looks only at the cells around its own zips instead of scanning all 40,000 zips.
 */
let grid: Map<string, IndexedZip[]> | null = null;
const cellKey = (lat: number, lon: number) => `${lat},${lon}`;

function zipGrid(): Map<string, IndexedZip[]> {
  if (grid) return grid;
  grid = new Map();
  let order = 0;
  for (const info of Object.values(allCodes())) {
    const key = cellKey(Math.floor(info.latitude), Math.floor(info.longitude));
    let cell = grid.get(key);
    if (!cell) grid.set(key, (cell = []));
    cell.push({ ...info, order: order++ });
  }
  return grid;
}

/** Every zip in the cells that can hold one within NEARBY_KM of `at`. */
function zipsAround(at: ZipRow): IndexedZip[] {
  const cells = zipGrid();
  const lat = Math.floor(at.latitude);
  const lon = Math.floor(at.longitude);
  // A degree of longitude shrinks towards the poles: widen the search where it is short.
  const cos = Math.cos((Math.min(Math.abs(at.latitude) + 1, 89) * Math.PI) / 180);
  const lonSpan = Math.ceil(NEARBY_KM / (KM_PER_DEGREE * cos));
  const out: IndexedZip[] = [];
  for (let dLat = -1; dLat <= 1; dLat++) {
    for (let dLon = -lonSpan; dLon <= lonSpan; dLon++) out.push(...(cells.get(cellKey(lat + dLat, lon + dLon)) ?? []));
  }
  return out;
}

const areaTowns = new Map<string, Map<string, string[]>>();

/** Every town near the area (lower case) with its zips: for naming a town outside the area too. */
export function townsNear(zips: readonly string[]): Map<string, string[]> {
  const key = zips.join(',');
  const known = areaTowns.get(key);
  if (known) return known;
  const served = zips.map((z) => zipcodes.lookup(z)).filter((i): i is NonNullable<typeof i> => Boolean(i));
  const near = new Map<number, IndexedZip>();
  for (const s of served) {
    for (const info of zipsAround(s)) {
      if (!near.has(info.order) && Math.abs(s.latitude - info.latitude) < 1 && kmBetween(s, info) <= NEARBY_KM) near.set(info.order, info);
    }
  }
  // In the table's order, as a scan of the whole table lists them.
  const towns = new Map<string, string[]>();
  for (const info of [...near.values()].sort((a, b) => a.order - b.order)) {
    const name = info.city.toLowerCase();
    towns.set(name, [...(towns.get(name) ?? []), info.zip]);
  }
  if (areaTowns.size >= AREAS_KEPT) areaTowns.delete(areaTowns.keys().next().value!);
  areaTowns.set(key, towns);
  return towns;
}

function allCodes(): Record<string, ZipRow> {
  return (zipcodes as unknown as { codes: Record<string, ZipRow> }).codes;
}

// Words that are town names somewhere but mean something else in a caller's sentence.
const NOT_TOWNS = new Set(['center', 'union', 'hope', 'lake', 'river', 'ocean', 'park', 'mesa verde', 'early', 'mobile', 'many', 'home', 'friendship', 'today', 'sunday']);

/**
 * The town or zip the caller names, with the served zips it stands for (none: outside the area).
 * `words` are the caller's normalised words. Longest town name first ("south hadley" before
 * "hadley"); a five-digit run is a zip.
 */
export function placeNamed(words: readonly string[], area: readonly string[], described: readonly string[] = []): Place | null {
  // A zip written, or said digit by digit ("nine seven two two four").
  const zip = words.find((w) => /^\d{5}$/.test(w)) ?? digitRuns({ text: ` ${words.join(' ')} `, words: [...words], asked: false }).find((r) => r.length === 5);
  if (zip) return { said: zip, servedZips: area.includes(zip) ? [zip] : [] };
  if (area.length === 0) return null;
  const towns = townsNear(area);
  const served = new Set(townsServed(area).map((t) => t.toLowerCase()));
  const found = (name: string): Place | null => {
    const zips = towns.get(name);
    return zips ? { said: titleCase(name), servedZips: zips.filter((z) => area.includes(z)) } : null;
  };
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const name = words.slice(i, i + n).join(' ');
      if (NOT_TOWNS.has(name) || name.length < 4) continue;
      const place = found(name) ?? (n === 2 ? found(name.replace(' ', '')) : null);
      if (place) return place;
    }
  }
  // A town the company's own description names as served ("… Beaverton, Tigard and Lake Oswego") that the zip table does not.
  const text = ` ${words.join(' ')} `;
  const named = described.find((t) => text.includes(` ${t.toLowerCase()} `));
  if (named) return { said: named, servedZips: [...area] };
  // A served town the recogniser split or misspelled ("holy oak" for Holyoke).
  for (let n = 2; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const joined = words.slice(i, i + n).join('');
      if (joined.length < 6) continue;
      const town = [...served].find((t) => t.length >= 6 && Math.abs(t.length - joined.length) <= 1 && editDistance(t.replace(/ /g, ''), joined) <= 1);
      if (town) return found(town);
    }
  }
  return null;
}

/** Levenshtein distance, for short words. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

// A list of names in a text: "Portland, Milwaukie, Lake Oswego, Beaverton and Tigard".
const NAME = String.raw`[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}`;
const NAME_LIST = new RegExp(String.raw`${NAME}(?:(?:,? and |,? or |, )${NAME})+`, 'g');
const STATE_NAMES = new Set(Object.keys((zipcodes as unknown as { states: { full: Record<string, string> } }).states.full).map((s) => s.toLowerCase()));

/** Towns a text names near the area, title-cased (towns the zip table knows). */
export function townsMentioned(text: string, area: readonly string[]): string[] {
  if (area.length === 0) return [];
  const towns = townsNear(area);
  const words = text.toLowerCase().replace(/[^a-z ]+/g, ' ').split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const n of [3, 2, 1]) {
      const name = words.slice(i, i + n).join(' ');
      if (words[i]!.length < 4 || NOT_TOWNS.has(name) || !towns.has(name)) continue;
      const town = titleCase(name);
      if (!out.includes(town)) out.push(town);
      i += n - 1;
      break;
    }
  }
  return out;
}

/**
 * The towns the company's own description names near the area, and the other names of a list
 * that names one of them ("Portland, Milwaukie and Tigard"): a zip table gives one town per zip,
 * so towns that share their zips with a bigger one are known only from the company.
 */
export function townsDescribed(description: string, area: readonly string[]): string[] {
  const out = townsMentioned(description, area);
  if (area.length === 0) return out;
  const towns = townsNear(area);
  for (const list of description.match(NAME_LIST) ?? []) {
    const names = list.split(/,? and |,? or |, /).filter((n) => !STATE_NAMES.has(n.toLowerCase()));
    if (!names.some((n) => towns.has(n.toLowerCase()))) continue;
    for (const n of names) if (!out.includes(n)) out.push(n);
  }
  return out;
}
