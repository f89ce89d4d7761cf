import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { registerBackupGauge } from '../backup/backup-health.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip'];
const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may scrape. With METRICS_TOKEN: whoever sends it as a bearer token (compared in constant
 * time, over digests so the length leaks nothing either). Without it: only a direct connection
 * from this machine, one with no proxy header (a reverse proxy on the same host connects from
 * loopback too, on behalf of anyone); everyone else gets the 404 of a route that is not there.
 */
export function metricsAccess(config: Pick<Config, 'metricsToken'>): (request: FastifyRequest) => void {
  const expected = config.metricsToken === undefined ? undefined : digest(config.metricsToken);
  return (request) => {
    if (expected) {
      const given = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (given && timingSafeEqual(digest(given), expected)) return;
      throw new AppError('UNAUTHENTICATED', 'The metrics need the METRICS_TOKEN bearer token.');
    }
    const direct = LOOPBACK.test(request.socket.remoteAddress ?? '') && !PROXY_HEADERS.some((h) => h in request.headers);
    if (!direct) throw new AppError('NOT_FOUND', `No route ${request.method} /metrics`);
  };
}

/**
 * Prometheus metrics (src/observability/metrics.ts defines them): process defaults, the
 * request duration by route pattern (never the raw URL, whose ids would explode the label
 * set) and status, 429 refusals, and what the services count. One registry per app instance.
 */
async function metricsPlugin(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  const { registry, metrics } = app.ctx.telemetry;
  registerBackupGauge(registry, () => app.ctx.backups.lastSuccessAt());
  app.decorate('metrics', registry);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    metrics.httpRequestSeconds.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode === 429) metrics.rateLimitRefusals.inc({ route });
  });

  const allowed = metricsAccess(config);
  app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    allowed(request);
    reply.header('content-type', registry.contentType);
    reply.header('cache-control', 'no-store');
    return registry.metrics();
  });
}

export default fp(metricsPlugin, { name: 'metrics' });
