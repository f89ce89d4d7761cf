import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

/**
 * Security headers and rate limits. The API limit is keyed by company once the caller is
 * known (one busy tenant cannot starve the others), by IP before that; login has its own,
 * much lower, per-IP limit set on the route.
 */
async function securityPlugin(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.env === 'production',
  });

  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: config.rateLimitApiPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const p = request.principal;
      if (p?.companyId) return `company:${p.companyId}`;
      if (p) return `user:${p.kind === 'user' ? p.userId : p.tokenId}`;
      return `ip:${request.ip}`;
    },
    allowList: (request: FastifyRequest) => {
      const url = request.routeOptions.url ?? '';
      return url === '/health' || url === '/ready' || url === '/metrics';
    },
  });
}

export default fp(securityPlugin, { name: 'security' });
