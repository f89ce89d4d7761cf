import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { errorResponses, NewPassword, Uuid } from '../../http/common-schemas.ts';
import { principalOf, SESSION_COOKIE } from '../../plugins/access.ts';
import { servesHttps } from '../../plugins/security.ts';

const Me = Type.Object({
  kind: Type.Union([Type.Literal('user'), Type.Literal('api_token')]),
  id: Uuid,
  email: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  role: Type.String(),
  companyId: Type.Union([Uuid, Type.Null()]),
  scope: Type.Optional(Type.Union([Type.Literal('read'), Type.Literal('full')], { description: "An API token's scope" })),
});

const LoginBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { auth, passwords } = app.ctx.services;
  // Never sent over plain http where the app is served over https (PUBLIC_URL).
  const secure = servesHttps(app.ctx.config);

  app.post('/login', {
    schema: { tags: ['auth'], summary: 'Sign in; sets an HttpOnly session cookie', body: LoginBody, response: { 200: Me, ...errorResponses } },
    config: { access: 'public', rateLimit: { max: app.ctx.config.rateLimitAuthPerMinute, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const result = await auth.login(req.body.email, req.body.password, req.ip);
    reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      expires: result.expiresAt,
    });
    const p = result.principal;
    req.log.info({ userId: p.userId }, 'signed in');
    return { kind: 'user' as const, id: p.userId, email: p.email, role: p.role, companyId: p.companyId };
  });

  app.post('/logout', {
    schema: { tags: ['auth'], summary: 'Sign out and end the session', response: { 204: Type.Null(), ...errorResponses } },
    config: { allowWhenSuspended: true },
  }, async (req, reply) => {
    const p = principalOf(req);
    if (p.kind === 'user') await auth.logout(p.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure, sameSite: 'lax' });
    return reply.status(204).send(null);
  });

  app.post('/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change your own password; every other session of yours ends',
      description: 'For signed-in users (the platform admin included), not API tokens. A wrong current password answers 403 WRONG_PASSWORD and counts as a failed sign-in attempt (LOGIN_THROTTLED applies).',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: NewPassword }, { additionalProperties: false }),
      response: { 200: Type.Object({ sessionsEnded: Type.Integer({ description: 'Other sessions of yours that were signed out' }) }), ...errorResponses },
    },
  }, async (req) => {
    const p = principalOf(req);
    if (p.kind !== 'user') throw new AppError('FORBIDDEN', 'An API token has no password to change.');
    return passwords.changeOwn(p, req.body.currentPassword, req.body.newPassword, req.ip);
  });

  app.get('/me', {
    schema: { tags: ['auth'], summary: 'Who the session or token belongs to', response: { 200: Me, ...errorResponses } },
  }, async (req) => {
    const p = principalOf(req);
    return p.kind === 'user'
      ? { kind: 'user' as const, id: p.userId, email: p.email, role: p.role, companyId: p.companyId }
      : { kind: 'api_token' as const, id: p.tokenId, name: p.tokenName, role: p.role, companyId: p.companyId, scope: p.scope };
  });
};

export default routes;
