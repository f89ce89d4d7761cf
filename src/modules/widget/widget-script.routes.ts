import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Type } from 'typebox';

// Served as written (plain JavaScript for any browser, no bundling); read once at start.
const SOURCE = readFileSync(new URL('./widget-script.js', import.meta.url), 'utf8');
const ETAG = `"${createHash('sha256').update(SOURCE).digest('base64url').slice(0, 16)}"`;
// Sites embed one URL, so it cannot be content-hashed: an hour of caching, then a cheap
// revalidation (304) by ETag, so a new release reaches every site within the hour.
const CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';

/** The embeddable chat bubble: `<script src="<PUBLIC_URL>/widget.js" data-key="cvw_..." async></script>`. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/widget.js', {
    schema: {
      tags: ['widget'], summary: "The website chat widget's script, for the <script> line of GET /api/companies/:id/widget",
      response: { 200: Type.String({ description: 'JavaScript' }), 304: Type.Null() },
    },
    config: { access: 'public' },
  }, async (req, reply) => {
    // Loaded by other sites' pages: helmet's same-origin resource policy would block it there.
    reply.header('cross-origin-resource-policy', 'cross-origin').header('cache-control', CACHE_CONTROL).header('etag', ETAG);
    if (req.headers['if-none-match'] === ETAG) return reply.status(304).send(null);
    return reply.type('text/javascript; charset=utf-8').send(SOURCE);
  });
};

export default routes;
