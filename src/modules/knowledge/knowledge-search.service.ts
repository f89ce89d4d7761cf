import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { knowledgeSearchRepository as repo, type CandidateRow } from './knowledge-search.repository.ts';
import { createInheritedCache, type Inherited } from './inherited-cache.ts';
import { createKnowledgeEmergencies, type EmergencyDeps } from './knowledge-emergencies.service.ts';
import { BoundedMap } from './retrieval/bounded-map.ts';
import { analyze, type Analysis, type Lexicon } from './retrieval/lexicon.ts';
import { ANSWERABLE_SCORE, finalScore, isAnswerableTop, preferOwnOnNearTie, scoreCandidates } from './retrieval/score.ts';
import { buildTsQueryTiers } from './retrieval/ts-query.ts';

/** How many of the company's own entries the database hands to the scorer. */
const CANDIDATES = 30;
/** How many entries sharing a tier's terms are considered at most (bounds the work for common words). */
const SCAN = 300;
/** With this many entries sharing the most terms with the caller, entries sharing fewer are not read. */
const ENOUGH_CANDIDATES = 5;
/** How many of the best get the (costlier) trigram similarity blended in. */
const TRIGRAM_RERANK = 3;
const MAX_QUESTION_LENGTH = 500;
// Twilio <Gather hints>: at most 500 phrases of at most 100 characters, comma-separated.
const MAX_HINTS = 500;
const MAX_HINT_LENGTH = 100;

export interface SearchHit {
  source: 'company' | 'trade';
  id: string;
  tradeCategoryId: string | null;
  question: string;
  answer: string;
  score: number;
}

export interface SearchResult {
  /** The caller's words as matched (fillers removed). */
  query: string;
  /** Whether the best hit is good enough for the agent to say. */
  answerable: boolean;
  threshold: number;
  results: SearchHit[];
}


/** Best first; on equal scores the company's own entry before an inherited one. */
const byScore = (a: SearchHit, b: SearchHit) => b.score - a.score || (a.source === b.source ? 0 : a.source === 'company' ? -1 : 1);

