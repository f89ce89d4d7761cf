import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { knowledgeSearchRepository as repo } from './knowledge-search.repository.ts';
import { matchEmergency } from './retrieval/emergency-match.ts';
import { GENERAL_VOCABULARY } from './retrieval/general-vocabulary.ts';
import { BoundedMap } from './retrieval/bounded-map.ts';
import { analyze, buildLexicon, type Analysis, type Lexicon } from './retrieval/lexicon.ts';
import { ANSWERABLE_SCORE, blendTrigram, isAnswerable, scoreCandidates } from './retrieval/score.ts';
import { buildTsQueries } from './retrieval/ts-query.ts';

/** How many candidates of each source the database hands to the scorer. */
const CANDIDATES_PER_SOURCE = 30;
/** How many of the best get the (costlier) trigram similarity as a tie-breaker. */
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

export interface EmergencyMatch {
  id: string;
  tradeCategoryId: string;
  name: string;
  severity: 'life_safety' | 'urgent';
  safetyInstruction: string;
  defaultAction: 'transfer_on_call' | 'book_urgent' | 'take_message';
  matchedTrigger: string;
}

export interface CompanyLexicon {
  lexicon: Lexicon;
  /** Identifies the vocabulary it was built from (analyses are cached per lexicon). */
  version: number;
}

// Built from the vocabulary's content, so an admin's change makes a new one and nothing goes stale.
const lexicons = new BoundedMap<string, CompanyLexicon>(64);
let lexiconVersion = 0;

/** The company's trade vocabulary before the general one, so a trade's meaning of a phrase wins. */
export async function loadLexicon(tx: TenantTx, companyId: string): Promise<CompanyLexicon> {
  const groups = await repo.vocabulary(tx, companyId);
  return lexicons.getOrCompute(JSON.stringify(groups), () => ({ lexicon: buildLexicon([...groups, ...GENERAL_VOCABULARY]), version: ++lexiconVersion }));
}

/** Best first; on equal scores the company's own entry before an inherited one. */
const byScore = (a: SearchHit, b: SearchHit) => b.score - a.score || (a.source === b.source ? 0 : a.source === 'company' ? -1 : 1);

export function createKnowledgeSearch(db: Db) {
  // Entry texts come back search after search: their analyses are kept, per company and lexicon.
  const analyses = new BoundedMap<string, Analysis>(50_000);
  const analyzer = (companyId: string, { lexicon, version }: CompanyLexicon) => (text: string) =>
    analyses.getOrCompute(`${companyId}|${version}|${text}`, () => analyze(text, lexicon));

  return {
    /** Ranked answers to what a caller said, and whether the best is good enough to say. */
    async search(companyId: string, text: string, options: { limit?: number } = {}): Promise<SearchResult> {
      const limit = options.limit ?? 5;
      return withTenant(db, companyId, async (tx) => {
        const company = await loadLexicon(tx, companyId);
        const query = analyze(text.slice(0, MAX_QUESTION_LENGTH), company.lexicon);
        const none = { query: query.text, answerable: false, threshold: ANSWERABLE_SCORE, results: [] };
        if (query.terms.length === 0) return none;
        // Entries sharing two of the caller's terms first; entries sharing one only to fill up.
        const { pairs, singles } = buildTsQueries(query, company.lexicon);
        const rows = await repo.candidates(tx, companyId, { tsQuery: pairs, order: 'rank', perSource: CANDIDATES_PER_SOURCE, exclude: [] });
        if (rows.length < CANDIDATES_PER_SOURCE) {
          rows.push(...await repo.candidates(tx, companyId, { tsQuery: singles, order: 'shortest', perSource: CANDIDATES_PER_SOURCE, exclude: rows.map((r) => r.id) }));
        }
        const analyzeEntry = analyzer(companyId, company);
        const lexical = scoreCandidates(query, rows.map((r) => ({ phrasings: [r.question, ...r.alternatives].map(analyzeEntry), answer: analyzeEntry(r.answer) })));
        const best = rows.map((r, i) => ({ r, lexical: lexical[i]! })).filter((x) => x.lexical > 0)
          .sort((a, b) => b.lexical - a.lexical).slice(0, Math.max(limit, TRIGRAM_RERANK));
        const trigram = await repo.trigramSimilarity(tx, companyId, query.text, {
          company: best.filter((x) => x.r.source === 'company').map((x) => x.r.id),
          trade: best.filter((x) => x.r.source === 'trade').map((x) => x.r.id),
        });
        const hits = best
          .map(({ r, lexical: l }): SearchHit => ({
            source: r.source, id: r.id, tradeCategoryId: r.trade_category_id, question: r.question, answer: r.answer, score: blendTrigram(l, trigram.get(r.id) ?? 0),
          }))
          .sort(byScore).slice(0, limit);
        return { ...none, answerable: hits.length > 0 && isAnswerable(hits[0]!.score), results: hits };
      });
    },

    /** The most serious emergency the caller describes, with the safety instruction to read out; null when none. */
    async emergencyFor(companyId: string, text: string): Promise<EmergencyMatch | null> {
      return withTenant(db, companyId, async (tx) => {
        const [company, rules] = [await loadLexicon(tx, companyId), await repo.emergencies(tx, companyId)];
        const match = matchEmergency(text.slice(0, MAX_QUESTION_LENGTH), rules, analyzer(companyId, company));
        if (!match) return null;
        const r = match.rule;
        return {
          id: r.id, tradeCategoryId: r.trade_category_id, name: r.name, severity: r.severity,
          safetyInstruction: r.safety_instruction, defaultAction: r.default_action, matchedTrigger: match.trigger,
        };
      });
    },

    /** Words and phrases to prime speech recognition with (Twilio <Gather hints>): trade terms, then the company's tags. */
    async vocabularyHints(companyId: string): Promise<string[]> {
      return withTenant(db, companyId, async (tx) => {
        const terms = (await repo.vocabulary(tx, companyId)).flat();
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
  };
}

export type KnowledgeSearch = ReturnType<typeof createKnowledgeSearch>;
