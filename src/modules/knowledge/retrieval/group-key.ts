import { analyze, CONCEPT, weightOf, type Lexicon } from './lexicon.ts';

/**
 * What an unanswered question is about, in a form where different wordings of the same
 * question come out alike: its content words and concepts ("how much for a new hot water tank"
 * and "what does a water heater cost" -> "price water heater"). The database groups questions
 * whose keys are at least SAME_GROUP_SIMILARITY alike (pg_trgm similarity). Pure.
 */
export const SAME_GROUP_SIMILARITY = 0.5;

export function groupKeyOf(text: string, lexicon: Lexicon): string {
  const analysis = analyze(text, lexicon);
  const key = analysis.terms
    .filter((t) => weightOf(t) === 1)
    .map((t) => (t.startsWith(CONCEPT) ? t.slice(1).replaceAll('_', ' ') : t))
    .sort()
    .join(' ');
  return key === '' ? analysis.text : key;
}
