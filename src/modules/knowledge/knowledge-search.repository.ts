import { sql } from 'kysely';
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
export const knowledgeSearchRepository = {
  /** Synonym groups of the company's trade categories. */
  async vocabulary(tx: TenantTx, companyId: string): Promise<string[][]> {
    const rows = await tx.selectFrom('platform.trade_vocabulary as v')
      .innerJoin('company_trade_categories as c', (j) => j.onRef('c.trade_category_id', '=', 'v.trade_category_id').on('c.company_id', '=', companyId))
      .select('v.terms').orderBy('v.trade_category_id').orderBy('v.created_at').orderBy('v.id').execute();
    return rows.map((r) => r.terms);
  },

  /**
   * Entries matching the full-text query, at most `perSource` from the company and from the
   * trades, leaving out `exclude`: by ts_rank, or (`order: 'shortest'`) shortest phrasings first,
   * which is what a one-word match can cover. `tsQuery` comes from buildTsQueries (only [a-z0-9]
   * words and operators). Rows are ranked by id first and only the chosen ones read in full.
   */
  async candidates(tx: TenantTx, companyId: string, input: { tsQuery: string; order: 'rank' | 'shortest'; perSource: number; exclude: string[] }): Promise<CandidateRow[]> {
    const { tsQuery, perSource, exclude } = input;
    if (tsQuery === '') return [];
    const order = (alias: 'e' | 't') => input.order === 'rank'
      ? sql`ts_rank(${sql.ref(`${alias}.search_tsv`)}, q.tsq) DESC`
      : sql`length(${sql.ref(`${alias}.search_text`)})`;
    // The GIN index beats reading every entry once there are more than a few hundred; the
    // planner's estimate for OR-ed text queries is far too pessimistic to see it.
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    const r = await sql<CandidateRow>`
      WITH q AS (SELECT to_tsquery('english', ${tsQuery}) AS tsq),
      own AS (
        SELECT e.id FROM knowledge_entries e CROSS JOIN q
        WHERE e.company_id = ${companyId} AND e.search_tsv @@ q.tsq AND e.enabled AND NOT (e.id = ANY(${exclude}::uuid[]))
        ORDER BY ${order('e')} LIMIT ${perSource}),
      inherited AS (
        SELECT t.id, o.answer AS own_answer FROM platform.trade_knowledge_entries t
        JOIN company_trade_categories ctc ON ctc.company_id = ${companyId} AND ctc.trade_category_id = t.trade_category_id
        LEFT JOIN knowledge_overrides o ON o.company_id = ${companyId} AND o.trade_entry_id = t.id
        CROSS JOIN q
        WHERE t.search_tsv @@ q.tsq AND t.enabled AND coalesce(o.enabled, true) AND NOT (t.id = ANY(${exclude}::uuid[]))
        ORDER BY ${order('t')} LIMIT ${perSource})
      SELECT 'company' AS source, e.id, NULL::uuid AS trade_category_id, e.question, e.answer, e.alternatives
      FROM own JOIN knowledge_entries e ON e.company_id = ${companyId} AND e.id = own.id
      UNION ALL
      SELECT 'trade', t.id, t.trade_category_id, t.question, coalesce(i.own_answer, t.answer), t.alternatives
      FROM inherited i JOIN platform.trade_knowledge_entries t ON t.id = i.id`.execute(tx);
    await sql`SET LOCAL enable_seqscan = on`.execute(tx);
    return r.rows;
  },

  /** pg_trgm similarity of the caller's words to each entry's phrasings (0..1), for a handful of entries. */
  async trigramSimilarity(tx: TenantTx, companyId: string, text: string, ids: { company: string[]; trade: string[] }): Promise<Map<string, number>> {
    if (ids.company.length + ids.trade.length === 0) return new Map();
    const r = await sql<{ id: string; similarity: number }>`
      SELECT id, word_similarity(${text}, search_text) AS similarity FROM knowledge_entries WHERE company_id = ${companyId} AND id = ANY(${ids.company}::uuid[])
      UNION ALL
      SELECT id, word_similarity(${text}, search_text) FROM platform.trade_knowledge_entries WHERE id = ANY(${ids.trade}::uuid[])`.execute(tx);
    return new Map(r.rows.map((row) => [row.id, Number(row.similarity)]));
  },

  /** Enabled emergency definitions of the company's trade categories. */
  emergencies(tx: TenantTx, companyId: string) {
    return tx.selectFrom('platform.trade_emergencies as e')
      .innerJoin('company_trade_categories as c', (j) => j.onRef('c.trade_category_id', '=', 'e.trade_category_id').on('c.company_id', '=', companyId))
      .select(['e.id', 'e.trade_category_id', 'e.name', 'e.severity', 'e.triggers', 'e.safety_instruction', 'e.default_action'])
      .where('e.enabled', '=', true)
      .orderBy('e.trade_category_id').orderBy('e.created_at').execute();
  },

  /** The company's entry tags, most used first. */
  async tags(tx: TenantTx, companyId: string, limit: number): Promise<string[]> {
    const r = await sql<{ tag: string }>`
      SELECT tag FROM knowledge_entries, unnest(tags) AS tag
      WHERE company_id = ${companyId} AND enabled GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${limit}`.execute(tx);
    return r.rows.map((x) => x.tag);
  },
};
