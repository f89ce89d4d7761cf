import type { CallsQuery } from '../api/list-calls.ts';
import { nextDate, zonedDayStart } from '../../../lib/format.ts';

export const PAGE_SIZE = 25;

const OUTCOME_VALUES = ['booked', 'answered', 'message', 'transferred', 'emergency', 'abandoned'] as const;
const CHANNEL_VALUES = ['phone', 'web', 'widget'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The log's filters as they stand in the URL (so a filtered log can be linked to and shared). */
export interface CallFilters {
  outcome: CallsQuery['outcome'];
  channel: CallsQuery['channel'];
  emergency: 'true' | 'false' | undefined;
  caller: string;
  /** Company-local dates, both days included. */
  from: string | undefined;
  to: string | undefined;
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (values as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

export function readFilters(params: URLSearchParams): CallFilters {
  const page = Number(params.get('page'));
  return {
    outcome: oneOf(OUTCOME_VALUES, params.get('outcome')),
    channel: oneOf(CHANNEL_VALUES, params.get('channel')),
    emergency: oneOf(['true', 'false'] as const, params.get('emergency')),
    caller: params.get('caller')?.slice(0, 100) ?? '',
    from: DATE.test(params.get('from') ?? '') ? params.get('from')! : undefined,
    to: DATE.test(params.get('to') ?? '') ? params.get('to')! : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The API query for the filters; dates become the instants their company-local days begin. */
export function queryOf(f: CallFilters, timeZone: string): CallsQuery {
  const from = f.from ? zonedDayStart(f.from, timeZone) : null;
  const to = f.to ? zonedDayStart(nextDate(f.to), timeZone) : null;
  return {
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.emergency ? { emergency: f.emergency === 'true' } : {}),
    ...(f.caller.trim() ? { caller: f.caller.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The URL search of a set of filters (empty ones left out). */
export function searchOf(f: Partial<CallFilters>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1)) continue;
    p.set(k, String(v));
  }
  return p;
}

export const hasFilters = (f: CallFilters) => Boolean(f.outcome || f.channel || f.emergency || f.caller || f.from || f.to);
