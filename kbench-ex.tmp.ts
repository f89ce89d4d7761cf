import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { connectDatabase } from './src/db/connect.ts';
import { withTenant } from './src/db/tenant.ts';
import { loadLexicon } from './src/modules/knowledge/knowledge-search.service.ts';
import { analyze } from './src/modules/knowledge/retrieval/lexicon.ts';
import { buildTsQueries } from './src/modules/knowledge/retrieval/ts-query.ts';
const database = await connectDatabase({ loadDataDir: new Blob([readFileSync('/tmp/kbench/db.tar.gz')]) });
const db = database.db;
const companyId = readFileSync('/tmp/kbench/company', 'utf8');
const text = process.argv[2] ?? 'are you licensed';
await withTenant(db, companyId, async (tx) => {
  const company = await loadLexicon(tx, companyId);
  const a = analyze(text, company.lexicon);
  const { pairs, singles } = buildTsQueries(a, company.lexicon);
  const tsq = process.argv[3] === 'pairs' ? pairs : singles;
  console.log(tsq);
  await sql`SET LOCAL enable_seqscan = off`.execute(tx);
  for (let i = 0; i < 3; i++) await sql`SELECT 1`.execute(tx);
  const ex = await sql`EXPLAIN (ANALYZE, BUFFERS) WITH q AS (SELECT to_tsquery('english', ${tsq}) AS tsq)
      SELECT c.source, c.id, word_similarity(${a.text}, c.search_text) AS trigram
      FROM (
        (SELECT 'company' AS source, e.id, e.search_text
         FROM knowledge_entries e CROSS JOIN q
         WHERE e.company_id = ${companyId} AND e.search_tsv @@ q.tsq AND e.enabled AND NOT (e.id = ANY(${[]}::uuid[]))
         ORDER BY ts_rank(e.search_tsv, q.tsq) DESC LIMIT 30)
        UNION ALL
        (SELECT 'trade', t.id, t.search_text
         FROM platform.trade_knowledge_entries t
         JOIN company_trade_categories ctc ON ctc.company_id = ${companyId} AND ctc.trade_category_id = t.trade_category_id
         LEFT JOIN knowledge_overrides o ON o.company_id = ${companyId} AND o.trade_entry_id = t.id
         CROSS JOIN q
         WHERE t.search_tsv @@ q.tsq AND t.enabled AND coalesce(o.enabled, true) AND NOT (t.id = ANY(${[]}::uuid[]))
         ORDER BY ts_rank(t.search_tsv, q.tsq) DESC LIMIT 30)
      ) c`.execute(tx);
  for (const r of ex.rows as any[]) console.log(r['QUERY PLAN']);
});
await database.close();
