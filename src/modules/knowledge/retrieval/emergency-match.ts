import type { Analysis } from './lexicon.ts';
import { stem, STOPWORDS } from './stem.ts';

/**
 * Finds the emergency a caller describes. A trigger phrase matches when all its words (or
 * their vocabulary concepts: "heater" reads as "heat") occur in order within a few words of
 * each other, so "it smells really strongly of gas" meets "smell gas". A match right after a
 * negation ("I don't smell gas") does not count. When in doubt it matches: a safety instruction
 * read once too often costs little. Pure.
 */
export interface EmergencyRule {
  id: string;
  severity: 'life_safety' | 'urgent';
  triggers: readonly string[];
}

export interface EmergencyMatch<R extends EmergencyRule> {
  rule: R;
  trigger: string;
}

// Small words that change what a trigger means: "heat is out", "on fire", "no heat".
const KEPT = new Set(['out', 'off', 'down', 'on', 'no', 'not']);
const NEGATION = 'no';
const NEGATIONS = new Set(['no', 'not', 'without', 'never']);
const SLACK = 2;
const STOP_STEMS = new Set([...STOPWORDS].filter((w) => !KEPT.has(w)).map(stem));

/** Text to analysis under the company's vocabulary (analyze with its lexicon, perhaps memoised). */
export type Analyzer = (text: string) => Analysis;

function tokensOf(text: string, analyzer: Analyzer): string[] {
  return analyzer(text).sequence
    .map((t) => (NEGATIONS.has(t) ? NEGATION : t))
    .filter((t) => !STOP_STEMS.has(t) || KEPT.has(t));
}

/** Where `trigger` occurs in `said` in order, spanning at most its length + SLACK, not negated. */
function occurs(said: string[], trigger: string[]): boolean {
  if (trigger.length === 0) return false;
  for (let start = 0; start < said.length; start++) {
    if (said[start] !== trigger[0]) continue;
    let k = 1;
    let i = start + 1;
    for (; i < said.length && k < trigger.length && i - start < trigger.length + SLACK; i++) {
      if (said[i] === trigger[k]) k += 1;
    }
    const negated = trigger[0] !== NEGATION && said[start - 1] === NEGATION;
    if (k === trigger.length && !negated) return true;
  }
  return false;
}

const RANK = { life_safety: 0, urgent: 1 } as const;

/** The most serious emergency the text describes (life safety first, then the longest trigger), or null. */
export function matchEmergency<R extends EmergencyRule>(text: string, rules: readonly R[], analyzer: Analyzer): EmergencyMatch<R> | null {
  const said = tokensOf(text, analyzer);
  let best: (EmergencyMatch<R> & { length: number }) | null = null;
  for (const rule of rules) {
    for (const trigger of rule.triggers) {
      const words = tokensOf(trigger, analyzer);
      if (!occurs(said, words)) continue;
      const better = !best
        || RANK[rule.severity] < RANK[best.rule.severity]
        || (RANK[rule.severity] === RANK[best.rule.severity] && words.length > best.length);
      if (better) best = { rule, trigger, length: words.length };
    }
  }
  return best ? { rule: best.rule, trigger: best.trigger } : null;
}
