import { randomBytes } from 'node:crypto';
import { buildApp, type App } from '../src/app.ts';
import { prepareData } from '../src/bootstrap.ts';
import { createSimulatedCall, type SimulatedCall } from '../src/cli/call/simulated-call.ts';
import { throwawayConfig } from '../src/config-throwaway.ts';
import type { Config } from '../src/config.ts';
import { connectDatabase, type Database } from '../src/db/connect.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/principal.ts';
import { ensurePgliteTemplate, loadPgliteTemplate } from '../test/helpers/template.ts';

/**
 * One company under evaluation: the real application on a fresh in-memory PGlite (migrated,
 * trade categories and their knowledge seeded as at first start), the company created and its
 * configuration document imported through the real API as its owner would. The clock is the
 * evaluation's: each call is played at its own instant.
 */
export interface EvalCompany {
  app: App;
  config: Config;
  database: Database;
  companyId: string;
  timeZone: string;
  phoneNumber: string;
  owner: { cookie: string };
  widgetKey: string;
  setClock(at: Date): void;
  close(): Promise<void>;
}

const OWNER_PASSWORD = `eval-${randomBytes(9).toString('base64url')}`;

// A number for the phone channel when the configuration brings none (555-01xx: fictional).
const fallbackNumber = (i: number) => `+1202555${String(100 + (i % 100)).padStart(4, '0')}`;

export async function startCompany(document: Record<string, unknown>, index: number): Promise<EvalCompany> {
  let now = new Date('2026-03-10T16:00:00Z');
  const { config } = throwawayConfig('h-conv-eval-', {
    PUBLIC_URL: 'https://eval.clientsvia.example',
    ADMIN_EMAIL: 'admin@eval.example',
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    RATE_LIMIT_API_PER_MINUTE: '100000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    ANON_CONVERSATIONS_PER_COMPANY_PER_DAY: '1000000',
    ANON_BOOKINGS_PER_COMPANY_PER_DAY: '100000',
    ANON_BOOKINGS_PER_PHONE_PER_DAY: '1000',
  });
  const database = await connectDatabase({ loadDataDir: loadPgliteTemplate(await ensurePgliteTemplate()) });
  const app = await buildApp({ config, database, clock: () => now });
  await app.ready();
  await prepareData(config, app.ctx.services, app.log);

  const doc = structuredClone(document) as { company: { name: string; timeZone: string; tradeCategories?: string[] }; phoneNumbers?: { number: string }[] };
  if (!doc.phoneNumbers || doc.phoneNumbers.length === 0) doc.phoneNumbers = [{ number: fallbackNumber(index) }];
  const categories = await app.ctx.services.tradeCategories.list();
  const tradeCategoryIds = (doc.company.tradeCategories ?? []).map((slug) => categories.find((c) => c.slug === slug)?.id).filter((id): id is string => Boolean(id));
  const company = await app.ctx.services.companies.create(SYSTEM_ACTOR, { name: doc.company.name, timeZone: doc.company.timeZone, tradeCategoryIds });
  const email = `owner-${index}@eval.example`;
  await app.ctx.services.users.ensureCompanyUser(company.id, { email, name: 'Owner', password: OWNER_PASSWORD, role: 'owner' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: OWNER_PASSWORD } });
  const session = login.cookies.find((c) => c.name === 'cv_session');
  if (!session) throw new Error(`owner login failed: ${login.statusCode} ${login.body}`);
  const owner = { cookie: `cv_session=${session.value}` };
  // The platform assigns the company its numbers, as an admin would (a company may only claim a
  // number it proves in its own Twilio account); the owner's import then finds them held.
  for (const n of doc.phoneNumbers) await app.ctx.services.phoneNumbers.add(SYSTEM_ACTOR, company.id, { number: n.number }, 'assigned');
  const imported = await app.inject({ method: 'PUT', url: `/api/companies/${company.id}/config`, headers: owner, payload: doc });
  if (imported.statusCode !== 200) throw new Error(`config import failed (${imported.statusCode}): ${imported.body}`);
  const widget = await app.inject({ method: 'GET', url: `/api/companies/${company.id}/widget`, headers: owner });
  const stored = imported.json() as { phoneNumbers: { number: string }[] };

  return {
    app,
    config,
    database,
    companyId: company.id,
    timeZone: doc.company.timeZone,
    phoneNumber: stored.phoneNumbers[0]!.number,
    owner,
    widgetKey: (widget.json() as { widgetKey: string }).widgetKey,
    setClock(at) {
      now = at;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A phone call into the company through the signed Twilio webhooks, posted in process. */
export function phoneCallTo(c: EvalCompany, from: string): SimulatedCall {
  return createSimulatedCall({
    publicUrl: c.config.publicUrl,
    authToken: c.config.twilioAuthToken!,
    from,
    to: c.phoneNumber,
    transport: {
      async post(url, params, signature) {
        const path = url.slice(c.config.publicUrl.length);
        const res = await c.app.inject({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
          payload: new URLSearchParams(params).toString(),
        });
        return { status: res.statusCode, body: res.body };
      },
    },
  });
}

export interface ChatTurn {
  say: string;
  next: 'listen' | 'hangup' | 'transfer';
  conversationId: string;
}

/**
 * A text conversation: 'web' is the dashboard's "test your agent" (the owner signed in),
 * 'widget' the public website widget. Each visitor gets its own address (the widget is rate
 * limited per address).
 */
export function chatWith(c: EvalCompany, channel: 'web' | 'widget', visitor: number) {
  let conversationId: string | undefined;
  const url = channel === 'web' ? `/api/companies/${c.companyId}/agent/chat` : `/api/widget/${c.widgetKey}/chat`;
  const remoteAddress = `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
  return {
    async send(text?: string): Promise<ChatTurn> {
      const payload = conversationId ? { conversationId, text: text ?? '' } : {};
      const res = await c.app.inject({ method: 'POST', url, headers: channel === 'web' ? c.owner : {}, payload, remoteAddress });
      if (res.statusCode !== 200) throw new Error(`chat answered ${res.statusCode}: ${res.body}`);
      const reply = res.json() as ChatTurn;
      conversationId = reply.conversationId;
      return reply;
    },
    get id() {
      return conversationId;
    },
  };
}
