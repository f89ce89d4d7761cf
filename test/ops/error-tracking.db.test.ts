import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import type { Database } from '../../src/db/connect.ts';
import { testConfig } from '../helpers/app.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startSentryStub, type SentryStub } from '../stubs/sentry.ts';

// What a careless error could carry: a caller's number, their words, an address, an email, a key.
const PHONE = '+1 (312) 555-0199';
const TRANSCRIPT = 'my basement is flooding and the water heater is leaking';
const ADDRESS = '42 Elm Street';
const EMAIL = 'dana.caller@example.com';
const KEY = 'sk_live_51HxQ2ZabcdefGHIJKLmnopQRSTuvwx';
const COOKIE = 'cv_session=session-value-that-must-not-leak-0123456789';
const COMPANY_ID = '6f1c2b8e-3d4a-4e5f-9a0b-1c2d3e4f5a6b';
const FORBIDDEN = ['555-0199', '5550199', 'basement is flooding', 'water heater', 'Elm Street', EMAIL, 'dana.caller', KEY, 'sk_live', 'session-value', 'Bearer'];

const carelessError = (where: string) => new Error(`${where} failed for ${PHONE} at ${ADDRESS} (${EMAIL}): "${TRANSCRIPT}" with key ${KEY}`);

describe('error tracking (Sentry) when SENTRY_DSN is set', () => {
  let sentry: SentryStub;
  let database: Database;
  let app: App;
  beforeAll(async () => {
    sentry = await startSentryStub();
    database = await createTestDatabase();
    app = await buildApp({ config: testConfig({ SENTRY_DSN: sentry.dsn('4242'), SENTRY_ENVIRONMENT: 'staging' }), database });
    // A route and a job that fail the way a bug would: unexpected errors, not AppErrors.
    app.post('/test/explode/:companyId', { config: { access: 'public' } }, async () => {
      throw carelessError('booking');
    });
    app.ctx.jobs.register('test-explodes', async () => {
      throw carelessError('sms');
    }, { retryLimit: 0 });
    await app.ready();
    await app.ctx.jobs.start();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await sentry?.close();
  });

  const expectScrubbed = (raw: string) => {
    for (const text of FORBIDDEN) expect(raw, `the envelope carries "${text}"`).not.toContain(text);
  };

  it('reports an unhandled route error with release, environment, request, trace and company ids, and no personal data', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/test/explode/${COMPANY_ID}?phone=${encodeURIComponent(PHONE)}`,
      headers: { authorization: `Bearer ${KEY}`, cookie: COOKIE, 'x-request-id': 'req-sentry-0123456789', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      payload: { phone: PHONE, transcript: TRANSCRIPT, address: ADDRESS, email: EMAIL },
    });
    expect(res.statusCode).toBe(500);
    expectScrubbed(res.body);

    const envelope = await waitFor('the route error at the Sentry endpoint', () => sentry.envelopes.find((e) => e.raw.includes('req-sentry-0123456789')));
    expect(envelope.projectId).toBe('4242');
    const event = envelope.items.find((i) => i.type === 'event')!.payload as { release: string; environment: string; tags: Record<string, string>; exception: { values: Array<{ type: string; value: string }> } };
    expect(event.release).toBe(`clientsvia@${app.ctx.config.version}`);
    expect(event.environment).toBe('staging');
    expect(event.tags).toMatchObject({ requestId: 'req-sentry-0123456789', companyId: COMPANY_ID, route: '/test/explode/:companyId', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
    expect(event.exception.values[0]!.type).toBe('Error');
    expect(event.exception.values[0]!.value).toMatch(/^booking failed for/);
    expect(event).not.toHaveProperty('request');
    expectScrubbed(envelope.raw);
  });

  it('reports a failed job with its queue and company, and no personal data', async () => {
    await app.ctx.jobs.send('test-explodes', { companyId: COMPANY_ID, phone: PHONE, transcript: TRANSCRIPT });
    const envelope = await waitFor('the job error at the Sentry endpoint', () => sentry.envelopes.find((e) => e.raw.includes('test-explodes')), 20_000);
    const event = envelope.items.find((i) => i.type === 'event')!.payload as { tags: Record<string, string>; exception: { values: Array<{ value: string }> } };
    expect(event.tags).toMatchObject({ job: 'test-explodes', companyId: COMPANY_ID });
    expect(event.tags.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(event.exception.values[0]!.value).toMatch(/^sms failed for/);
    expectScrubbed(envelope.raw);

    const metrics = await app.metrics.metrics();
    expect(metrics).toMatch(/^clientsvia_jobs_failed_total\{queue="test-explodes"\} 1$/m);
    expect(metrics).toMatch(/^clientsvia_jobs_processed_total\{queue="test-explodes"\} 1$/m);
  });
});
