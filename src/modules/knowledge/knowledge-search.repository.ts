import { sql } from 'kysely';
import type { TradeEmergencyRow } from './company-emergencies.ts';
import type { TenantTx } from '../../db/tenant.ts';

export interface CandidateRow {
  source: 'company' | 'trade';
  id: string;
  trade_category_id: string | null;
  question: string;
  answer: string;
  alternatives: string[];
}

/**
 * The searchable knowledge of one company: its enabled entries plus the enabled trade entries
 * of its categories that it has not switched off (with its own answer where it overrides).
 */
const categoriesOf = (companyId: string) =>
  sql`SELECT array_to_string(ARRAY(SELECT trade_category_id::text FROM company_trade_categories WHERE company_id = ${companyId} ORDER BY 1), ',') AS categories`;

export const knowledgeSearchRepository = {
  /** The company's trade categories, in a fixed order (what it inherits). */
  async categories(tx: TenantTx, companyId: string): Promise<string> {
    const r = await sql<{ categories: string }>`${categoriesOf(companyId)}`.execute(tx);
    return r.rows[0]!.categories;
  },

  /** Synonym groups of the company's trade categories. */
  async vocabulary(tx: TenantTx, companyId: string): Promise<string[][]> {
    const rows = await tx.selectFrom('platform.trade_vocabulary as v')
      .innerJoin('company_trade_categories as c', (j) => j.onRef('c.trade_category_id', '=', 'v.trade_category_id').on('c.company_id', '=', companyId))
      .select('v.terms').orderBy('v.trade_category_id').orderBy('v.created_at').orderBy('v.id').execute();
    return rows.map((r) => r.terms);
  },

  /**
   * The company's own entries matching the full-text query, shortest phrasings first (the ones
   * the shared words cover best), at most `limit`, leaving out `exclude`. Only the first `scan`
   * matches are ordered: that bounds the work for a word shared by thousands of entries, and is
   * every match in all but the largest knowledge bases. Also answers the company's trade
   * categories, so a search can check what it inherits without another round trip. `tsQuery`
   * comes from buildTsQueryTiers (only [a-z0-9] words and operators).
   */
  async candidates(tx: TenantTx, companyId: string, input: { tsQuery: string; limit: number; scan: number; exclude: string[] }): Promise<{ rows: CandidateRow[]; categories: string }> {
    const r = await sql<{ categories: string; id: string | null; question: string; answer: string; alternatives: string[] }>`
      SELECT c.categories, m.id, m.question, m.answer, m.alternatives
      FROM (${categoriesOf(companyId)}) c
      LEFT JOIN LATERAL (
        SELECT s.id, s.question, s.answer, s.alternatives FROM (
          SELECT e.id, e.question, e.answer, e.alternatives, length(e.search_text) AS length
          FROM knowledge_entries e
          WHERE e.company_id = ${companyId} AND e.search_tsv @@ to_tsquery('english', ${input.tsQuery}) AND e.enabled
            AND NOT (e.id = ANY(${input.exclude}::uuid[]))
          LIMIT ${input.scan}) s
        ORDER BY s.length LIMIT ${input.limit}) m ON true`.execute(tx);
    const rows = r.rows.filter((x) => x.id !== null)
      .map((x) => ({ source: 'company' as const, id: x.id!, trade_category_id: null, question: x.question, answer: x.answer, alternatives: x.alternatives }));
    return { rows, categories: r.rows[0]!.categories };
  },

  /** Every enabled trade entry of the company's categories that it has not switched off, with its own answer where it has one. */
  async inherited(tx: TenantTx, companyId: string): Promise<CandidateRow[]> {
    const rows = await tx.selectFrom('platform.trade_knowledge_entries as t')
      .innerJoin('company_trade_categories as ctc', (j) => j.onRef('ctc.trade_category_id', '=', 't.trade_category_id').on('ctc.company_id', '=', companyId))
      .leftJoin('knowledge_overrides as o', (j) => j.onRef('o.trade_entry_id', '=', 't.id').on('o.company_id', '=', companyId))
      .select(['t.id', 't.trade_category_id', 't.question', sql<string>`coalesce(o.answer, t.answer)`.as('answer'), 't.alternatives'])
      .where('t.enabled', '=', true)
      .where(sql<boolean>`coalesce(o.enabled, true)`)
      .orderBy('t.trade_category_id').orderBy('t.created_at').orderBy('t.id')
      .execute();
    return rows.map((r) => ({ ...r, source: 'trade' as const }));
  },

  /** pg_trgm word similarity of the caller's words to each text (0..1), in order; computed on the values, no table read. */
  async trigramSimilarity(tx: TenantTx, text: string, texts: string[]): Promise<number[]> {
    if (texts.length === 0) return [];
    const r = await sql<{ similarity: number }>`
      SELECT word_similarity(${text}, t) AS similarity FROM unnest(${texts}::text[]) WITH ORDINALITY AS x(t, n) ORDER BY n`.execute(tx);
    return r.rows.map((row) => Number(row.similarity));
  },

  /** Enabled emergency definitions of the company's trade categories (switched off by the company or not). */
  emergencies(tx: TenantTx, companyId: string): Promise<TradeEmergencyRow[]> {
    return tx.selectFrom('platform.trade_emergencies as e')
      .innerJoin('company_trade_categories as c', (j) => j.onRef('c.trade_category_id', '=', 'e.trade_category_id').on('c.company_id', '=', companyId))
      .innerJoin('platform.trade_categories as t', 't.id', 'e.trade_category_id')
      .select(['e.id', 'e.trade_category_id', 't.slug', 'e.seed_key', 'e.name', 'e.severity', 'e.triggers', 'e.safety_instruction', 'e.default_action'])
      .where('e.enabled', '=', true)
      .orderBy('e.trade_category_id').orderBy('e.created_at').execute();
  },

  /** Every trade's emergencies, by slug and key (reference data: a company may name any trade's). */
  allEmergencyKeys(tx: TenantTx) {
    return tx.selectFrom('platform.trade_emergencies as e')
      .innerJoin('platform.trade_categories as t', 't.id', 'e.trade_category_id')
      .select(['t.slug', 'e.seed_key', 'e.name', 'e.severity'])
      .execute();
  },

  /** The company's entry tags, most used first. */
  async tags(tx: TenantTx, companyId: string, limit: number): Promise<string[]> {
    const r = await sql<{ tag: string }>`
      SELECT tag FROM knowledge_entries, unnest(tags) AS tag
      WHERE company_id = ${companyId} AND enabled GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${limit}`.execute(tx);
    return r.rows.map((x) => x.tag);
  },
};
