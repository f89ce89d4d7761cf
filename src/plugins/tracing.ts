import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage } from 'node:http';
import { currentTrace, runInTrace, startTrace, type TraceContext } from '../observability/trace.ts';

const traces = new WeakMap<IncomingMessage, TraceContext>();
/** Marks a request's logger (and, through pino's prototype chain, its children) as bound to its trace. */
const BOUND = Symbol('traceBound');

/** A request's trace, from its `traceparent` header or new; the same object on every call. */
export function requestTrace(raw: IncomingMessage): TraceContext {
  let trace = traces.get(raw);
  if (!trace) {
    trace = startTrace(raw.headers.traceparent);
    traces.set(raw, trace);
  }
  return trace;
}

/** Every line a request's logger writes names the request's trace (pino child bindings). */
export const childLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = (logger, bindings, options, raw) => {
  const child = logger.child({ ...bindings, traceId: requestTrace(raw).traceId }, options) as FastifyBaseLogger & { [BOUND]?: true };
  child[BOUND] = true;
  return child;
};

/**
 * For loggers that are not a request's (the app's, a job's) used inside a request, turn or job:
 * the trace id of the async context the line is written in.
 */
export function traceMixin(_merge: object, _level: number, logger?: unknown): Record<string, string> {
  if ((logger as { [BOUND]?: true } | undefined)?.[BOUND]) return {};
  const trace = currentTrace();
  return trace ? { traceId: trace.traceId } : {};
}

/**
 * Runs each request inside its trace, so outgoing requests made while handling it carry the
 * same `traceparent`. Entered again before the handler: body parsing may resume outside it.
 */
async function tracingPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (request, _reply, done) => runInTrace(requestTrace(request.raw), done));
  app.addHook('preHandler', (request, _reply, done) => runInTrace(requestTrace(request.raw), done));
}

export default fp(tracingPlugin, { name: 'tracing' });
