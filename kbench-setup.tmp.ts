// Scratch: builds the bench database once and dumps it, so profiling runs start fast.
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { pgliteExtensions } from './src/db/connect.ts';
import { migrate } from './src/db/migrate.ts';
import { pglitePool } from './src/db/pglite-pool.ts';
import { withPlatform } from './src/db/tenant.ts';
import { createAuditService } from './src/modules/audit/audit.service.ts';
import { SYSTEM_ACTOR } from './src/modules/auth/principal.ts';
import { createKnowledgeService } from './src/modules/knowledge/knowledge.service.ts';
import { createTradeKnowledgeService } from './src/modules/knowledge/trade-knowledge.service.ts';
import { createTradeCategoriesService } from './src/modules/trade-categories/trade-categories.service.ts';
const pglite = await PGlite.create({ extensions: pgliteExtensions });
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
await migrate(db);
await createTradeCategoriesService(db).seed();
await createTradeKnowledgeService(db).seed();
const THINGS = ['water heater','tankless water heater','garbage disposal','sump pump','kitchen sink','bathroom sink','toilet','shower valve','bathtub drain','main sewer line','floor drain','laundry drain','outdoor faucet','water softener','whole house filter','reverse osmosis system','gas line','pressure regulator','expansion tank','backflow preventer','sewage ejector pump','grease trap','water main','shut off valve','dishwasher hookup','ice maker line','washing machine hose','utility sink','bidet','shower head','kitchen faucet','wax ring','fill valve','flapper','p trap','cleanout','vent stack','well pressure tank','recirculation pump','thermal expansion valve'];
const TEMPLATES = [(t)=>`How much does it cost to install a new ${t}?`,(t)=>`Do you repair ${t}s?`,(t)=>`How long does a ${t} usually last?`,(t)=>`Why is my ${t} leaking?`,(t)=>`Can you replace my ${t} today?`,(t)=>`What brand of ${t} do you recommend?`,(t)=>`Is a ${t} covered by your warranty?`,(t)=>`How often should a ${t} be inspected?`,(t)=>`Why is my ${t} making a noise?`,(t)=>`Do I need a permit for a ${t}?`,(t)=>`What are the signs my ${t} is failing?`,(t)=>`Can I fix a ${t} myself?`,(t)=>`Do you offer financing for a ${t}?`];
const PLACES = ['in a condo','in an older house','in a basement','for a restaurant','in a rental unit','on a weekend','in winter','in a new build','in a duplex','after a flood'];
const entries=[];
for (let i=0; entries.length<5000; i++){const thing=THINGS[i%40];const tpl=TEMPLATES[Math.floor(i/40)%13];const place=PLACES[Math.floor(i/520)%10];entries.push({question:`${tpl(thing).slice(0,-1)} ${place}? (#${i})`,answer:`For a ${thing} ${place}, our plumbers check the fittings, the supply and the drain first, then quote a flat price before any work. Reference ${i}.`,alternatives:[`${thing} question ${place}`],tags:[thing.split(' ')[0]]});}
const companyId = await withPlatform(db, async (tx) => {
  const c = await tx.insertInto('platform.companies').values({ name: 'Bench Plumbing', slug: 'bench-plumbing', time_zone: 'America/Chicago' }).returning('id').executeTakeFirstOrThrow();
  const p = await tx.selectFrom('platform.trade_categories').select('id').where('slug', '=', 'plumbing').executeTakeFirstOrThrow();
  await tx.insertInto('company_trade_categories').values({ company_id: c.id, trade_category_id: p.id }).execute();
  return c.id;
});
await createKnowledgeService(db, createAuditService(db)).importEntries(SYSTEM_ACTOR, companyId, { entries });
await sql`ANALYZE`.execute(db);
await db.destroy();
const dump = await pglite.dumpDataDir('gzip');
writeFileSync('/tmp/kbench/db.tar.gz', Buffer.from(await dump.arrayBuffer()));
writeFileSync('/tmp/kbench/company', companyId);
await pglite.close();
console.log('ok', companyId);
