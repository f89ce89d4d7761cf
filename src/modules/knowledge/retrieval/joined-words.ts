import { CONCEPT, type Analysis } from './lexicon.ts';

/**
 * A word a speech recogniser split in two ("lift master", "back up") or two it merged
 * ("backup", "homedepot") still meets the entry's word: two adjacent plain words read together
 * are one more word to compare. Pure.
 */
const MIN_JOINED_LENGTH = 6;

interface Joined {
  /** Each adjacent pair of plain words written together, with the two words. */
  pairs: { word: string; parts: [string, string] }[];
  /** The words that are half of a pair. */
  halves: ReadonlySet<string>;
}

const memo = new WeakMap<Analysis, Joined>();

function joinedOf(a: Analysis): Joined {
  const known = memo.get(a);
  if (known) return known;
  const pairs: Joined['pairs'] = [];
  for (let i = 0; i + 1 < a.sequence.length; i++) {
    const [x, y] = [a.sequence[i]!, a.sequence[i + 1]!];
    if (x.startsWith(CONCEPT) || y.startsWith(CONCEPT) || /\d/.test(x + y)) continue;
    const word = (a.wordOf.get(x) ?? x) + (a.wordOf.get(y) ?? y);
    if (word.length >= MIN_JOINED_LENGTH) pairs.push({ word, parts: [x, y] });
  }
  const joined = { pairs, halves: new Set(pairs.flatMap((p) => p.parts)) };
  memo.set(a, joined);
  return joined;
}

/**
 * Credit (0..1) for `term` of `own` from `other` through a split or merged word: the term is
 * two adjacent words of `other` written together, or half of two adjacent words of `own` that
 * written together are a term of `other`. `similar` compares two words (1 when the same); a
 * credit below `min` is none.
 */
export function joinedCredit(term: string, own: Analysis, other: Analysis, similar: (a: string, b: string) => number, min: number): number {
  if (term.startsWith(CONCEPT)) return 0;
  let best = 0;
  // Words whose lengths differ this much cannot be `min` similar: not compared.
  const close = (a: string, b: string) => {
    const [short, long] = a.length < b.length ? [a.length, b.length] : [b.length, a.length];
    if ((short + 2) / (long + 2) >= min) best = Math.max(best, similar(a, b));
  };
  const said = own.wordOf.get(term) ?? term;
  for (const p of joinedOf(other).pairs) close(said, p.word);
  if (joinedOf(own).halves.has(term)) {
    for (const p of joinedOf(own).pairs) {
      if (!p.parts.includes(term)) continue;
      for (const t of other.terms) if (!t.startsWith(CONCEPT)) close(p.word, other.wordOf.get(t) ?? t);
    }
  }
  return best >= min ? best : 0;
}
