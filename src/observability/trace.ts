import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): one trace id per request, call
 * turn and job, carried in async context so that log lines and outgoing requests (model,
 * speech, Twilio) name it without every function passing it along.
 */
export interface TraceContext {
  /** 32 lowercase hex characters, never all zeros. */
  traceId: string;
  /** This process's span: the parent id our outgoing requests send. */
  spanId: string;
  /** The trace-flags byte as two hex characters (01: sampled upstream). */
  flags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZEROS = /^0+$/;

/** The upstream trace in a `traceparent` header, or null when it is absent or malformed. */
export function parseTraceparent(header: string | string[] | undefined): { traceId: string; parentId: string; flags: string } | null {
  if (typeof header !== 'string' || header.length > 512) return null;
  const m = TRACEPARENT.exec(header.trim());
  if (!m) return null;
  const [, version, traceId, parentId, flags, rest] = m as unknown as [string, string, string, string, string, string | undefined];
  // Version ff is forbidden; version 00 has exactly four fields; later versions may add more.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (ZEROS.test(traceId) || ZEROS.test(parentId)) return null;
  return { traceId, parentId, flags };
}

const newSpanId = (): string => randomBytes(8).toString('hex');

/** Continues the caller's trace when its `traceparent` is valid, else starts a new one. */
export function startTrace(traceparent?: string | string[]): TraceContext {
  const upstream = parseTraceparent(traceparent);
  if (upstream) return { traceId: upstream.traceId, spanId: newSpanId(), flags: upstream.flags };
  return { traceId: randomBytes(16).toString('hex'), spanId: newSpanId(), flags: '00' };
}

const storage = new AsyncLocalStorage<TraceContext>();

export function runInTrace<T>(trace: TraceContext, fn: () => T): T {
  return storage.run(trace, fn);
}

export const currentTrace = (): TraceContext | undefined => storage.getStore();

/** The `traceparent` header for an outgoing request in the current trace (none outside one). */
export function traceHeaders(): Record<string, string> {
  const trace = storage.getStore();
  return trace ? { traceparent: `00-${trace.traceId}-${trace.spanId}-${trace.flags}` } : {};
}
