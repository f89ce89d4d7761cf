import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

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
          apiToken: { type: 'http', scheme: 'bearer', description: 'Company API token (cvt_...)' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: true } });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
}

export default fp(openapiPlugin, { name: 'openapi' });
