import type { FastifyInstance } from 'fastify';
import { COMPANY_CACHE_TTL_MS } from '../../cache/invalidation-hub.ts';
import { createLoadingCache } from '../../cache/loading-cache.ts';

/**
 * Each company's own Twilio auth token (null: it has none), for checking Twilio's signatures:
 * read on every webhook and socket handshake, kept per company for a few seconds.
 */
export function createTwilioTokenCache(app: FastifyInstance) {
  const { services, invalidation } = app.ctx;
  const tokens = createLoadingCache(
    (companyId) => services.secrets.reveal(companyId, 'twilio_auth_token').catch((err: unknown) => {
      app.log.warn({ err, companyId }, 'company Twilio auth token unreadable; checking with the platform token');
      return null;
    }),
    { ttlMs: COMPANY_CACHE_TTL_MS },
  );
  invalidation.register((companyId) => tokens.invalidate(companyId));
  return (companyId: string) => tokens.get(companyId);
}
