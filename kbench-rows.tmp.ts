import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { connectDatabase } from './src/db/connect.ts';
import { withTenant } from './src/db/tenant.ts';
const database = await connectDatabase({ loadDataDir: new Blob([readFileSync('/tmp/kbench/db.tar.gz')]) });
const db = database.db;
const companyId = readFileSync('/tmp/kbench/company', 'utf8');
const variants: Record<string, string> = {
  phrase: '(toilet | commode | (toilet <-> bowl)) | (noise | sound | noisy | loud | banging | rattling | squealing | grinding | humming | buzzing)',
  and: '(toilet | commode | (toilet & bowl)) | (noise | sound | noisy | loud | banging | rattling | squealing | grinding | humming | buzzing)',
  pairs866: '(fix | repair | mend) & (run | running) | (fix | repair | mend) & toilet | (run | running) & toilet',
};
const best = async (f: () => Promise<any>) => { let b = 1e9; let r: any; for (let i = 0; i < 7; i++) { const t = performance.now(); r = await f(); b = Math.min(b, performance.now() - t); } return [b, r] as const; };
await withTenant(db, companyId, async (tx) => {
  await sql`SET LOCAL enable_seqscan = off`.execute(tx);
  for (const [name, tsq] of Object.entries(variants)) {
    const q = (body: any) => best(() => body.execute(tx));
    const [a, ra] = await q(sql`SELECT count(*) FROM knowledge_entries e WHERE e.company_id = ${companyId} AND e.search_tsv @@ to_tsquery('english', ${tsq})`);
    const [b] = await q(sql`SELECT e.id FROM knowledge_entries e WHERE e.company_id = ${companyId} AND e.search_tsv @@ to_tsquery('english', ${tsq}) ORDER BY ts_rank(e.search_tsv, to_tsquery('english', ${tsq})) DESC LIMIT 30`);
    const [c] = await q(sql`SELECT e.id, e.question, e.answer, e.alternatives FROM knowledge_entries e WHERE e.company_id = ${companyId} AND e.search_tsv @@ to_tsquery('english', ${tsq}) ORDER BY ts_rank(e.search_tsv, to_tsquery('english', ${tsq})) DESC LIMIT 30`);
    const [d] = await q(sql`SELECT e.id FROM knowledge_entries e WHERE e.company_id = ${companyId} AND e.search_tsv @@ to_tsquery('english', ${tsq}) ORDER BY length(e.search_text) LIMIT 30`);
    const [e2] = await q(sql`SELECT e.id, similarity(e.search_text, 'why is my toilet making a noise') FROM knowledge_entries e WHERE e.company_id = ${companyId} AND e.search_tsv @@ to_tsquery('english', ${tsq}) ORDER BY length(e.search_text) LIMIT 30`);
    const [f] = await q(sql`SELECT e.id, word_similarity('why is my toilet making a noise', e.search_text) FROM knowledge_entries e WHERE e.company_id = ${companyId} AND e.search_tsv @@ to_tsquery('english', ${tsq}) ORDER BY length(e.search_text) LIMIT 30`);
    console.log(name.padEnd(10), 'rows', ra.rows[0].count, 'count', a.toFixed(2), 'rank ids', b.toFixed(2), 'rank wide', c.toFixed(2), 'bylen', d.toFixed(2), 'bylen+sim30', e2.toFixed(2), 'bylen+wsim30', f.toFixed(2));
  }
  const [s1] = await best(() => sql`SELECT 1`.execute(tx));
  console.log('SELECT 1 in tx', s1.toFixed(3));
});
await database.close();