export function createKnowledgeSearch(db: Db, deps: EmergencyDeps) {
  const inheritedCache = createInheritedCache();
  // Entry texts come back search after search: their analyses are kept, per company and lexicon.
  const analyses = new BoundedMap<string, Analysis>(50_000);
  const analyzer = (companyId: string, inherited: Inherited) => (text: string) =>
    analyses.getOrCompute(`${companyId}|${inherited.version}|${text}`, () => analyze(text, inherited.lexicon));

  /**
   * The company's own entries sharing the most terms with the caller: those sharing at least 3,
   * then 2, then 1, until there are a few. A large knowledge base usually has them in the first
   * tier, so the many entries sharing one common word ("water") are never read. Also answers the
   * company's trade categories as the first query read them (undefined when none ran).
   */
  async function ownCandidates(tx: TenantTx, companyId: string, query: Analysis, lexicon: Lexicon): Promise<{ rows: CandidateRow[]; categories?: string }> {
    const rows: CandidateRow[] = [];
    let categories: string | undefined;
    for (const tsQuery of buildTsQueryTiers(query, lexicon)) {
      const found = await repo.candidates(tx, companyId, { tsQuery, limit: CANDIDATES - rows.length, scan: SCAN, exclude: rows.map((r) => r.id) });
      categories ??= found.categories;
      rows.push(...found.rows);
      if (rows.length >= ENOUGH_CANDIDATES) break;
    }
    return { rows, categories };
  }

  /** pg_trgm word similarity of the caller's words to the best few hits' phrasings, blended into their scores. */
  async function withTrigram(tx: TenantTx, text: string, best: { r: CandidateRow; lexical: number }[]): Promise<SearchHit[]> {
    const top = best.slice(0, TRIGRAM_RERANK).map((x) => x.r);
    const similarity = await repo.trigramSimilarity(tx, text, top.map((r) => [r.question, ...r.alternatives].join(' / ')));
    return best
      .map(({ r, lexical }, i): SearchHit => ({
        source: r.source, id: r.id, tradeCategoryId: r.trade_category_id, question: r.question, answer: r.answer, score: finalScore(lexical, similarity[i]),
      }))
      .sort(byScore);
  }

  const emergencies = createKnowledgeEmergencies(db, inheritedCache, analyzer, deps);
  return {
    ...emergencies,

    /** Ranked answers to what a caller said, and whether the best is good enough to say. */
    async search(companyId: string, text: string, options: { limit?: number } = {}): Promise<SearchResult> {
      const limit = options.limit ?? 5;
      return withTenant(db, companyId, async (tx) => {
        // A recent copy of what the company inherits, checked against its trade categories by the
        // first candidate query (no extra round trip); read again and searched anew if they changed.
        let inherited = inheritedCache.recent(companyId) ?? await inheritedCache.get(tx, companyId);
        let query = analyze(text.slice(0, MAX_QUESTION_LENGTH), inherited.lexicon);
        const none = { query: query.text, answerable: false, threshold: ANSWERABLE_SCORE, results: [] };
        if (query.terms.length === 0) return none;
        let own = await ownCandidates(tx, companyId, query, inherited.lexicon);
        if (own.categories !== undefined && own.categories !== inherited.categories) {
          inherited = await inheritedCache.read(tx, companyId, own.categories);
          query = analyze(text.slice(0, MAX_QUESTION_LENGTH), inherited.lexicon);
          own = await ownCandidates(tx, companyId, query, inherited.lexicon);
        }
        const analyzeEntry = analyzer(companyId, inherited);
        const said = new Set(query.terms);
        const analyzed = (r: CandidateRow) => ({ r, source: r.source, phrasings: [r.question, ...r.alternatives].map(analyzeEntry), answer: analyzeEntry(r.answer) });
        // Inherited entries are few: those sharing a term with the caller join the company's own candidates.
        const candidates = [
          ...own.rows.map(analyzed),
          ...inherited.entries.map(analyzed).filter((c) => c.phrasings.some((p) => p.terms.some((t) => said.has(t)))),
        ];
        const lexical = scoreCandidates(query, candidates);
        // Two at least, whatever the limit: whether the best clearly wins depends on the next.
        const best = candidates.map(({ r }, i) => ({ r, lexical: lexical[i]! })).filter((x) => x.lexical > 0)
          .sort((a, b) => b.lexical - a.lexical).slice(0, Math.max(limit, 2));
        const ranked = best.length === 0 ? [] : preferOwnOnNearTie(await withTrigram(tx, query.text, best));
        return { ...none, answerable: ranked.length > 0 && isAnswerableTop(ranked[0]!, ranked[1]), results: ranked.slice(0, limit) };
      });
    },

    /** Words and phrases to prime speech recognition with (Twilio <Gather hints>): trade terms, then the company's tags. */
    async vocabularyHints(companyId: string): Promise<string[]> {
      return withTenant(db, companyId, async (tx) => {
        const terms = (await inheritedCache.get(tx, companyId)).vocabulary.flat();
        const tags = await repo.tags(tx, companyId, MAX_HINTS);
        const seen = new Set<string>();
        const hints: string[] = [];
        for (const raw of [...terms, ...tags]) {
          const hint = raw.replace(/[,\s]+/g, ' ').trim().toLowerCase();
          if (hint === '' || hint.length > MAX_HINT_LENGTH || seen.has(hint)) continue;
          seen.add(hint);
          hints.push(hint);
          if (hints.length === MAX_HINTS) break;
        }
        return hints;
      });
    },

    /** The company's (or, without an id, every company's) inherited knowledge is read again on next use. */
    forgetInherited(companyId?: string): void {
      inheritedCache.forget(companyId);
      emergencies.forgetEmergencyRules(companyId);
    },

    /** The lexicon for the company's vocabulary (unanswered questions are grouped with it). */
    async lexiconOf(tx: TenantTx, companyId: string): Promise<Lexicon> {
      return (await inheritedCache.get(tx, companyId)).lexicon;
    },
  };
}

export type KnowledgeSearch = ReturnType<typeof createKnowledgeSearch>;
