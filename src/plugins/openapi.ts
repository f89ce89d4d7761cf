import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { servesHttps } from './security.ts';

const DOCS_PREFIX = '/api/docs';

/** OpenAPI 3 generated from the same schemas that validate and serialise every route. */
async function openapiPlugin(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ClientsVia API', version: config.version, description: 'Multi-tenant AI receptionist platform for trade businesses.' },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cv_session' },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description: "Company API token (cvt_...). Its scope is chosen at creation: a 'read' token may only use GET and HEAD (any other method answers 403 TOKEN_SCOPE), a 'full' token acts as a staff member. Tokens are not subject to the Origin check that cookie sessions are.",
          },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    // A module's '/' route answers with and without the trailing slash; Fastify hands both
    // registrations the same options object, so the document would show only '/x/'.
    transform: ({ schema, url }) => ({ schema, url: url.length > 1 ? url.replace(/\/$/, '') : url }),
  });

  // The documentation UI lives under /api, where routes default to 'authenticated'; its pages
  // and assets are registered by swagger-ui, so they are marked public as they are added.
  app.addHook('onRoute', (route) => {
    if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`)) {
      route.config = { ...route.config, access: 'public' };
    }
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: { deepLinking: true },
    // swagger-ui replaces helmet's policy on its pages with one that allows its own assets;
    // keep our rules: no other site may frame the app, and https upgrades only under https.
    staticCSP: true,
    transformStaticCSP: (header) => {
      const csp = header.replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'");
      return servesHttps(config) ? csp : csp.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
}

export default fp(openapiPlugin, { name: 'openapi' });
