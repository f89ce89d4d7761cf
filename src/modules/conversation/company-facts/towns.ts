import zipcodes from 'zipcodes';

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

const stateTowns = new Map<string, Map<string, string[]>>();

/** Every town of the area's states (lower case) with its zips: for naming a town outside the area too. */
function townsOfStates(zips: readonly string[]): Map<string, string[]> {
  const states = [...new Set(zips.map((z) => zipcodes.lookup(z)?.state).filter((s): s is string => Boolean(s)))].sort();
  const key = states.join(',');
  let towns = stateTowns.get(key);
  if (!towns) {
    towns = new Map();
    for (const info of Object.values(allCodes())) {
      if (!states.includes(info.state)) continue;
      const name = info.city.toLowerCase();
      towns.set(name, [...(towns.get(name) ?? []), info.zip]);
    }
    if (stateTowns.size > 50) stateTowns.clear();
    stateTowns.set(key, towns);
  }
  return towns;
}

function allCodes(): Record<string, { zip: string; city: string; state: string }> {
  return (zipcodes as unknown as { codes: Record<string, { zip: string; city: string; state: string }> }).codes;
}

// Words that are town names somewhere but mean something else in a caller's sentence.
const NOT_TOWNS = new Set(['center', 'union', 'hope', 'lake', 'river', 'ocean', 'park', 'mesa verde', 'early', 'mobile', 'many', 'home', 'friendship', 'today', 'sunday']);

/**
 * The town or zip the caller names, with the served zips it stands for (none: outside the area).
 * `words` are the caller's normalised words. Longest town name first ("south hadley" before
 * "hadley"); a five-digit run is a zip.
 */
export function placeNamed(words: readonly string[], area: readonly string[]): Place | null {
  const zip = words.find((w) => /^\d{5}$/.test(w));
  if (zip) return { said: zip, servedZips: area.includes(zip) ? [zip] : [] };
  if (area.length === 0) return null;
  const towns = townsOfStates(area);
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const name = words.slice(i, i + n).join(' ');
      if (NOT_TOWNS.has(name) || name.length < 4) continue;
      const zips = towns.get(name);
      if (zips) return { said: titleCase(name), servedZips: zips.filter((z) => area.includes(z)) };
    }
  }
  return null;
}
