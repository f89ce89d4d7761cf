import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { accessOf, SAFE_METHODS } from './access.ts';

/**
 * Body types a page on another site can send without a CORS preflight (the Fetch standard's
 * CORS-safelisted content types): an HTML form or a `no-cors` fetch. A session request must
 * not carry one, so no cross-site page can forge a write whatever the browser sends.
 */
const FORM_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Cross-site request forgery protection for cookie sessions, in one hook for every route.
 * Only a signed-in user's unsafe request to a non-public route is checked: the cookie is the
 * ambient credential a forged request would borrow. An API token is sent explicitly (no page
 * can make a browser add it), and public routes (login, the widget, Twilio's signed webhooks)
 * grant nothing through the cookie.
 *
 * The browser tells who made the request: `Sec-Fetch-Site` (same-origin passes), else
 * `Origin` (PUBLIC_URL's origin or the server's own host pass). A request with neither header
 * comes from a non-browser client (curl, a script, a test): every browser in use sends at
 * least one of them on a cross-origin write, and a client outside a browser that holds the
 * cookie needs no forgery, so it passes. (The approach of Go's http.CrossOriginProtection.)
 */
async function crossSitePlugin(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  const publicOrigin = new URL(config.publicUrl).origin;
  const trustedOrigin = (origin: string, host: string | undefined): boolean => {
    if (origin === publicOrigin) return true;
    try {
      return new URL(origin).host === host;
    } catch {
      return false; // "null" (a sandboxed frame, a file) or garbage
    }
  };
  const fromThisSite = (request: FastifyRequest): boolean => {
    const site = request.headers['sec-fetch-site'];
    if (site === 'same-origin' || site === 'none') return true;
    const origin = request.headers.origin;
    if (origin !== undefined) return trustedOrigin(origin, request.headers.host);
    return site === undefined;
  };

  // The API takes JSON (CSV for the knowledge import, forms for Twilio, each parsed in its own
  // module); Fastify's default text parser would let a text/plain body through to any route.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.principal?.kind !== 'user' || accessOf(request) === 'public') return;
    if (!fromThisSite(request)) {
      throw new AppError('CROSS_SITE_REQUEST', 'This request comes from another site; sign-in sessions only accept requests from the dashboard.');
    }
    const type = request.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
    if (type !== undefined && FORM_TYPES.has(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    }
  });
}

export default fp(crossSitePlugin, { name: 'cross-site', dependencies: ['access'] });
