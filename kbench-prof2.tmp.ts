import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { connectDatabase } from './src/db/connect.ts';
import { withTenant } from './src/db/tenant.ts';
import { buildLexicon, analyze } from './src/modules/knowledge/retrieval/lexicon.ts';
import { GENERAL_VOCABULARY } from './src/modules/knowledge/retrieval/general-vocabulary.ts';
import { PLUMBING } from './src/modules/knowledge/catalog/plumbing.ts';
import { buildTsQuery } from './src/modules/knowledge/retrieval/ts-query.ts';
const database = await connectDatabase({ loadDataDir: new Blob([readFileSync('/tmp/kbench/db.tar.gz')]) });
const db = database.db;
const companyId = readFileSync('/tmp/kbench/company', 'utf8');
let t = performance.now();
for (let i = 0; i < 20; i++) buildLexicon([...PLUMBING.vocabulary.map((v) => v.terms), ...GENERAL_VOCABULARY]);
console.log('buildLexicon ms', ((performance.now() - t) / 20).toFixed(2));
await sql`ALTER TABLE knowledge_entries ADD COLUMN ptsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_text)) STORED`.execute(db);
await sql`CREATE INDEX ON knowledge_entries USING gin (ptsv)`.execute(db);
await sql`ANALYZE knowledge_entries`.execute(db);
const lex = buildLexicon([...PLUMBING.vocabulary.map((v) => v.terms), ...GENERAL_VOCABULARY]);
const texts = ['um how much is a new hot water tank in a condo', 'my garbage disposal is leaking', 'do you install solar panels', 'can you replace my kitchen faucet today'];
for (const text of texts) {
  const a = analyze(text, lex);
  const tsq = buildTsQuery(a, lex);
  console.log('---', text);
  await withTenant(db, companyId, async (tx) => {
    for (const [name, q] of [
      ['count ptsv', sql`SELECT count(*) FROM knowledge_entries e WHERE e.ptsv @@ to_tsquery('english', ${tsq})`],
      ['rank ptsv top40', sql`SELECT id FROM knowledge_entries e WHERE e.ptsv @@ to_tsquery('english', ${tsq}) ORDER BY ts_rank(e.ptsv, to_tsquery('english', ${tsq})) DESC LIMIT 40`],
      ['rank ptsv top40 norm', sql`SELECT id FROM knowledge_entries e WHERE e.ptsv @@ to_tsquery('english', ${tsq}) ORDER BY ts_rank_cd(e.ptsv, to_tsquery('english', ${tsq}), 1) DESC LIMIT 40`],
      ['fetch all ptsv ids', sql`SELECT id FROM knowledge_entries e WHERE e.ptsv @@ to_tsquery('english', ${tsq})`],
      ['fetch all rows', sql`SELECT id, question, answer, alternatives FROM knowledge_entries e WHERE e.ptsv @@ to_tsquery('english', ${tsq})`],
    ] as const) {
      let best = 1e9; let r: any;
      for (let i = 0; i < 5; i++) { t = performance.now(); r = await q.execute(tx); best = Math.min(best, performance.now() - t); }
      console.log(name.padEnd(22), best.toFixed(2), 'ms', r.rows.length, JSON.stringify(r.rows[0]).slice(0, 60));
    }
  });
}
await database.close();
