import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { localInstant, MONDAY, upcoming } from '../helpers/booking.ts';
import { createApiToken, createCompany, createUserSession, login, loginAdmin } from '../helpers/factories.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';
import { hasBody, registeredRoutes, requestFor, type Ids, type MatrixRoute } from './route-requests.ts';

// Each of these walks every route several times over: minutes on a loaded 2-core machine.
const WALK_TIMEOUT_MS = 180_000;

/**
 * Walks every registered route under /companies/:companyId as company B (its owner's session
 * and its API token), aimed at company A's resources. The route list comes from Fastify, so a
 * new route is covered as soon as it is registered; a new URL parameter needs a fixture in `aIds`.
 */
interface Principal {
  name: string;
  headers: () => Promise<Record<string, string>>;
}

const suffix = () => randomBytes(4).toString('hex');
const SPEECH_KEY = 'sk_matrix_platform_speech_key';
const digitsOf = (e164: string) => e164.replace(/^\+1/, '');

describe("API matrix: company B reaches none of company A's data through any route", () => {
  let t: TestApp;
  let app: App;
  let companyRoutes: MatrixRoute[];
  let A: { id: string };
  let B: { id: string };
  const aIds: Ids = {};
  /** Strings that must never appear in a response to B. */
  const secretsOfA: string[] = [];
  let principals: Principal[];
  let bActorIds: string[];
  let elevenLabs: ElevenLabsStub;

  beforeAll(async () => {
    elevenLabs = await startElevenLabsStub({ apiKeys: [SPEECH_KEY] });
    t = await createTestApp({ env: { ELEVENLABS_BASE_URL: elevenLabs.url, ELEVENLABS_API_KEY: SPEECH_KEY } });
    app = t.app;
    // A is also a roofer: the roofing knowledge below is inherited by A and not by B.
    const a = await createCompany(app, { name: `Alpha Plumbing ${suffix()}`, tradeCategorySlugs: ['plumbing', 'roofing'] });
    A = a;
    B = await createCompany(app, { name: `Bravo Heating ${suffix()}` });

    // Company A's resources, made over HTTP by its owner.
    const owner = await createUserSession(app, a.id, 'owner');
    const create = async (path: string, payload: object, headers: Record<string, string> = owner.headers) => {
      const res = await app.inject({ method: 'POST', url: `/api/companies/${a.id}${path}`, headers, payload });
      if (res.statusCode !== 201) throw new Error(`fixture POST ${path} for company A failed: ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, unknown> & { id: string };
    };
    const staff = await create('/users', { email: `alpha-staff-${suffix()}@alpha.example`, name: 'Alpha Staffmember', password: 'alpha-password-123', role: 'staff' });
    const token = await create('/api-tokens', { name: `Alpha integration ${suffix()}`, scope: 'full' });
    // Numbers are the platform admin's to assign (an owner must prove one in its Twilio account).
    const phone = await create('/phone-numbers', { number: '(773) 555-0163', label: 'Alpha main line' }, (await loginAdmin(app)).headers);
    const contact = await create('/contacts', {
      name: 'Alfred Alphacustomer', phones: ['773-555-0188'], email: 'alfred@alpha.example', address: '1 Alpha Way', notes: 'alpha private note',
    });
    // A's agent, voice and secrets: those routes take no id, so what could leak is their content.
    const send = async (method: 'PUT' | 'PATCH', path: string, payload: object) => {
      const res = await app.inject({ method, url: `/api/companies/${a.id}${path}`, headers: owner.headers, payload });
      if (res.statusCode !== 200) throw new Error(`fixture ${method} ${path} for company A failed: ${res.statusCode} ${res.body}`);
    };
    const agentOfA = {
      agentName: 'Alphonsina', instructions: 'alpha persona prompt', businessDescription: 'alpha business description',
      greetings: { openHours: 'Alpha open-hours greeting from {companyName}', afterHours: 'Alpha after-hours greeting' },
      transferNumbers: { main: '(773) 555-0177', emergencyOnCall: null },
      transferWhen: { callerAsksForPerson: true, emergency: true, afterMisunderstandings: 2 },
    };
    await send('PUT', '/agent-settings', { settings: agentOfA });
    const keysOfA = { elevenLabsApiKey: `sk_alpha_eleven_${suffix()}`, twilioAuthToken: `alpha_twilio_${suffix()}`, llmApiKey: `sk-alpha-llm-${suffix()}`, twilioAccountSid: `ACalpha${suffix()}` };
    await send('PUT', '/voice-settings', { settings: { voiceId: 'AlphaVoice0123456789', useOwnKey: true }, elevenLabsApiKey: keysOfA.elevenLabsApiKey });
    await send('PATCH', '/secrets', { twilioAuthToken: keysOfA.twilioAuthToken, llmApiKey: keysOfA.llmApiKey, twilioAccountSid: keysOfA.twilioAccountSid });
    // A's website widget: its allowed site and its (rotated) key must not reach B.
    const widgetSiteOfA = `https://alpha-${suffix()}.example`;
    await send('PUT', '/widget', { allowedOrigins: [widgetSiteOfA] });
    const rotated = await app.inject({ method: 'POST', url: `/api/companies/${a.id}/widget/rotate-key`, headers: owner.headers, payload: {} });
    if (rotated.statusCode !== 200) throw new Error(`fixture widget key for company A failed: ${rotated.statusCode} ${rotated.body}`);
    const widgetKeyOfA = String(rotated.json().widgetKey);

    // A's booking configuration and one booking a week or more ahead.
    const settings = await app.inject({ method: 'PUT', url: `/api/companies/${a.id}/booking-settings`, headers: owner.headers, payload: { serviceArea: ['60601'], horizonDays: 60 } });
    if (settings.statusCode !== 200) throw new Error(`fixture booking settings for company A failed: ${settings.body}`);
    const service = await create('/services', { name: 'Alpha secret drain service', durationMinutes: 60, priceText: 'alpha price text' });
    const technician = await create('/technicians', { name: 'Alvaro Alphatech', phone: '(773) 555-0166' });
    const nextMonday = upcoming('America/Chicago', MONDAY, 7);
    const booking = await create('/bookings', {
      serviceId: service.id, start: localInstant('America/Chicago', nextMonday, '09:00'), zip: '60601',
      contact: { name: 'Bertha Alphabooker', phone: '(773) 555-0144' }, address: '9 Alpha Booking Ave', notes: 'alpha booking note',
    });

    // A call with a turn and a message, as the phone agent records them.
    const { call } = await app.ctx.services.calls.begin(a.id, { callSid: `CA${randomBytes(16).toString('hex')}`, channel: 'phone', from: '(773) 555-0133', to: '+17735550163', at: new Date() });
    await app.ctx.services.calls.recordTurn(a.id, call.id, {
      seq: 0, caller_text: null, confidence: null, agent_text: 'Alpha greeting turn text', response: '<Response/>', intent: 'greeting', engine: 'greeting', engine_ms: 0, speech_ms: 0,
    }, { state: { facts: {}, misunderstandings: 0, engine: {} } });
    const message = await app.ctx.services.messages.create({ type: 'system', id: null, label: 'phone agent' }, a.id, {
      callId: call.id, callerName: 'Agatha Alphacaller', callbackNumber: '(773) 555-0133', body: 'alpha message body', urgent: false, sourceKey: null,
    });

    // A's synthesised speech. Its URL is a capability (public, for Twilio <Play>): B gets A's
    // file name with a signature that is not A's, which must be a plain 404.
    const spoken = await app.ctx.services.speech.audioFor(a.id, {
      provider: 'elevenlabs', voiceId: 'AlphaVoice0123456789', modelId: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75, style: 0, speed: 1, apiKey: null,
    }, 'Alpha spoken greeting for Agatha', { budgetMs: 10_000 });
    if (!spoken) throw new Error('fixture speech for company A failed');
    const [clipKey, clipGeneration, clipExpires, clipSig] = spoken.url.split('/').at(-1)!.split('.') as [string, string, string, string];
    aIds.file = `${clipKey}.${clipGeneration}.${clipExpires}.${'A'.repeat(clipSig.length)}.mp3`;
    secretsOfA.push(clipKey, clipSig);

    // A's knowledge base and a question its agent could not answer.
    const entry = await create('/knowledge', { question: 'Do you service the Alpha hot tub?', answer: 'alpha private knowledge answer', alternatives: ['alpha private phrasing'], tags: ['alphatag'] });
    const unanswered = await create('/unanswered-questions', { question: 'alpha private unanswered question about zebra fountains' });
    // Roofing knowledge (platform data, made by the admin) that only roofers such as A inherit.
    const admin = await loginAdmin(app);
    const roofing = (await app.ctx.services.tradeCategories.list()).find((c) => c.slug === 'roofing')!;
    const adminCreate = async (path: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url: `/api/trade-categories/${roofing.id}/knowledge${path}`, headers: admin.headers, payload });
      if (res.statusCode !== 201) throw new Error(`fixture POST trade knowledge ${path} failed: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string };
    };
    const tradeEntry = await adminCreate('/entries', { question: 'Do you fix hail damage on a slate roof?', answer: 'Roofing answer.' });
    const vocabulary = await adminCreate('/vocabulary', { terms: ['slate roof', 'slate tiles'] });
    const emergency = await adminCreate('/emergencies', {
      name: 'Roof caving in', severity: 'life_safety', triggers: ['roof caved in'], safetyInstruction: 'Leave the room under it.', defaultAction: 'transfer_on_call',
    });

    // Every route parameter name maps to one of A's resources.
    // The website widget is public by its key; a key naming A without A's MAC must open nothing.
    aIds.widgetKey = `cvw_${a.id.replace(/-/g, '')}_${'A'.repeat(24)}`;
    // A Media Stream's socket names A's company and call in its path, with a MAC that is not ours.
    Object.assign(aIds, { company: a.id, call: call.callSid, sig: 'A'.repeat(43) });
    Object.assign(aIds, {
      companyId: a.id, userId: staff.id, tokenId: token.id, phoneNumberId: phone.id, contactId: contact.id,
      serviceId: service.id, technicianId: technician.id, bookingId: booking.id, callId: call.id, messageId: message.id,
      entryId: entry.id, questionId: unanswered.id,
    });
    secretsOfA.push(
      ...Object.values(aIds), a.name, a.slug, owner.email, owner.userId,
      String(staff.email), String(staff.name), String(token.name), String(token.token),
      String(phone.number), digitsOf(String(phone.number)), String(phone.label),
      String(contact.name), String(contact.email), String(contact.address), String(contact.notes),
      ...(contact.phones as string[]).flatMap((p) => [p, digitsOf(p)]),
      String(service.name), String(service.priceText), String(technician.name), '+17735550166', '7735550166',
      String(booking.customerName), String(booking.address), String(booking.notes), '+17735550144', '7735550144',
      call.callSid, 'Alpha greeting turn text', 'Agatha Alphacaller', 'alpha message body', '+17735550133', '7735550133',
      agentOfA.agentName, agentOfA.instructions, agentOfA.businessDescription, ...Object.values(agentOfA.greetings),
      '+17735550177', '7735550177', 'AlphaVoice0123456789', ...Object.values(keysOfA),
      'alpha private knowledge answer', 'alpha private phrasing', 'alphatag', 'zebra fountains',
      widgetSiteOfA, widgetKeyOfA, widgetKeyOfA.slice(-24),
    );
    // Trade knowledge is platform data A inherits, not A's own: B must not reach it through A's
    // routes or its own, but its ids are no secret (admin-only routes echo them in their 404).
    Object.assign(aIds, { tradeCategoryId: roofing.id, tradeEntryId: tradeEntry.id, vocabularyId: vocabulary.id, emergencyId: emergency.id });

    const bOwner = await createUserSession(app, B.id, 'owner');
    const bToken = await createApiToken(app, B.id);
    principals = [
      // A fresh session per request, so a route that ends sessions cannot disarm the rest.
      { name: "B's owner (session)", headers: async () => (await login(app, bOwner.email, bOwner.password)).headers },
      { name: "B's API token", headers: async () => bToken.headers },
    ];
    bActorIds = [bOwner.userId, bToken.id];
    companyRoutes = registeredRoutes(app).filter((r) => r.url.includes(':companyId'));
  });
  afterAll(async () => {
    await t?.close();
    await elevenLabs?.close();
  });

  /** A's rows in every table with a company_id (tenant and platform), plus A's company row. */
  async function snapshotOfA(): Promise<Record<string, string[]>> {
    const { db } = t.database;
    const tables = await sql<{ name: string }>`
      SELECT n.nspname || '.' || c.relname AS name FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'company_id' AND NOT a.attisdropped
      WHERE n.nspname IN ('public', 'platform') AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db);
    const snapshot: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await sql<{ row: string }>`SELECT to_jsonb(t)::text AS row FROM ${sql.table(name)} t WHERE company_id = ${A.id}`.execute(db);
      snapshot[name] = rows.rows.map((r) => r.row).sort();
    }
    const company = await sql<{ row: string }>`SELECT to_jsonb(c)::text AS row FROM platform.companies c WHERE id = ${A.id}`.execute(db);
    snapshot['platform.companies'] = company.rows.map((r) => r.row);
    return snapshot;
  }

  const leaks = (body: string) => secretsOfA.filter((s) => s !== '' && body.includes(s));

  it('has a fixture in company A for every route parameter', () => {
    const missing = registeredRoutes(app).flatMap((r) => r.params.filter((p) => !(p in aIds))
      .map((p) => `${r.method} ${r.url}: no fixture for :${p}; create one in company A and add it to aIds in test/isolation/api-matrix.db.test.ts`));
    expect(missing).toEqual([]);
    expect(companyRoutes.map((r) => `${r.method} ${r.url}`)).toContain('GET /api/companies/:companyId/users/:userId');
  });

  it("answers 404 and shows nothing of A to B's owner and B's token, on every company route", async () => {
    const before = await snapshotOfA();
    expect(before['public.contacts']).toHaveLength(3); // the contact, the booking's customer, the caller
    expect(before['public.bookings']).toHaveLength(1);
    expect(before['platform.phone_numbers']).toHaveLength(1);
    expect(before['public.speech_cache']).toHaveLength(1);
    const failures: string[] = [];
    for (const r of companyRoutes) {
      if (r.params.some((p) => !(p in aIds))) continue; // reported by the fixture test
      const route = `${r.method} ${r.url}`;
      for (const who of principals) {
        // (i, ii) A's company and A's resources.
        const intoA = await app.inject({ ...requestFor(r, aIds), headers: await who.headers() });
        if (intoA.statusCode !== 404) failures.push(`${route} as ${who.name} with A's companyId: ${intoA.statusCode} ${intoA.body}`);
        if (leaks(intoA.body).length) failures.push(`${route} as ${who.name} with A's companyId leaks ${leaks(intoA.body).join(', ')}`);

        // (iii) B's own company, but A's resource ids.
        if (r.params.length === 1) continue;
        const crossed = await app.inject({ ...requestFor(r, { ...aIds, companyId: B.id }), headers: await who.headers() });
        if (leaks(crossed.body).length) failures.push(`${route} as ${who.name} in B with A's ids leaks ${leaks(crossed.body).join(', ')}`);
        if (crossed.statusCode === 404) continue;
        if (crossed.statusCode === 403) {
          // Allowed only when the route refuses this principal whatever the id.
          const unknownIds = Object.fromEntries(r.params.map((p) => [p, randomUUID()]));
          const control = await app.inject({ ...requestFor(r, { ...unknownIds, companyId: B.id }), headers: await who.headers() });
          if (control.statusCode !== 403) failures.push(`${route} as ${who.name} in B with A's ids: 403, but ${control.statusCode} for unknown ids (the answer depends on A's id)`);
          continue;
        }
        failures.push(`${route} as ${who.name} in B with A's ids: ${crossed.statusCode} ${crossed.body}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotOfA()).toEqual(before);
    const byB = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE company_id <> ${B.id} AND actor_id IN (${sql.join(bActorIds)})`.execute(t.database.db);
    expect(byB.rows[0]!.n).toBe(0);
  }, WALK_TIMEOUT_MS);

  it("shows nothing of A to B's owner and B's token on every other route", async () => {
    const failures: string[] = [];
    for (const r of registeredRoutes(app).filter((x) => !x.url.includes(':companyId'))) {
      if (r.params.some((p) => !(p in aIds))) continue; // reported by the fixture test
      for (const who of principals) {
        const res = await app.inject({ ...requestFor(r, aIds), headers: await who.headers() });
        if (leaks(res.body).length) failures.push(`${r.method} ${r.url} as ${who.name} leaks ${leaks(res.body).join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  }, WALK_TIMEOUT_MS);

  it('sends bodies that pass validation (so the 404s above come from the tenant checks)', async () => {
    // A third company's owner calls its own routes with the generated bodies and unknown ids.
    const c = await createCompany(app, { name: `Charlie Roofing ${suffix()}` });
    const owner = await createUserSession(app, c.id, 'owner');
    const invalid: string[] = [];
    for (const r of companyRoutes.filter(hasBody)) {
      const request = requestFor(r, { ...Object.fromEntries(r.params.map((p) => [p, randomUUID()])), companyId: c.id });
      const res = await app.inject({ ...request, headers: owner.headers });
      if (res.statusCode === 400 && (res.json() as { error: { code: string } }).error.code === 'VALIDATION_FAILED') {
        invalid.push(`${r.method} ${r.url}: generated body ${JSON.stringify(request.payload)} was refused: ${res.body}`);
      }
      if (res.statusCode >= 500) invalid.push(`${r.method} ${r.url}: generated request answered ${res.statusCode} ${res.body}`);
    }
    expect(invalid).toEqual([]);
  }, WALK_TIMEOUT_MS);
});
