import { townsDescribed, townsMentioned, townsServed } from '../../conversation/company-facts/towns.ts';
import { sentencesOf, type Conflict } from './types.ts';

/**
 * Towns and zips an entry says are served (or not) against the service area: its zips' towns,
 * and the towns the agent's own description names near them (what the agent tells callers). Only
 * sentences about the area are read ("we serve", "service area", "we cover"). Pure apart from
 * the static zip table.
 */
const ABOUT_AREA = /\b(serve|serves|served|serving|service area|cover|covers|covered|areas?|travel|come out to|work in|neighbou?rhoods|suburbs|towns|cities)\b/i;
const NOT_SERVED = /\b(don'?t|do not|doesn'?t|does not|no longer|not|outside|except|excluding|beyond)\b/i;
const ZIP = /\b\d{5}\b/g;

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

export function configuredAreaText(area: readonly string[], description: string): string {
  if (area.length === 0) return 'No service area is set: every zip is accepted.';
  const towns = [...new Set([...townsServed(area), ...townsDescribed(description, area)])];
  return `Service area: ${area.length} zip codes (${list(towns)}).`;
}

export function areaConflicts(text: string, area: readonly string[], description: string): Conflict[] {
  if (area.length === 0) return [];
  const served = new Set([...townsServed(area), ...townsDescribed(description, area)].map((t) => t.toLowerCase()));
  const configured = configuredAreaText(area, description);
  const found: Conflict[] = [];
  for (const sentence of sentencesOf(text)) {
    if (!ABOUT_AREA.test(sentence)) continue;
    // A negation before a place says it is not served: "we don't go out to Gary".
    const cut = NOT_SERVED.exec(sentence);
    const parts = cut ? [sentence.slice(0, cut.index), sentence.slice(cut.index)] : [sentence, ''];
    const claims = parts.map((part, i) => ({ servedSaid: i === 0, towns: townsMentioned(part, area), zips: part.match(ZIP) ?? [] }));
    const wrong: string[] = [];
    for (const c of claims) {
      for (const town of c.towns) if (served.has(town.toLowerCase()) !== c.servedSaid) wrong.push(town);
      for (const zip of c.zips) if (area.includes(zip) !== c.servedSaid) wrong.push(zip);
    }
    if (wrong.length === 0) continue;
    const inSaid = claims[0]!.towns.concat(claims[0]!.zips).filter((w) => wrong.includes(w));
    const outSaid = claims[1]!.towns.concat(claims[1]!.zips).filter((w) => wrong.includes(w));
    const says = [inSaid.length > 0 ? `it serves ${list(inSaid)}` : '', outSaid.length > 0 ? `it does not serve ${list(outSaid)}` : ''].filter(Boolean).join(', and ');
    found.push({ topic: 'area', says, configured });
  }
  return found;
}
