import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.ts';
import { traceMixin } from './tracing.ts';

/** Everything that could carry a credential is redacted, wherever it appears in a log line. */
export const REDACT_PATHS = [
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["x-twilio-signature"]',
  '*.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.password_hash',
  '*.token',
  '*.sessionToken',
  '*.tokenHash',
  '*.token_hash',
  '*.apiKey',
  '*.api_key',
  '*.secret',
  '*.authToken',
  '*.elevenLabsApiKey',
  '*.twilioAuthToken',
  '*.llmApiKey',
  '*.headers["xi-api-key"]',
  'password',
  'token',
];

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'clientsvia', version: config.version },
    // Lines written inside a request, call turn or job by a logger not bound to it name its trace.
    mixin: traceMixin,
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}

export interface LogDestination {
  stream: NodeJS.WritableStream;
  /**
   * Waits until the lines written so far are handed to standard output, at most `withinMs`:
   * a reader that has stopped reading must not keep an exiting process alive.
   */
  drain(withinMs: number): Promise<void>;
}

/**
 * Standard output through its own non-blocking stream. Not pino's default (sonic-boom): that
 * writes from libuv's thread pool, and a write stuck on a full pipe whose reader stopped
 * reading holds `process.exit` forever (it joins the pool's threads), and so the process.
 */
export function logDestination(): LogDestination {
  const stream = process.stdout;
  return {
    stream,
    async drain(withinMs) {
      const giveUpAt = Date.now() + withinMs;
      while (stream.writableLength > 0 && Date.now() < giveUpAt) await sleep(DRAIN_POLL_MS);
    },
  };
}

const DRAIN_POLL_MS = 10;

export const requestIdOptions = {
  requestIdHeader: false,
  // Honour an upstream id only when it looks like one; never let a client inject log lines.
  genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
  },
} as const;

/**
 * One line per request at info: 'request completed' names the request (method, URL), its
 * status, time, id and company. Each line costs its redaction pass, about a tenth of a bare
 * request's CPU time; 'incoming request' (wanted only to find requests that never end) is at
 * debug.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export const logController = (): LogController => new OneLinePerRequest();
