/**
 * What an error report may carry: the error's type, a scrubbed message and stack frames, and
 * the tags we set (release, environment, request, trace, company and job ids). Never personal
 * data or credentials: no phone numbers, emails, addresses, transcripts, keys, tokens, cookies,
 * authorization headers or request bodies. Pure: it walks the event and returns a copy.
 */

const PHONE = /\+?\d[\d ().-]{5,}\d/g;
const EMAIL = /[^\s@"'<>()]+@[^\s@"'<>()]+\.[a-z]{2,}/gi;
const BEARER = /\b(bearer|basic)\s+[\w.~+/=-]+/gi;
/** Long opaque runs (keys, tokens, signatures); uuids are ids and stay readable. */
const OPAQUE = /\b(?![0-9a-f]{8}-[0-9a-f]{4}-)[A-Za-z0-9_+/=-]{24,}\b/g;
/** Quoted text in a message is data (what a caller said, an address, a value): never kept. */
const QUOTED = /"[^"]*"|'[^']*'|“[^”]*”/g;
/** PostgreSQL's `Key (phone)=(+1555...)` details. */
const KEY_DETAIL = /=\([^)]*\)/g;
/** A street address: a house number, a few words, a street type. */
const STREET = /\b\d{1,6}\s+(?:[A-Za-z0-9.'-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|terrace|parkway|pkwy|circle|highway|hwy)\b\.?/gi;
const URL_QUERY = /(https?:\/\/[^\s?#]+)\?[^\s#]*/g;

const SENSITIVE_KEY = /pass|secret|token|key|auth|cookie|session|signature|phone|email|address|transcript|utterance|caller|text|body|data|message|name|zip|sms|speech|to$|from$/i;

/** Identifiers of the report itself, kept as they are. */
const ID_KEYS = new Set(['event_id', 'trace_id', 'span_id', 'parent_span_id', 'release', 'environment', 'timestamp', 'version']);
/** Where in our code the error happened (stack frames): code, not data. */
const CODE_KEYS = new Set(['filename', 'abs_path', 'module', 'function']);

/** Keys of an event that describe the report itself and hold no data. */
const SAFE_KEYS = new Set(['type', 'value', 'filename', 'function', 'module', 'lineno', 'colno', 'in_app', 'abs_path', 'platform', 'level', 'event_id', 'timestamp', 'release', 'environment', 'server_name', 'mechanism', 'handled', 'synthetic', 'frames', 'stacktrace', 'values', 'exception', 'tags', 'sdk', 'contexts', 'fingerprint', 'transaction', 'trace', 'trace_id', 'span_id', 'logger']);

export function scrubText(text: string): string {
  return text
    .replace(URL_QUERY, '$1?[redacted]')
    .replace(BEARER, '$1 [redacted]')
    .replace(EMAIL, '[email]')
    .replace(QUOTED, '[redacted]')
    .replace(KEY_DETAIL, '=([redacted])')
    .replace(OPAQUE, '[redacted]')
    .replace(PHONE, '[number]')
    .replace(STREET, '[address]');
}

function scrubValue(value: unknown, key: string, depth: number): unknown {
  if (depth > 8) return '[redacted]';
  if (typeof value === 'string' && (ID_KEYS.has(key) || CODE_KEYS.has(key))) return value;
  if (typeof value === 'string') return !SAFE_KEYS.has(key) && SENSITIVE_KEY.test(key) ? '[redacted]' : scrubText(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, key, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!SAFE_KEYS.has(k) && SENSITIVE_KEY.test(k) && (typeof v !== 'object' || v === null)) out[k] = '[redacted]';
      else out[k] = scrubValue(v, k, depth + 1);
    }
    return out;
  }
  return value;
}

/** Tags we set ourselves: ids, never data. */
const TAG = /^[\w.:/-]{1,200}$/;

/**
 * The event as it may leave the process: request, user, extra data and breadcrumbs dropped
 * (they are where bodies, headers, cookies and addresses travel), everything else scrubbed.
 */
export function scrubEvent<E extends Record<string, unknown>>(event: E): E {
  const { request, user, extra, breadcrumbs, tags, ...rest } = event as Record<string, unknown>;
  void request; void user; void extra; void breadcrumbs;
  const kept = scrubValue(rest, '', 0) as Record<string, unknown>;
  const safeTags = Object.fromEntries(Object.entries((tags as Record<string, unknown> | undefined) ?? {}).filter(([, v]) => typeof v === 'string' && TAG.test(v)));
  return { ...kept, tags: safeTags } as unknown as E;
}
