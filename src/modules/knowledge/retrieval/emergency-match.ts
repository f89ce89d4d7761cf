import type { Analysis } from './lexicon.ts';
import { plainWords } from './speech-text.ts';
import { stem, STOPWORDS } from './stem.ts';

/**
 * Finds the emergency a caller describes. A trigger phrase matches when all its words (or
 * their vocabulary concepts: "heater" reads as "heat") occur in order within a few words of
 * each other, so "it smells really strongly of gas" meets "smell gas". A match right after a
 * negation ("I don't smell gas") does not count, nor one in a hypothetical question ("what if a
 * pipe bursts?"); an exclaimed "oh no" is no negation. When in doubt it matches: a safety instruction
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
// "Nothing is sparking" negates like "it's not sparking" (stems: "nothing" reads as "noth").
const NEGATIONS = new Set(['no', 'not', 'without', 'never', 'noth', 'nothing', 'none', 'nobody']);
const SLACK = 2;
const STOP_STEMS = new Set([...STOPWORDS].filter((w) => !KEPT.has(w)).map(stem));

/** Text to analysis under the company's vocabulary (analyze with its lexicon, perhaps memoised). */
export type Analyzer = (text: string) => Analysis;

// "no" said as an exclamation ("oh no, now I smell gas", "no, I smell gas") negates nothing.
const EXCLAIMED_BEFORE = new Set(['oh', 'uh', 'ah', 'oh no']);
const LIST_JOINS = new Set(['or', 'nor']);
const NEGATIONS_KEPT = new Set(['no', 'not']);
const CLAUSE_AFTER = new Set(['i', 'we', 'now', 'wait', 'it', 'there', 'my', 'the', 'this', 'oh', 'yes', 'yeah', 'actually']);

interface Token {
  token: string;
  /** Whether a negation governs it: "don't smell gas", "no gas smell", not "oh no, now I smell gas". */
  negated: boolean;
}

function tokensOf(text: string, analyzer: Analyzer): Token[] {
  const all = analyzer(text).sequence.map((t) => (NEGATIONS.has(t) ? NEGATION : t));
  const out: Token[] = [];
  // "no smoke or burning smell or sparks", "nothing hot or sparking": a negation covers the list it
  // heads, item by item across "or"; any other small word ("and", "is", "the") ends the list.
  let listNegated = false;
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (STOP_STEMS.has(t) && !KEPT.has(t)) {
      if (!LIST_JOINS.has(t)) listNegated = false;
      continue;
    }
    const negation = (j: number) => all[j] === NEGATION && !EXCLAIMED_BEFORE.has(all[j - 1] ?? '') && !(all[j] === 'no' && CLAUSE_AFTER.has(all[j + 1] ?? ''));
    const direct = negation(i - 1) || (i >= 2 && negation(i - 2) && STOP_STEMS.has(all[i - 1]!));
    const listed = listNegated && LIST_JOINS.has(all[i - 1] ?? '');
    if (direct) listNegated = true;
    out.push({ token: t, negated: direct || listed });
  }
  return out;
}

/**
 * Where `trigger` occurs in `said` in order, spanning at most its length + SLACK, not negated. A
 * trigger of two words also matches them the other way round ("gas smell" for "smell gas").
 */
function occurs(said: Token[], trigger: string[]): boolean {
  if (trigger.length === 0) return false;
  const orders = trigger.length === 2 ? [trigger, [trigger[1]!, trigger[0]!]] : [trigger];
  for (const words of orders) {
    for (let start = 0; start < said.length; start++) {
      if (said[start]!.token !== words[0]) continue;
      let k = 1;
      for (let i = start + 1; i < said.length && k < words.length && i - start < words.length + SLACK; i++) {
        if (said[i]!.token === words[k]) k += 1;
        // A negation in the trigger governs the very next word: "not stuck … get my car out" is no "can not get my car out".
        else if (NEGATIONS_KEPT.has(words[k - 1]!)) break;
      }
      const negated = words[0] !== NEGATION && said[start]!.negated;
      if (k === words.length && !negated) return true;
    }
  }
  return false;
}

/**
 * Whether a trigger can ever match: it needs a word besides small words and negations ("the",
 * "no", "not on" would fire on almost anything or on nothing).
 */
export function isUsableTrigger(trigger: string): boolean {
  return plainWords(trigger).map(stem).some((t) => !STOP_STEMS.has(t) && !KEPT.has(t) && !NEGATIONS.has(t));
}

// "What if a pipe bursts at night, can someone come?" asks about a case; it reports nothing.
const HYPOTHETICAL = /\b(what if|what happens if|what would happen if|in case|suppose|supposing|if ever)\b/i;
const HAPPENING = /\b(right now|just|currently|at the moment|is (leaking|flooding|spraying|burning|sparking|smoking|pouring)|there is|there's|i smell|we smell|i see|i hear)\b/i;

const RANK = { life_safety: 0, urgent: 1 } as const;
const NEGATED_TRIGGER = /\s(cant|cannot|can not|wont|will not|dont|do not|doesnt|does not|not|no|never|isnt|wouldnt)\s/;

/** The most serious emergency the text describes (life safety first, then the longest trigger), or null. */
// "it's not like an emergency": the caller's own word counts for what is only urgent, never for life safety.
const NOT_AN_EMERGENCY = /\b(not (like |really |exactly )?(an|a real) emergency|no emergency|isn'?t an emergency|not urgent|no rush|not in a rush)\b/i;

const CLOSE_WORDS = /\b(close|closed|closes|closing|shut|down)\b/i;
const OPEN_WORDS = /\b(open|opened|opens|opening|up)\b/i;

function sameDirection(trigger: string, text: string): boolean {
  if (CLOSE_WORDS.test(trigger) && !CLOSE_WORDS.test(text)) return false;
  if (/\bopen/i.test(trigger) && !OPEN_WORDS.test(text)) return false;
  return true;
}

export function matchEmergency<R extends EmergencyRule>(text: string, rules: readonly R[], analyzer: Analyzer): EmergencyMatch<R> | null {
  if (HYPOTHETICAL.test(text) && !HAPPENING.test(text)) return null;
  const said = tokensOf(text, analyzer);
  const calm = NOT_AN_EMERGENCY.test(text);
  let best: (EmergencyMatch<R> & { length: number }) | null = null;
  for (const rule of rules) {
    if (calm && rule.severity !== 'life_safety') continue;
    for (const trigger of rule.triggers) {
      const words = tokensOf(trigger, analyzer).map((t) => t.token);
      // Its words one by one too: "a pipe just burst" has the words of "pipe burst", not the phrase;
      // never without the negation a trigger holds ("can not get my car out" is not "can still get my car out").
      const loose = plainWords(trigger).map(stem).filter((t) => !STOP_STEMS.has(t) || KEPT.has(t));
      const keepsNegation = !NEGATED_TRIGGER.test(` ${plainWords(trigger).join(' ')} `) || loose.some((t) => t === 'not' || t === 'no');
      if (!occurs(said, words) && !(loose.length > 1 && keepsNegation && occurs(said, loose))) continue;
      // The vocabulary reads "open" and "close" as one concept (hours); a door that won't open is not one that won't close.
      if (!sameDirection(trigger, text)) continue;
      const better = !best
        || RANK[rule.severity] < RANK[best.rule.severity]
        || (RANK[rule.severity] === RANK[best.rule.severity] && words.length > best.length);
      if (better) best = { rule, trigger, length: words.length };
    }
  }
  return best ? { rule: best.rule, trigger: best.trigger } : null;
}
