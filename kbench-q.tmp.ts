import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { connectDatabase } from './src/db/connect.ts';
import { withTenant } from './src/db/tenant.ts';
import { loadLexicon } from './src/modules/knowledge/knowledge-search.service.ts';
import { knowledgeSearchRepository as repo } from './src/modules/knowledge/knowledge-search.repository.ts';
import { analyze } from './src/modules/knowledge/retrieval/lexicon.ts';
import { buildTsQueries } from './src/modules/knowledge/retrieval/ts-query.ts';
const database = await connectDatabase({ loadDataDir: new Blob([readFileSync('/tmp/kbench/db.tar.gz')]) });
const db = database.db;
const companyId = readFileSync('/tmp/kbench/company', 'utf8');
const QUESTIONS = ['um how much is a new hot water tank in a condo', 'my garbage disposal is leaking', 'do you guys fix sump pumps', 'yeah hi why is my toilet making a noise',
  'can you replace my kitchen faucet today', 'how long does a water softener last', 'is the grease trap covered by your warranty', 'do i need a permit for a gas line',
  'do you do financing on a tankless water heater', 'my basement floor drain is backed up', 'what brand of shower head do you recommend', 'how often should the backflow preventer be inspected',
  'do you install solar panels', 'what are your hours on saturday', 'are you licensed', 'can you come out to skokie', 'my pipes froze what should i do', 'the water pressure is really low',
  'do you repair well pumps', 'can i fix a running toilet myself'];
const best = async (f: () => Promise<any>) => { let b = 1e9; let r: any; for (let i = 0; i < 5; i++) { const t = performance.now(); r = await f(); b = Math.min(b, performance.now() - t); } return [b, r] as const; };
for (const text of QUESTIONS) {
  await withTenant(db, companyId, async (tx) => {
    const [tl, company] = await best(() => loadLexicon(tx, companyId));
    const a = analyze(text, company.lexicon);
    const { pairs, singles } = buildTsQueries(a, company.lexicon);
    const [tp, rp] = await best(() => repo.candidates(tx, companyId, { tsQuery: pairs, text: a.text, perSource: 30, exclude: [] }));
    const [ts, rs] = await best(() => repo.candidates(tx, companyId, { tsQuery: singles, text: a.text, perSource: 30, exclude: rp.map((r: any) => r.id) }));
    const [tc, rc] = await best(() => sql`SELECT count(*) FILTER (WHERE search_tsv @@ to_tsquery('english', ${pairs || 'zzzz'})) AS p, count(*) FILTER (WHERE search_tsv @@ to_tsquery('english', ${singles || 'zzzz'})) AS s FROM knowledge_entries`.execute(tx));
    console.log(text.padEnd(50), 'lex', tl.toFixed(1), 'pairs', tp.toFixed(1), rp.length, 'singles', ts.toFixed(1), rs.length, 'matches', JSON.stringify(rc.rows[0]));
  });
}
await database.close();
