import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { connectDatabase } from './src/db/connect.ts';
import { withTenant } from './src/db/tenant.ts';
import { loadLexicon } from './src/modules/knowledge/knowledge-search.service.ts';
import { analyze } from './src/modules/knowledge/retrieval/lexicon.ts';
import { buildTsQuery } from './src/modules/knowledge/retrieval/ts-query.ts';
const database = await connectDatabase({ loadDataDir: new Blob([readFileSync('/tmp/kbench/db.tar.gz')]) });
const db = database.db;
const companyId = readFileSync('/tmp/kbench/company', 'utf8');
const text = process.argv[2] ?? 'um how much is a new hot water tank in a condo';
await withTenant(db, companyId, async (tx) => {
  let t = performance.now();
  let lex = await loadLexicon(tx, companyId);
  console.log('lexicon ms', (performance.now() - t).toFixed(2));
  t = performance.now();
  lex = await loadLexicon(tx, companyId);
  console.log('lexicon 2nd ms', (performance.now() - t).toFixed(2));
  t = performance.now();
  const a = analyze(text, lex);
  const tsq = buildTsQuery(a, lex);
  console.log('analyze ms', (performance.now() - t).toFixed(2), tsq);
  for (const [name, q] of [
    ['count fts (phr+ans)', sql`SELECT count(*) FROM knowledge_entries e WHERE e.search_tsv @@ to_tsquery('english', ${tsq})`],
    ['count fts (phrasing only)', sql`SELECT count(*) FROM knowledge_entries e WHERE to_tsvector('english', e.search_text) @@ to_tsquery('english', ${tsq})`],
    ['count trgm', sql`SELECT count(*) FROM knowledge_entries e WHERE ${a.text} <% e.search_text`],
    ['rank fts top40', sql`SELECT id FROM knowledge_entries e WHERE e.search_tsv @@ to_tsquery('english', ${tsq}) ORDER BY ts_rank(e.search_tsv, to_tsquery('english', ${tsq})) DESC LIMIT 40`],
    ['wordsim all fts', sql`SELECT id FROM knowledge_entries e WHERE e.search_tsv @@ to_tsquery('english', ${tsq}) ORDER BY word_similarity(${a.text}, e.search_text) DESC LIMIT 40`],
  ] as const) {
    let best = 1e9; let r: any;
    for (let i = 0; i < 5; i++) { t = performance.now(); r = await q.execute(tx); best = Math.min(best, performance.now() - t); }
    console.log(name, best.toFixed(2), 'ms', JSON.stringify(r.rows[0]));
  }
  const ex = await sql`EXPLAIN ANALYZE SELECT id FROM knowledge_entries e WHERE e.search_tsv @@ to_tsquery('english', ${tsq}) OR ${a.text} <% e.search_text`.execute(tx);
  for (const r of ex.rows as any[]) console.log(r['QUERY PLAN']);
});
await database.close();
