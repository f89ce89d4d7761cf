import type { Analysis } from './lexicon.ts';

/**
 * What a caller must say to have asked an entry's phrasing: its terms, with terms joined by
 * "or" or "and" counted as one ("cancel or reschedule", "boilers or furnaces", "permits and
 * inspections"), since a caller asking about either asks the entry's question; not in a question
 * that asks to choose between them. Pure.
 */
const CONJUNCTIONS = new Set(['or', 'and']);
const CHOICE_WORDS = new Set(['should', 'which', 'whether']);
const CHOICE_ANYWHERE = new Set(['better', 'differ', 'differenc', 'vs', 'versus', 'instead']);
/** Stopwords allowed between a conjunction and the term it joins ("at night and on weekends"). */
const JOIN_GAP = 2;
const slotMemo = new WeakMap<Analysis, readonly (readonly string[])[]>();

/** The phrasing's terms in slots: one slot per term, or per run of terms joined by a conjunction. */
export function phrasingSlots(phrasing: Analysis): readonly (readonly string[])[] {
  const known = slotMemo.get(phrasing);
  if (known) return known;
  const content = new Set(phrasing.terms);
  const slotOf = new Map<string, string[]>();
  const slots: string[][] = [];
  const seq = phrasing.sequence;
  for (const t of phrasing.terms) {
    const slot = [t];
    slots.push(slot);
    slotOf.set(t, slot);
  }
  // "Should I repair or replace it?", "which is better, a tank or tankless?": a choice is asked, and either alone is not it
  // (sequence tokens are stems: "difference" is "differenc").
  const choice = CHOICE_WORDS.has(seq[0] ?? '') || seq.some((t) => CHOICE_ANYWHERE.has(t));
  for (let i = 1; i < seq.length - 1 && !choice; i++) {
    if (!CONJUNCTIONS.has(seq[i]!) || !content.has(seq[i - 1]!)) continue;
    let j = i + 1;
    while (j < seq.length && j - i <= JOIN_GAP && !content.has(seq[j]!)) j++;
    const [left, right] = [slotOf.get(seq[i - 1]!)!, seq[j] === undefined ? undefined : slotOf.get(seq[j]!)];
    if (!right || right === left) continue;
    left.push(...right);
    for (const t of right) slotOf.set(t, left);
    slots.splice(slots.indexOf(right), 1);
  }
  slotMemo.set(phrasing, slots);
  return slots;
}

