/**
 * Knowledge search benchmark: one plumbing company with 5,000 entries of its own (a brand and
 * product catalogue, plus the inherited plumbing knowledge) on in-memory PGlite. Prints p50/p99/mean of the full search
 * (vocabulary, full-text + trigram candidates, scoring) and, as a same-run baseline, of a bare
 * `SELECT 1` through withTenant (the transaction, company setting and role switch every
 * search pays anyway). Run with `node bench/knowledge.bench.ts`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'kysely';
import { connectDatabase } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { withPlatform, withTenant } from '../src/db/tenant.ts';
import { createAuditService } from '../src/modules/audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/principal.ts';
import { createKnowledgeService } from '../src/modules/knowledge/knowledge.service.ts';
import { createTradeKnowledgeService } from '../src/modules/knowledge/trade-knowledge.service.ts';
import { createTradeCategoriesService } from '../src/modules/trade-categories/trade-categories.service.ts';
import { millis, reportTargets, times } from './targets.ts';

const ENTRIES = 5000;
const WARMUP = 200;
const ITERATIONS = 2000;
const P99_TARGET_MS = 10;

// A large knowledge base is a catalogue: the same questions about many brands and products
// (20 x 20 x 13 = 5,200, of which 5,000 are used). Template words ("cost", "repair", "warranty")
// are each shared by a thirteenth of the entries, product words by a twentieth.
const BRANDS = [
  'Rheem', 'Bradford White', 'A. O. Smith', 'Navien', 'Rinnai', 'Kohler', 'American Standard', 'Moen', 'Delta', 'Grohe',
  'InSinkErator', 'Waste King', 'Zoeller', 'Wayne', 'Culligan', 'Pentair', 'Watts', 'Uponor', 'Sioux Chief', 'Toto',
];
const PRODUCTS = [
  'water heater', 'tankless water heater', 'toilet', 'kitchen faucet', 'bathroom faucet', 'shower valve', 'garbage disposal', 'sump pump',
  'water softener', 'water filter', 'pressure regulator', 'expansion tank', 'backflow preventer', 'sewage ejector pump', 'utility sink',
  'bidet', 'shower head', 'recirculation pump', 'well pump', 'gas valve',
];
const TEMPLATES: ((t: string) => string)[] = [
  (t) => `How much does it cost to install a new ${t}?`,
  (t) => `Do you repair ${t}s?`,
  (t) => `How long does a ${t} usually last?`,
  (t) => `Why is my ${t} leaking?`,
  (t) => `Can you replace my ${t} today?`,
  (t) => `Is the ${t} a good choice?`,
  (t) => `Is a ${t} covered by your warranty?`,
  (t) => `How often should a ${t} be serviced?`,
  (t) => `Why is my ${t} making a noise?`,
  (t) => `Do I need a permit for a ${t}?`,
  (t) => `What are the signs my ${t} is failing?`,
  (t) => `Can I fix a ${t} myself?`,
  (t) => `Do you offer financing for a ${t}?`,
];

function entries(): { question: string; answer: string; alternatives: string[]; tags: string[] }[] {
  const out = [];
  for (const template of TEMPLATES) {
    for (const product of PRODUCTS) {
      for (const brand of BRANDS) {
        if (out.length === ENTRIES) return out;
        out.push({
          question: template(`${brand} ${product}`),
          answer: `For a ${brand} ${product}, our plumbers check the fittings, the supply and the drain first, then quote a flat price before any work.`,
          alternatives: [],
          tags: [product.split(' ')[0]!],
        });
      }
    }
  }
  return out;
}

const QUESTIONS = [
  'um how much is a new hot water tank', 'my garbage disposal is leaking', 'do you guys fix sump pumps', 'yeah hi why is my toilet making a noise',
  'can you replace my kitchen faucet today', 'how long does a navien tankless water heater last', 'is the kohler toilet covered by your warranty',
  'do i need a permit for a gas valve', 'do you do financing on a rheem water heater', 'my basement floor drain is backed up', 'is a moen shower head a good choice',
  'how often should the backflow preventer be serviced', 'do you install solar panels', 'what are your hours on saturday', 'are you licensed',
  'can you come out to skokie', 'my pipes froze what should i do', 'the water pressure is really low', 'do you repair well pumps', 'can i fix a running toilet myself',
];

function measure(label: string, samples: number[]): { p50: number; p99: number; mean: number } {
  samples.sort((a, b) => a - b);
  const stats = { p50: samples[Math.floor(samples.length * 0.5)]!, p99: samples[Math.floor(samples.length * 0.99)]!, mean: samples.reduce((a, b) => a + b, 0) / samples.length };
  console.log(`${label.padEnd(34)} p50 ${stats.p50.toFixed(3)} ms   p99 ${stats.p99.toFixed(3)} ms   mean ${stats.mean.toFixed(3)} ms`);
  return stats;
}

async function time(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function main(): Promise<void> {
  const database = await connectDatabase({});
  const { db } = database;
  try {
    await migrate(db);
    await createTradeCategoriesService(db).seed();
    await createTradeKnowledgeService(db).seed();
    const companyId = await withPlatform(db, async (tx) => {
      const c = await tx.insertInto('platform.companies').values({ name: 'Bench Plumbing', slug: 'bench-plumbing', time_zone: 'America/Chicago' }).returning('id').executeTakeFirstOrThrow();
      const plumbing = await tx.selectFrom('platform.trade_categories').select('id').where('slug', '=', 'plumbing').executeTakeFirstOrThrow();
      await tx.insertInto('company_trade_categories').values({ company_id: c.id, trade_category_id: plumbing.id }).execute();
      return c.id;
    });
    const knowledge = createKnowledgeService(db, createAuditService(db), { emergencySettingsIn: async () => ({ emergencies: [], tradeEmergenciesOff: [] }) });
    await knowledge.importEntries(SYSTEM_ACTOR, companyId, { entries: entries() });
    await sql`ANALYZE`.execute(db);

    console.log(`knowledge search: ${ENTRIES} company entries + inherited plumbing knowledge on PGlite; ${ITERATIONS} searches after ${WARMUP} warm-up, ${QUESTIONS.length} caller questions in turn`);
    console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

    let q = 0;
    const search = () => knowledge.search(companyId, QUESTIONS[q++ % QUESTIONS.length]!);
    const select1 = () => withTenant(db, companyId, (tx) => sql`SELECT 1`.execute(tx));
    await time(select1, WARMUP);
    await time(search, WARMUP);
    const baseline = measure('baseline: SELECT 1 via withTenant', await time(select1, ITERATIONS));
    const result = measure('search', await time(search, ITERATIONS));
    console.log(`ratio search / baseline: p50 ${(result.p50 / baseline.p50).toFixed(1)}x   p99 ${(result.p99 / baseline.p99).toFixed(1)}x`);
    console.log(`p99 target ${P99_TARGET_MS} ms: ${result.p99 < P99_TARGET_MS ? 'met' : 'MISSED'}`);
    reportTargets('tenant transactions and knowledge search, PGlite, sequential', [
      { target: 'entering a tenant: SELECT 1 through withTenant', measured: `p50 ${millis(baseline.p50)}, p99 ${millis(baseline.p99)}`, goal: 'measured (one statement to enter)', pass: null, vsBaseline: '' },
      {
        target: `knowledge search, ${ENTRIES} entries`,
        measured: `p50 ${millis(result.p50)}, p99 ${millis(result.p99)}`,
        goal: `p99 <= ${P99_TARGET_MS} ms`,
        pass: result.p99 <= P99_TARGET_MS,
        vsBaseline: `${times(result.p50, baseline.p50)} p50 of the tenant SELECT 1`,
      },
    ]);
  } finally {
    await database.close();
  }
}

await main();
