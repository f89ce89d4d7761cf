import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// How often, while closing, connections that have just become idle are closed.
const SWEEP_MS = 50;

/**
 * Closing under keep-alive load: `server.close()` ends only the connections idle at that
 * moment. One busy then answers its request and would stay open for the keep-alive timeout
 * (72 s), holding the close, the job queue and the database up. So once closing starts every
 * response says `Connection: close`, and connections that turn idle are closed as they do.
 * In-flight requests still finish; new ones on open connections get Fastify's 503.
 */
async function drainPlugin(app: FastifyInstance): Promise<void> {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    const sweep = setInterval(() => app.server.closeIdleConnections(), SWEEP_MS);
    sweep.unref();
    app.server.once('close', () => clearInterval(sweep));
    done();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

export default fp(drainPlugin, { name: 'drain' });
