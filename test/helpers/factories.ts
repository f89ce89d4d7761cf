import { randomBytes } from 'node:crypto';
import type { App } from '../../src/app.ts';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './app.ts';

const suffix = () => randomBytes(4).toString('hex');

export async function createCompany(app: App, input: { name?: string; timeZone?: string; tradeCategorySlugs?: string[] } = {}) {
  const cats = await app.ctx.services.tradeCategories.list();
  const ids = (input.tradeCategorySlugs ?? ['plumbing']).map((slug) => {
    const c = cats.find((x) => x.slug === slug);
    if (!c) throw new Error(`no trade category ${slug}`);
    return c.id;
  });
  const name = input.name ?? `Test Co ${suffix()}`;
  return app.ctx.services.companies.create(SYSTEM_ACTOR, { name, timeZone: input.timeZone ?? 'America/Chicago', tradeCategoryIds: ids });
}

export interface Session {
  cookie: string;
  headers: { cookie: string };
  email: string;
  password: string;
}

/** Signs in over HTTP, exactly as the dashboard does, and returns the cookie to send. */
export async function login(app: App, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'cv_session');
  if (!set) throw new Error('no session cookie');
  const cookie = `cv_session=${set.value}`;
  return { cookie, headers: { cookie }, email, password };
}

export const loginAdmin = (app: App) => login(app, ADMIN_EMAIL, ADMIN_PASSWORD);

export async function createUserSession(app: App, companyId: string, role: 'owner' | 'staff' = 'owner'): Promise<Session & { userId: string }> {
  const email = `${role}-${suffix()}@test.example`;
  const password = `pw-${suffix()}-${suffix()}`;
  await app.ctx.services.users.ensureCompanyUser(companyId, { email, name: `${role} user`, password, role });
  const session = await login(app, email, password);
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
  return { ...session, userId: (me.json() as { id: string }).id };
}

export async function createApiToken(app: App, companyId: string, scope: 'read' | 'full' = 'full'): Promise<{ id: string; token: string; headers: { authorization: string } }> {
  const created = await app.ctx.services.apiTokens.create(SYSTEM_ACTOR, companyId, { name: `token ${suffix()}`, scope });
  return { id: created.id, token: created.token, headers: { authorization: `Bearer ${created.token}` } };
}
