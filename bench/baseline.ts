import Fastify, { type FastifyInstance } from 'fastify';

/** The floor: Fastify with one trivial JSON route, no plugins, no logging, no database. */
export async function startBaseline(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `${url}/` };
}
