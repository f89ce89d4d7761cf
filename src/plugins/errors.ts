import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { databaseTrouble, isForeignKeyViolation } from '../db/pg-errors.ts';
import { AppError } from '../errors.ts';

interface ErrorPayload {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const body = (code: string, message: string, details?: Record<string, unknown>): ErrorPayload => ({
  error: details ? { code, message, details } : { code, message },
});

// Seconds a client should wait before retrying when the database is down or saturated.
const RETRY_AFTER_UNAVAILABLE_S = 5;
const RETRY_AFTER_BUSY_S = 2;

const DATABASE_ANSWERS = {
  unavailable: new AppError('DATABASE_UNAVAILABLE', 'The database cannot be reached right now; retry shortly.'),
  busy: new AppError('DATABASE_BUSY', 'The database is busy and the request timed out waiting for it; retry shortly.'),
} as const;

/**
 * Every error leaves as `{ error: { code, message } }`. Expected failures keep their code;
 * framework 4xx get a stable code; anything else is a 500 whose body carries no internals
 * (the log has them, with the request id). Also the router's own errors (a malformed or too
 * long URL: 400, 414), which reach no error handler and come here through `frameworkErrors`.
 */
export function sendError(err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof AppError) {
    if (err.status >= 500) request.log.error({ err }, 'request failed');
    const wait = err.details?.retryAfterSeconds;
    if (typeof wait === 'number') reply.header('retry-after', String(wait));
    return reply.status(err.status).send(body(err.code, err.message, err.details));
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    // Name the exact field: the missing one, the unknown one, or the one that is wrong.
    const fields = fe.validation.map((v) => {
      const params = v.params as { missingProperty?: string; additionalProperty?: string };
      const at = `${fe.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`;
      if (params.missingProperty) return { field: `${at}.${params.missingProperty}`, message: 'is required' };
      if (params.additionalProperty) return { field: `${at}.${params.additionalProperty}`, message: 'is not an allowed property (must NOT have additional properties)' };
      return { field: at, message: v.message ?? 'is invalid' };
    });
    const message = fields.map((f) => `${f.field} ${f.message}`).join('; ');
    return reply.status(400).send(body('VALIDATION_FAILED', message, { fields }));
  }
  // Ids a request names are checked against the company's rows by foreign keys (composite,
  // with company_id); a violation is the client's id, not our failure. The constraint stays out of the body.
  if (isForeignKeyViolation(err)) return reply.status(422).send(body('INVALID_REFERENCE', 'The request names a record that does not exist.'));
  const status = fe.statusCode ?? 500;
  if (status === 429) return reply.status(429).send(body('RATE_LIMITED', 'Too many requests; slow down and retry later.'));
  if (status === 413) return reply.status(413).send(body('PAYLOAD_TOO_LARGE', 'Request body is too large.'));
  if (status === 415) return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', fe.message));
  // The router's message quotes the whole URL back.
  if (status === 414) return reply.status(414).send(body('URI_TOO_LONG', 'The URL is too long.'));
  if (status >= 400 && status < 500) {
    const code = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'VALIDATION_FAILED' : 'BAD_REQUEST';
    return reply.status(status).send(body(code, fe.message));
  }
  // A database outage or a stuck lock is the service's state, not a bug: a 503 the client
  // may retry, whichever route and layer met it first.
  const trouble = databaseTrouble(err);
  if (trouble) {
    const answer = DATABASE_ANSWERS[trouble];
    request.log.warn({ err }, `database ${trouble}`);
    reply.header('retry-after', String(trouble === 'busy' ? RETRY_AFTER_BUSY_S : RETRY_AFTER_UNAVAILABLE_S));
    return reply.status(answer.status).send(body(answer.code, answer.message));
  }
  request.log.error({ err }, 'unhandled error');
  reportUnexpected(err, request);
  return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side. It has been logged.'));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** To the error tracker, tagged with ids only: the request, its route and its company. */
function reportUnexpected(err: unknown, request: FastifyRequest): void {
  const param = (request.params as Record<string, unknown> | undefined)?.companyId;
  const companyId = request.principal?.companyId ?? (typeof param === 'string' && UUID.test(param) ? param : undefined);
  request.server.ctx?.errors.capture(err, { requestId: request.id, companyId: companyId ?? undefined, route: request.routeOptions.url });
}

export interface ErrorsOptions {
  /** Answers an unmatched request that is a page of the dashboard; null when it is not one. */
  clientRoutes?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;
}

async function errorsPlugin(app: FastifyInstance, { clientRoutes }: ErrorsOptions): Promise<void> {
  app.setErrorHandler(sendError);

  app.setNotFoundHandler((request, reply) => {
    if (clientRoutes?.(request, reply)) return;
    reply.status(404).send(body('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}

export default fp(errorsPlugin, { name: 'errors' });
