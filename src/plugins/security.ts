import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import type { Config } from '../config.ts';
import type { CounterStore } from '../rate-limits/counters.ts';
import { rateLimitStore } from '../rate-limits/fastify-store.ts';

/**
 * The app is served over https when its PUBLIC_URL is (always so in production): then HSTS,
 * Secure cookies, and plain-http requests a trusted proxy reports are redirected.
 */
export const servesHttps = (config: Pick<Config, 'publicUrl'>): boolean => config.publicUrl.startsWith('https:');

const HSTS_MAX_AGE_S = 365 * 24 * 3600;

/**
 * Where a request a trusted proxy says came over plain http goes instead: the same path on
 * PUBLIC_URL (never the Host header, which the client chooses). Null when nothing says http:
 * no proxy is trusted (TRUST_PROXY unset), or the request did not come through one (a health
 * check straight to the app has no X-Forwarded-Proto).
 */
export function httpsRedirect(config: Pick<Config, 'publicUrl' | 'trustProxy'>, request: FastifyRequest): string | null {
  if (!servesHttps(config) || config.trustProxy === false) return null;
  if (request.headers['x-forwarded-proto'] === undefined || request.protocol !== 'http') return null;
  return `${new URL(config.publicUrl).origin}${request.url}`;
}

const UNLIMITED_ROUTES = new Set(['/health', '/ready', '/metrics']);

/**
 * Who a request counts against. Authenticated calls count against their company, so one busy
 * tenant cannot starve the others (and many users of one company share its budget); public
 * routes such as login always count against the client IP, whatever cookie is sent.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const p = request.principal;
  if (!p || request.routeOptions.config.access === 'public') return `ip:${request.ip}`;
  if (p.companyId) return `company:${p.companyId}`;
  return `user:${p.kind === 'user' ? p.userId : p.tokenId}`;
}

/**
 * Security headers and rate limits. Login has its own, much lower, per-IP limit set on the
 * route. The limit runs at 'preHandler', after the access plugin's onRequest hook has resolved
 * `request.principal`, so the key can name the company. (A request the access hook refuses
 * never reaches it; refusals cost one credential lookup.) The counts are the app's shared
 * counters (src/rate-limits/), so every process behind a load balancer counts against one limit.
 */
async function securityPlugin(app: FastifyInstance, { config, counters }: { config: Config; counters: CounterStore }): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    const target = httpsRedirect(config, request);
    // 308 keeps the method and body of a POST; a GET gets the classic permanent redirect.
    if (target) return reply.redirect(target, request.method === 'GET' || request.method === 'HEAD' ? 301 : 308);
  });

  // Built once: @fastify/helmet rebuilds the middleware (and re-parses the policy) on every
  // request, a tenth of a bare request's CPU time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Only where the app is served over https: on a plain-http host (development on a
        // LAN address) the browser would rewrite every asset URL to an https that is not there.
        upgradeInsecureRequests: servesHttps(config) ? [] : null,
      },
    },
    // Same rule as frame-ancestors, for browsers that only read the older header.
    frameguard: { action: 'deny' },
    hsts: servesHttps(config) ? { maxAge: HSTS_MAX_AGE_S, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)));

  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: config.rateLimitApiPerMinute,
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
    store: rateLimitStore(counters),
    allowList: (request: FastifyRequest) => UNLIMITED_ROUTES.has(request.routeOptions.url ?? ''),
  });
}

export default fp(securityPlugin, { name: 'security' });
