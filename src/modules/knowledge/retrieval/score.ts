import { BoundedMap } from './bounded-map.ts';
import { CONCEPT, weightOf, type Analysis } from './lexicon.ts';
import { joinedCredit } from './joined-words.ts';
import { qualifiedElsewhere } from './near-topic.ts';
import { phrasingSlots } from './phrasing-slots.ts';
import { stem } from './stem.ts';

/**
 * How well each candidate entry answers a caller, from 0 to 1, and the line above which the
 * agent may say the best one. Pure: the database finds the candidates, this decides.
 *
 * For each phrasing of an entry (its question and alternatives):
 *  - entry coverage: how much of the phrasing the caller said (terms joined by "or" or "and"
 *    count once: phrasing-slots.ts);
 *  - caller coverage: how much of what the caller said the phrasing (or, at half credit, the
 *    answer) covers.
 * A concept said in several words ("EV chargers") and its last word said alone ("chargers") earn
 * half credit for each other.
 * The phrasing's score is their weighted geometric mean, leaning on entry coverage: callers wrap
 * a question in context ("my basement is flooding, can someone come tonight"), so what they
 * add counts less than what the entry needs. The entry takes its best phrasing; for the best few,
 * the database's trigram similarity (pg_trgm) is blended in a little, for misheard words that
 * still share most of their letters.
 *
 * A term's weight is its kind (weightOf: topic words fully, actions half, fillers little) times
 * its rarity among the candidates, inverse document frequency over the entries that share a
 * word with the caller: "water" in a plumber's knowledge base says little, and a word no entry
 * has ("chimney") says the question is about something else.
 */
// Calibrated on the retrieval evaluation (test/knowledge/): right answers mostly score above
// 0.45 and questions the knowledge does not answer mostly below 0.4.
export const ANSWERABLE_SCORE = 0.42;

const ENTRY_COVERAGE_EXPONENT = 0.6;
const ANSWER_CREDIT = 0.5;
/** What an entry earns at most from its answer alone (all the caller's words there): under ANSWERABLE_SCORE, so it ranks its entry and answers only by clearly winning (isAnswerableTop). */
const ANSWER_ALONE = 0.4;
const HEAD_CREDIT = 0.5;
const FUZZY_MIN = 0.5;
/** Two words read as one must be closer than any two words: most pairs written together are no word. */
const JOINED_MIN = 0.7;
/** What a shared term proves when the caller qualified it with a word the entry has nowhere. */
const QUALIFIED_CREDIT = 0.7;
const TRIGRAM_WEIGHT = 0.05;
/** A company entry scoring at least this share of a generic entry's score is preferred to it. */
const GENERIC_SHARE = 0.93;
/** The share of a term's weight that does not depend on its rarity. */
const RARITY_FLOOR = 0.35;

export interface Candidate {
  phrasings: Analysis[];
  answer: Analysis;
  /** Whose entry: a trade's generic one stands aside for the company's own on the same question. */
  source?: 'company' | 'trade';
}

const trigramMemo = new BoundedMap<string, ReadonlySet<string>>(20_000);

function trigramsOf(word: string): ReadonlySet<string> {
  return trigramMemo.getOrCompute(word, () => {
    const padded = `  ${word} `;
    const set = new Set<string>();
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
    return set;
  });
}

/** pg_trgm's similarity for two single words: shared trigrams over all trigrams. */
export function wordSimilarity(a: string, b: string): number {
  const x = trigramsOf(a);
  const y = trigramsOf(b);
  let shared = 0;
  for (const t of x) if (y.has(t)) shared += 1;
  return shared / (x.size + y.size - shared);
}

const fuzzyCandidate = (term: string) => !term.startsWith(CONCEPT) && term.length >= 4;

/**
 * 1 for the same term. Otherwise, when `fuzzy`, two plain words of four letters or more earn
 * their similarity if close ("warranty" ~ "warrantee"); words whose lengths differ too much to
 * be close are not compared.
 */
function credit(term: string, others: readonly string[], exact: ReadonlySet<string>, fuzzy: boolean): number {
  if (exact.has(term)) return 1;
  if (!fuzzy || !fuzzyCandidate(term)) return 0;
  let best = 0;
  for (const other of others) {
    if (!fuzzyCandidate(other)) continue;
    const [short, long] = term.length < other.length ? [term.length, other.length] : [other.length, term.length];
    if ((short + 2) / (long + 2) < FUZZY_MIN) continue;
    const s = wordSimilarity(term, other);
    if (s >= FUZZY_MIN && s > best) best = s;
  }
  return best;
}

