/**
 * US ZIP codes are text, not numbers: '02134' keeps its leading zero. A ZIP+4 ('60601-1234' or
 * '606011234') matches its 5-digit zip.
 */
const ZIP = /^(\d{5})(?:-?\d{4})?$/;

/** The 5-digit zip of a ZIP or ZIP+4, or null when the input is not one. */
export function normalizeZip(input: string): string | null {
  const m = ZIP.exec(input.trim());
  return m ? m[1]! : null;
}

/** The valid zips of a configured list, normalized; invalid entries are skipped. */
export function normalizeZipList(zips: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const zip of zips) {
    const z = normalizeZip(zip);
    if (z !== null) out.add(z);
  }
  return out;
}
