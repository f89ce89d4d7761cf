import type { FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';

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
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}

export const requestIdOptions = {
  requestIdHeader: false,
  // Honour an upstream id only when it looks like one; never let a client inject log lines.
  genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
  },
} as const;