type Weigh = (term: string) => number;

/** Kind times rarity: BM25's idf over the candidates, scaled so a term no candidate has weighs its full kind. */
function rarityWeights(candidates: readonly Candidate[]): Weigh {
  const df = new Map<string, number>();
  for (const c of candidates) {
    const terms = new Set([...c.phrasings.flatMap((p) => p.terms), ...c.answer.terms]);
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = candidates.length;
  const idf = (d: number) => Math.log(1 + (n - d + 0.5) / (d + 0.5));
  const max = idf(0);
  return (term) => weightOf(term) * (RARITY_FLOOR + (1 - RARITY_FLOOR) * (idf(df.get(term) ?? 0) / max));
}

function weightedShare(terms: readonly string[], weigh: Weigh, creditOf: (term: string) => number): number {
  let total = 0;
  let covered = 0;
  for (const t of terms) {
    const w = weigh(t);
    total += w;
    covered += w * creditOf(t);
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * The weighted share of a phrasing's slots the caller covered: a slot the caller said a term of
 * weighs and earns as its best term; one the caller said nothing of weighs all its terms, as if
 * they were not joined (joining helps a caller who names one, never one who names none).
 */
function slotShare(slots: readonly (readonly string[])[], weigh: Weigh, creditOf: (term: string) => number): number {
  let total = 0;
  let covered = 0;
  for (const slot of slots) {
    const earned = Math.max(...slot.map((t) => weigh(t) * creditOf(t)));
    total += earned > 0 ? Math.max(...slot.map(weigh)) : slot.reduce((sum, t) => sum + weigh(t), 0);
    covered += earned;
  }
  return total === 0 ? 0 : covered / total;
}

const headMemo = new WeakMap<Analysis, ReadonlyMap<string, string>>();

/** Each concept said in several words, with its last word stemmed ("EV chargers" → "charger"). */
function conceptHeads(a: Analysis): ReadonlyMap<string, string> {
  const known = headMemo.get(a);
  if (known) return known;
  const heads = new Map<string, string>();
  for (const t of a.terms) {
    const words = t.startsWith(CONCEPT) ? (a.wordOf.get(t) ?? '').split(' ') : [];
    if (words.length > 1) heads.set(t, stem(words[words.length - 1]!));
  }
  headMemo.set(a, heads);
  return heads;
}

const bareMemo = new WeakMap<Analysis, ReadonlySet<string>>();

/** Plain terms said somewhere with no other content word right before them ("chargers", not "pool pumps"). */
function bareTerms(a: Analysis): ReadonlySet<string> {
  const known = bareMemo.get(a);
  if (known) return known;
  const content = new Set(a.terms);
  const bare = new Set(a.sequence.filter((t, i) => content.has(t) && !t.startsWith(CONCEPT) && (i === 0 || !content.has(a.sequence[i - 1]!))));
  bareMemo.set(a, bare);
  return bare;
}

/**
 * Half credit between a concept said in several words and its last word said alone ("chargers"
 * for "EV chargers"); none when another word comes before it ("well pumps" is no "sump pump").
 */
function headCredit(term: string, own: Analysis, other: Analysis): number {
  const head = conceptHeads(own).get(term);
  if (head !== undefined) return bareTerms(other).has(head) ? HEAD_CREDIT : 0;
  if (!bareTerms(own).has(term)) return 0;
  for (const h of conceptHeads(other).values()) if (h === term) return HEAD_CREDIT;
  return 0;
}

function phrasingScore(query: Analysis, phrasing: Analysis, answer: Analysis, weigh: Weigh): number {
  const querySet = new Set(query.terms);
  const phrasingSet = new Set(phrasing.terms);
  const answerSet = new Set(answer.terms);
  const qualified = qualifiedElsewhere(query, phrasingSet, answerSet);
  const entryCoverage = slotShare(phrasingSlots(phrasing), weigh, (t) => {
    const direct = credit(t, query.terms, querySet, true);
    const earned = direct === 1 ? 1 : Math.max(direct, headCredit(t, phrasing, query), joinedCredit(t, phrasing, query, wordSimilarity, JOINED_MIN));
    return (qualified.has(t) ? QUALIFIED_CREDIT : 1) * earned;
  });
  const callerCoverage = weightedShare(query.terms, weigh, (t) => {
    const direct = Math.max(credit(t, phrasing.terms, phrasingSet, true), headCredit(t, query, phrasing));
    if (direct === 1) return 1;
    const fromAnswer = ANSWER_CREDIT * Math.max(credit(t, answer.terms, answerSet, false), joinedCredit(t, query, answer, wordSimilarity, JOINED_MIN));
    return Math.max(direct, joinedCredit(t, query, phrasing, wordSimilarity, JOINED_MIN), fromAnswer);
  });
  if (entryCoverage === 0 || callerCoverage === 0) return 0;
  return entryCoverage ** ENTRY_COVERAGE_EXPONENT * callerCoverage ** (1 - ENTRY_COVERAGE_EXPONENT);
}

const termKey = (p: Analysis) => [...new Set(p.terms)].sort().join(' ');

/**
 * Each candidate's word-level score for this caller question (0..1), in the candidates' order.
 * A trade entry asked in the same terms as one of the company's own entries is that entry's
 * question too: the company's entry takes its score and the generic one scores nothing, so
 * the generic answer never speaks for the company on a topic the company answers itself.
 */
export function scoreCandidates(query: Analysis, candidates: readonly Candidate[]): number[] {
  const weigh = rarityWeights(candidates);
  const scores = candidates.map((c) => {
    // The answer alone answers too, at a discount: it says more than was asked.
    const answerSet = new Set(c.answer.terms);
    let best = ANSWER_ALONE * weightedShare(query.terms, weigh, (t) => credit(t, c.answer.terms, answerSet, false));
    for (const p of c.phrasings) best = Math.max(best, phrasingScore(query, p, c.answer, weigh));
    return best;
  });
  // A generic entry scoring only a little above the company's own best steps just below it: on
  // about the same match the company speaks for itself. The company's score is left as it is.
  const ownBest = Math.max(0, ...scores.filter((_, i) => candidates[i]!.source === 'company'));
  if (ownBest > 0) {
    candidates.forEach((c, i) => {
      if (c.source === 'trade' && scores[i]! > ownBest && ownBest >= GENERIC_SHARE * scores[i]!) scores[i] = ownBest - 0.001;
    });
  }
  const ownByTerms = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (c.source === 'company') for (const p of c.phrasings) if (p.terms.length > 0) ownByTerms.set(termKey(p), i);
  });
  if (ownByTerms.size === 0) return scores;
  candidates.forEach((c, i) => {
    if (c.source !== 'trade') return;
    const own = c.phrasings.map((p) => ownByTerms.get(termKey(p))).find((x) => x !== undefined);
    if (own === undefined) return;
    scores[own] = Math.max(scores[own]!, scores[i]!);
    scores[i] = 0;
  });
  return scores;
}

/**
 * The final score: the word-level score with a little of the trigram similarity (0..1), rounded.
 * Without a similarity (entries below the best few) it is the word-level share alone, so the
 * blend never lifts a lower entry above a better one.
 */
export function finalScore(lexical: number, trigram = 0): number {
  const score = (1 - TRIGRAM_WEIGHT) * lexical + TRIGRAM_WEIGHT * Math.min(Math.max(trigram, 0), 1);
  return Math.round(score * 1000) / 1000;
}

export const isAnswerable = (score: number): boolean => score >= ANSWERABLE_SCORE;

/** How close behind a generic trade entry the company's own entry may score and still come first. */
export const NEAR_TIE = 0.05;

/**
 * A company's own entry scoring within NEAR_TIE of a trade's generic entry ranked first, and
 * above the line itself, comes first: on a near tie the company's words, not the trade's, are
 * what it tells its callers. Pure.
 */
export function preferOwnOnNearTie<T extends { score: number; source: 'company' | 'trade' }>(ranked: readonly T[]): T[] {
  const [top, next, ...rest] = ranked;
  if (!top || !next || top.source !== 'trade' || next.source !== 'company' || top.score - next.score > NEAR_TIE || !isAnswerable(next.score)) return [...ranked];
  return [next, top, ...rest];
}

/**
 * A company's own entry that clearly wins answers below the line: callers wrap a question in
 * their story, which lowers every score, but the entry about it still stands well clear of the
 * next one (a lone candidate does not count: it wins against nothing). Generic trade entries keep the line.
 */
export const CLEAR_WIN_SCORE = 0.26;
export const CLEAR_WIN_MARGIN = 0.1;

export function isAnswerableTop(top: { score: number; source: 'company' | 'trade' }, next: { score: number } | undefined): boolean {
  if (isAnswerable(top.score)) return true;
  // A lone candidate wins against nothing: that says little.
  return top.source === 'company' && next !== undefined && top.score >= CLEAR_WIN_SCORE && top.score - next.score >= CLEAR_WIN_MARGIN;
}
