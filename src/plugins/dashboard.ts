import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built dashboard (`npm run build:web`, run by `npm start` when the sources changed). */
export const DASHBOARD_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

// Paths the browser never gets index.html for: an unknown API URL is the API's own 404.
const SERVER_PREFIXES = ['/api', '/health', '/ready', '/metrics'];

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>ClientsVia</title>
<p>The dashboard is not built yet. Run <code>npm run build:web</code> (npm start does it) and reload.</p></html>`;

/**
 * Serves the dashboard from the API's own process and origin. Built assets carry their content
 * hash in their names, so they are cached for a year; index.html names the current ones, so it
 * is revalidated on every load. Files are sent pre-compressed (brotli or gzip, written by the
 * build) when the browser accepts it. Any other GET outside the API is a client route: it gets
 * index.html, and the dashboard's router shows the page or its not-found page.
 */
async function dashboardPlugin(app: FastifyInstance): Promise<void> {
  if (dashboardBuilt()) {
    await app.register(fastifyStatic, {
      root: DASHBOARD_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
}

export default fp(dashboardPlugin, { name: 'dashboard' });

const dashboardBuilt = (): boolean => existsSync(`${DASHBOARD_DIST}index.html`);

/**
 * A GET outside the API that no route matched is a page of the dashboard: it gets index.html
 * and the dashboard's router shows that page (or its own not-found page). Anything else: null.
 */
export function serveClientRoute(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const path = request.url.split('?')[0]!;
  if (SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return null;
  reply.header('cache-control', 'no-cache');
  // Not built when this process started: the static files were not registered.
  if (typeof reply.sendFile !== 'function') return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
  return reply.sendFile('index.html');
}
