import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/plugins/logging.ts';
import { ADMIN_PASSWORD, createTestApp, testConfig, type TestApp } from '../helpers/app.ts';
import { createApiToken, createCompany, createUserSession, loginAdmin } from '../helpers/factories.ts';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  companyId?: string;
  [key: string]: unknown;
}

/** The production logger configuration, writing to memory instead of stdout. */
function memoryLogger() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const options = { ...(loggerOptions(testConfig()) as pino.LoggerOptions), level: 'info' };
  return { logger: pino(options, stream), text: () => chunks.join(''), lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as LogLine) };
}

describe('request logs', () => {
  const log = memoryLogger();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ logger: log.logger });
  });
  afterAll(async () => t?.close());

  it('carry request ids and the company, never passwords, cookies or tokens', async () => {
    const admin = await loginAdmin(t.app);
    const wrongPassword = 'not-the-right-password-4711';
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: wrongPassword } });
    expect(bad.statusCode).toBe(401);
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id);
    const token = await createApiToken(t.app, company.id);
    const requestId = 'trace-0123456789abcdef';
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/companies/${company.id}`,
      headers: { ...token.headers, cookie: owner.cookie, 'x-request-id': requestId },
    });
    expect(res.statusCode).toBe(200);

    const lines = log.lines();
    expect(lines.length).toBeGreaterThan(0);
    const tenantLines = lines.filter((l) => l.reqId === requestId);
    // One line per request at info, naming the request, its outcome and the company.
    expect(tenantLines.map((l) => l.msg)).toEqual(['request completed']);
    const completed = tenantLines[0]!;
    expect(completed.companyId).toBe(company.id);
    expect(completed.req).toMatchObject({ method: 'GET', url: `/api/companies/${company.id}` });
    expect(completed.res).toMatchObject({ statusCode: 200 });
    expect(typeof completed.responseTime).toBe('number');
    expect(lines.filter((l) => l.msg === 'request completed').every((l) => typeof l.reqId === 'string')).toBe(true);

    const text = log.text();
    const sessionValue = (c: string) => c.slice(c.indexOf('=') + 1);
    for (const secret of [ADMIN_PASSWORD, owner.password, wrongPassword, sessionValue(admin.cookie), sessionValue(owner.cookie), token.token]) {
      expect(text).not.toContain(secret);
    }
  });

  it('redacts credentials even when code logs a request or an object carelessly', async () => {
    const company = await createCompany(t.app);
    const token = await createApiToken(t.app, company.id);
    t.app.log.info({
      upstream: { headers: { authorization: token.headers.authorization, cookie: 'cv_session=s3cr3t-session-value' } },
      user: { email: 'someone@test.example', password: 'p4ssw0rd-in-object', passwordHash: '$argon2id$v=19$hash' },
      created: { token: token.token },
    }, 'careless line');
    const line = log.lines().find((l) => l.msg === 'careless line')!;
    expect(line).toMatchObject({
      upstream: { headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      user: { email: 'someone@test.example', password: '[redacted]', passwordHash: '[redacted]' },
      created: { token: '[redacted]' },
    });
    for (const secret of [token.token, 's3cr3t-session-value', 'p4ssw0rd-in-object', '$argon2id$']) expect(log.text()).not.toContain(secret);
  });
});
