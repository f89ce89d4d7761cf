import { randomBytes } from 'node:crypto';
import type { WebhookTransport } from '../src/cli/call/simulated-call.ts';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { startElevenLabsStub, type ElevenLabsStub } from '../test/stubs/elevenlabs.ts';
import { buildApp, type App } from '../src/app.ts';
import { prepareData } from '../src/bootstrap.ts';
import type { Config } from '../src/config.ts';
import { connectDatabase, type Database } from '../src/db/connect.ts';
import { vacuumAnalyzeTables } from '../src/db/maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { assertAppRoleIsRestricted } from '../src/db/tenant.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { benchConfig } from './bench-config.ts';

export type SpeechMode = 'cached' | 'say';

export interface CallsAppUnderTest {
  app: App;
  config: Config;
  database: Database;
  /** Where the app listens (the public URL the webhooks are signed over is config.publicUrl). */
  url: string;
  /** The loopback ElevenLabs stub, when speech is 'cached'. */
  speechStub: ElevenLabsStub | null;
  /** Server-side time of each webhook: from Node's 'request' event to the response's 'finish'. */
  serverTimes: Map<string, number[]>;
  close(): Promise<void>;
}

/**
 * The real application listening on a loopback port, built as server.ts builds it, on a fresh
 * database (in-memory PGlite, or a scratch database created on the `databaseUrl` server and
 * dropped at the end; or PGlite on disk with `pgliteOnDisk`) with the demo companies seeded by `seedDemo`.
 * The embedded engine answers (no LLM_BASE_URL). Speech: 'cached' points ELEVENLABS_BASE_URL at
 * the loopback stub with a platform key, so the ElevenLabs company plays clips (synthesised once
 * during warm-up, then served from the speech cache); 'say' sets no key, so every turn uses <Say>.
 * Logs go through the production logger configuration to the null device, so their cost counts.
 */
export async function startCallsApp(options: { databaseUrl?: string | undefined; logLevel: string; speech: SpeechMode; clock?: () => Date; env?: Record<string, string>; pgliteOnDisk?: boolean }): Promise<CallsAppUnderTest> {
  const scratch = options.databaseUrl ? await createScratchDatabase(options.databaseUrl) : null;
  try {
    return await start(options, scratch);
  } catch (err) {
    await scratch?.drop().catch(() => {});
    throw err;
  }
}

async function start(options: { logLevel: string; speech: SpeechMode; clock?: (() => Date) | undefined; env?: Record<string, string> | undefined; pgliteOnDisk?: boolean | undefined }, scratch: { url: string; drop(): Promise<void> } | null): Promise<CallsAppUnderTest> {
  const speechKey = randomBytes(16).toString('hex');
  const speechStub = options.speech === 'cached' ? await startElevenLabsStub({ apiKeys: [speechKey] }) : null;
  const { config, dataDir, log } = benchConfig({
    logLevel: options.logLevel,
    databaseUrl: scratch?.url,
    prefix: 'clientsvia-bench-calls-',
    env: {
      PUBLIC_URL: 'https://bench.clientsvia.example',
      DEMO_PASSWORD: randomBytes(12).toString('base64url'),
      TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
      ...(speechStub ? { ELEVENLABS_BASE_URL: speechStub.url, ELEVENLABS_API_KEY: speechKey } : {}),
      ...options.env,
    },
  });

  // PGlite in memory by default; on disk in DATA_DIR (as `npm start` runs it) when asked.
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: options.pgliteOnDisk ? dataDir : undefined });
  await migrate(database.db);
  await assertAppRoleIsRestricted(database.db);
  const app = await buildApp({ config, database, logger: log, clock: options.clock });
  await prepareData(config, app.ctx.services, log);
  await seedDemo(app.ctx.services, config, { onlyIfEmpty: false });
  await vacuumAnalyzeTables(database.db);

  const serverTimes = new Map<string, number[]>();
  app.server.on('request', (req, res) => {
    const started = performance.now();
    res.once('finish', () => {
      const path = (req.url ?? '').split('?')[0]!;
      let list = serverTimes.get(path);
      if (!list) serverTimes.set(path, (list = []));
      list.push(performance.now() - started);
    });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  return {
    app,
    config,
    database,
    url,
    speechStub,
    serverTimes,
    async close() {
      try {
        await app.close();
        await database.close();
        await speechStub?.close();
      } finally {
        await scratch?.drop();
        log.flush();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** A new, empty database on the server of `url` (the demo numbers are unique platform-wide). */
async function createScratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `clientsvia_bench_calls_${randomBytes(5).toString('hex')}`;
  const admin = async (work: (client: pg.Client) => Promise<void>) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  };
  await admin(async (c) => void (await c.query(`CREATE DATABASE ${name}`)));
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: () =>
      admin(async (c) => {
        // pg's pool.end() resolves before its sockets close: forcing the drop while they close
        // makes the server kill them, and their clients throw, uncaught.
        for (let i = 0; i < 100; i++) {
          const open = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (open.rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** Twilio's webhook requests, signed as Twilio signs them, sent to the app under test. */
export function webhookTransport(subject: Pick<CallsAppUnderTest, 'url' | 'config'>): WebhookTransport {
  return {
    async post(url, params, signature) {
      const res = await fetch(`${subject.url}${url.slice(subject.config.publicUrl.length)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
      return { status: res.status, body: await res.text() };
    },
  };
}
