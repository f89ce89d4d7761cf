import { stem } from '../../knowledge/retrieval/stem.ts';
import { sentencesOf, type Conflict, type ConflictConfiguration } from './types.ts';

/**
 * Prices and fees an entry states against the configured service prices and the on-call
 * surcharge. An amount is read with its subject: a service the sentence (or else the entry's
 * question) names word for word, a diagnostic/service-call fee (services whose price mentions a
 * diagnostic), or an after-hours fee (the surcharge note). Monthly fees, discounts and amounts
 * with no subject are left alone. Pure.
 */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2})?`;
const MONEY = new RegExp(String.raw`\$\s?${NUMBER}(?:\s*(?:to|-|–|—)\s*\$?\s?${NUMBER})?|${NUMBER}(?:\s*(?:to|-|–|—)\s*${NUMBER})?\s*(?:dollars?|bucks)\b`, 'gi');
const NOT_A_PRICE = /^\s*(?:a|per|each|every)\s+(?:month|year|week)|^\s*off\b/i;
const DIAGNOSTIC = /\b(diagnostic|service call|trip charge|trip fee|call[- ]out)\b/i;
// A configured diagnostic fee (an emergency call-out is another thing).
const CONFIGURED_DIAGNOSTIC = /\b(diagnostic|service call|trip charge|trip fee)\b/i;
const AFTER_HOURS = /\b(after[- ]hours|dispatch fee|surcharge|on holidays|nights and weekends)\b/i;
const OPEN_ENDED = /\b(plus|and up|or more|starting|starts at|from)\b/i;

interface Range {
  min: number;
  max: number;
}

const amount = (s: string) => Number(s.replace(/,/g, ''));

/** The amounts of a text with what follows each (to tell "15 dollars a month" from a price). */
function amountsIn(text: string): { values: number[]; said: string; after: string }[] {
  return [...text.matchAll(MONEY)].map((m) => ({
    values: [m[1] ?? m[3], m[2] ?? m[4]].filter((v): v is string => v !== undefined).map(amount),
    said: m[0],
    after: text.slice(m.index + m[0].length, m.index + m[0].length + 20),
  }));
}

/** A configured price text as a range: "$149 to $249" → 149..249, "Free" → 0..0, "$295 call-out plus parts" → 295..∞. */
export function priceRange(priceText: string): Range | null {
  if (/^\s*free\b/i.test(priceText)) return { min: 0, max: 0 };
  const values = [...priceText.matchAll(/\$\s?(\d{1,3}(?:,\d{3})+|\d+)/g)].map((m) => amount(m[1]!));
  if (values.length === 0) return null;
  return { min: Math.min(...values), max: OPEN_ENDED.test(priceText) ? Infinity : Math.max(...values) };
}

const wordsOf = (text: string) => new Set(text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean).map(stem));

/** The service a text names with every word of its name (the longest name wins). */
function serviceNamed(text: string, services: ConflictConfiguration['services']) {
  const said = wordsOf(text);
  let best: ConflictConfiguration['services'][number] | null = null;
  for (const s of services) {
    const name = [...wordsOf(s.name)];
    if (name.length > 0 && name.every((w) => said.has(w)) && (!best || s.name.length > best.name.length)) best = s;
  }
  return best;
}

interface Subject {
  label: string;
  range: Range;
}

function subjectOf(sentence: string, question: string, config: ConflictConfiguration): Subject | null {
  const named = serviceNamed(sentence, config.services) ?? serviceNamed(question, config.services);
  const range = named ? priceRange(named.priceText) : null;
  if (named && range) return { label: `${named.name}: ${named.priceText}`, range };
  if (AFTER_HOURS.test(sentence) && config.onCallSurchargeNote) {
    const surcharge = priceRange(config.onCallSurchargeNote);
    if (surcharge) return { label: config.onCallSurchargeNote, range: { min: surcharge.min, max: surcharge.min === surcharge.max ? surcharge.max : Infinity } };
  }
  if (DIAGNOSTIC.test(sentence)) {
    const fees = config.services.filter((s) => CONFIGURED_DIAGNOSTIC.test(s.priceText)).map((s) => ({ s, fee: priceRange(s.priceText) })).filter((x) => x.fee);
    if (fees.length > 0) {
      const min = Math.min(...fees.map((x) => x.fee!.min));
      return { label: [...new Set(fees.map((x) => `${x.s.name}: ${x.s.priceText}`))].join('; '), range: { min, max: Math.max(...fees.map((x) => x.fee!.min)) } };
    }
  }
  return null;
}

export function priceConflicts(entry: { question: string; answer: string }, config: ConflictConfiguration): Conflict[] {
  const found: Conflict[] = [];
  for (const sentence of sentencesOf(entry.answer)) {
    const amounts = amountsIn(sentence).filter((a) => !NOT_A_PRICE.test(a.after));
    if (amounts.length === 0) continue;
    const subject = subjectOf(sentence, entry.question, config);
    if (!subject) continue;
    const outside = amounts.filter((a) => a.values.some((v) => v < subject.range.min || v > subject.range.max));
    if (outside.length > 0) found.push({ topic: 'price', says: `${outside.map((a) => a.said.trim()).join(', ')} (“${sentence}”)`, configured: subject.label });
  }
  return found;
}
