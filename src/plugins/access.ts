import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import type { Principal } from '../modules/auth/principal.ts';

export type Access = 'public' | 'authenticated' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Default: 'authenticated' under /api, 'public' elsewhere. */
    access?: Access;
    /** Within a company: the least role required (owner > staff). Default 'staff'. */
    minRole?: 'owner' | 'staff';
    /** Whether company API tokens may call it. Default true. */
    allowApiTokens?: boolean;
    /** Whether users of a suspended company may call it with an unsafe method (signing out). Default false. */
    allowWhenSuspended?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'cv_session';

/** Methods that change nothing: all a read-only API token may use. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Route config for decisions that are the company owner's, never an integration's. */
export const OWNER_ONLY = { minRole: 'owner', allowApiTokens: false } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessDeps {
  resolveSession(token: string): Promise<Principal | null>;
  resolveApiToken(token: string): Promise<Principal | null>;
  companyExists(companyId: string): Promise<boolean>;
}

/**
 * Authentication and the tenant gate, before validation so that another company's URL is
 * a 404 whatever the body holds. A company user or token reaching for another company's
 * `:companyId` gets the same 404 as for a company that does not exist.
 */
async function accessPlugin(app: FastifyInstance, deps: AccessDeps): Promise<void> {
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request, reply) => {
    const cfg = request.routeOptions.config;
    const access = accessOf(request);

    request.principal = await resolvePrincipal(request, deps);
    if (access === 'public') return;

    const p = request.principal;
    if (!p) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token.');
    const admin = p.kind === 'user' && p.role === 'admin';
    if (access === 'admin' && !admin) {
      // Admin-only routes stay invisible to company users.
      throw new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    }

    const companyId = (request.params as Record<string, unknown> | undefined)?.companyId;
    if (typeof companyId === 'string') {
      if (!UUID.test(companyId)) throw new AppError('NOT_FOUND', 'Company not found');
      if (admin ? !(await deps.companyExists(companyId)) : p.companyId !== companyId) {
        throw new AppError('NOT_FOUND', 'Company not found');
      }
      // reply.log writes the 'request completed' line: it names the company too.
      request.log = request.log.child({ companyId });
      reply.log = request.log;
    }
    // After the tenant gate, so another company's URL stays a 404 for every token; before the
    // role checks, so a read-only token learns one rule for every write.
    if (p.kind === 'api_token' && p.scope === 'read' && !SAFE_METHODS.has(request.method)) {
      throw new AppError('TOKEN_SCOPE', 'This API token is read-only: it may only read (GET).', { scope: p.scope });
    }
    if (typeof companyId === 'string' && !admin) {
      if (p.kind === 'api_token' && cfg.allowApiTokens === false) {
        throw new AppError('FORBIDDEN', 'API tokens cannot use this endpoint.');
      }
      if (cfg.minRole === 'owner' && p.role !== 'owner') {
        throw new AppError('FORBIDDEN', 'Only a company owner can do this.');
      }
    }
    if (p.companySuspended) refuseSuspended(request, p, cfg.allowWhenSuspended === true);
  });
}

/** Who may call the request's route (its config, or the default for its path). */
export function accessOf(request: FastifyRequest): Access {
  return request.routeOptions.config.access ?? ((request.routeOptions.url ?? '').startsWith('/api/') ? 'authenticated' : 'public');
}

/**
 * What suspension means, for every route at once: the company's API tokens are refused, its
 * users may read (and sign out) but change nothing. After the tenant gate, so another
 * company's URL still answers 404. The platform admin belongs to no company and is unaffected.
 */
function refuseSuspended(request: FastifyRequest, p: Principal, allowed: boolean): void {
  if (p.kind === 'api_token') throw new AppError('COMPANY_SUSPENDED', 'This company is suspended; its API tokens are refused until it is reactivated.');
  if (!SAFE_METHODS.has(request.method) && !allowed) {
    throw new AppError('COMPANY_SUSPENDED', 'This company is suspended; its data can be read but not changed until it is reactivated.');
  }
}

async function resolvePrincipal(request: FastifyRequest, deps: AccessDeps): Promise<Principal | null> {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return deps.resolveApiToken(auth.slice(7).trim());
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? deps.resolveSession(cookie) : null;
}

export default fp(accessPlugin, { name: 'access', dependencies: ['@fastify/cookie'] });

/** The caller of an authenticated route (the access hook has already refused anonymous calls). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token.');
  return request.principal;
}
