import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import { companyDays, parseLocalDateRange, type LocalDateRange, type LocalDay } from '../../time/company-days.ts';
import { formatLocalDate, parseLocalDate } from '../booking/engine/local-date.ts';
import type { BookingConfigService } from '../booking/booking-config.service.ts';
import type { RecomputeJob } from './analytics-jobs.ts';
import { DAY_RULES } from './day-rules.ts';
import { analyticsRepository as repo, type DayToKeep, type KeptDay } from './analytics.repository.ts';
import { dayFigures, emptyDay, type Counts, type DayFigures } from './day-figures.ts';
import { openHoursOf } from './open-hours.ts';
import { dailySeries, periodFigures, type DatedFigures } from './period-figures.ts';

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The UTC dates a local day overlaps, in order (a kept day is valid while their versions hold). */
function utcDatesOf(day: LocalDay): string[] {
  const out: string[] = [];
  for (let d = utcDate(day.from.getTime()); d <= utcDate(day.to.getTime() - 1); d = utcDate(Date.parse(`${d}T00:00:00Z`) + 86_400_000)) out.push(d);
  return out;
}

/** Days split where one does not follow the other: each run is read from the calls in one index range. */
function consecutiveRuns(days: LocalDay[]): LocalDay[][] {
  const runs: LocalDay[][] = [];
  for (const d of days) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.to.getTime() === d.from.getTime()) run.push(d);
    else runs.push([d]);
  }
  return runs;
}

/** The period of the same length just before a range. */
function previousOf(range: LocalDateRange): LocalDateRange {
  const first = parseLocalDate(range.from)!;
  return { from: formatLocalDate(first - range.days), to: formatLocalDate(first - 1), days: range.days };
}

const sameVersions = (kept: KeptDay['versions'], current: number[]) => kept.length === current.length && kept.every((v, i) => Number(v) === current[i]);

/** Computes the days from the call records and keeps them, marked with the versions read before. */
async function computeDays(tx: TenantTx, companyId: string, timeZone: string, days: DayToCompute[], multirange: string): Promise<Map<string, DayFigures>> {
  const out = new Map<string, DayFigures>();
  if (days.length === 0) return out;
  const facts: Awaited<ReturnType<typeof repo.callFacts>> = [];
  const latency = new Map<string, DayFigures['latency']>();
  const questions = new Map<string, { questions: Counts; gaps: Counts }>();
  for (const run of consecutiveRuns(days.map((d) => d.day))) {
    facts.push(...(await repo.callFacts(tx, companyId, timeZone, run, multirange)));
    for (const [k, v] of await repo.latency(tx, companyId, run)) latency.set(k, v);
    for (const [k, v] of await repo.questions(tx, companyId, run)) questions.set(k, v);
  }
  const byDay = Map.groupBy(facts, (f) => f.day);
  const keep: DayToKeep[] = days.map(({ day, openHours, versions }) => {
    const blank = emptyDay();
    const figures = dayFigures(byDay.get(day.date) ?? [], {
      latency: latency.get(day.date) ?? blank.latency,
      questions: questions.get(day.date)?.questions ?? {},
      gaps: questions.get(day.date)?.gaps ?? {},
    });
    out.set(day.date, figures);
    return { day: day.date, start: day.from, end: day.to, openHours, versions, figures };
  });
  await repo.keep(tx, companyId, keep);
  return out;
}

interface DayToCompute {
  day: LocalDay;
  openHours: string;
  versions: number[];
}

/**
 * A request computes stale days itself only while they hold at most this many calls (about
 * 0.15 s on PGlite: a day costs ~65 µs a call). Beyond, after a zone or hours change or on a
 * long range never asked for, the recompute job does it and the request answers 503
 * ANALYTICS_RECOMPUTING rather than wait for it (a year at 100,000 calls took 10–60 s) or
 * answer with figures counted on the old clocks.
 */
export const INLINE_CALLS = 2_000;
/**
 * Days per transaction of the job (~1,000 calls at 100,000 a year: ~0.1 s), with a pause
 * after each: PGlite has one session and computes on the event loop, so a request waits for
 * at most the chunk under way, and its next transaction gets in before the job's next chunk.
 */
const CHUNK_DAYS = 7;
const CHUNK_PAUSE_MS = 25;
const RETRY_AFTER_S = 5;

interface Span {
  timeZone: string;
  days: LocalDay[];
  open: ReturnType<typeof openHoursOf>;
}

/** The valid kept days of the span, and those to compute (with the versions read first). */
async function splitKept(tx: TenantTx, companyId: string, { days, open }: Span): Promise<{ found: Map<string, DayFigures>; stale: DayToCompute[] }> {
  // Versions first: a change committed after this read makes what is computed below stale, never wrong.
  const versions = await repo.versions(tx, companyId, utcDate(days[0]!.from.getTime()), utcDate(days.at(-1)!.to.getTime() - 1));
  const kept = new Map((await repo.keptDays(tx, companyId, days[0]!.date, days.at(-1)!.date)).map((k) => [k.day, k]));
  const found = new Map<string, DayFigures>();
  const stale: DayToCompute[] = [];
  days.forEach((day, i) => {
    const current = utcDatesOf(day).map((d) => versions.get(d) ?? 0);
    const k = kept.get(day.date);
    const valid = k && k.rules === DAY_RULES && k.day_start.getTime() === day.from.getTime() && k.day_end.getTime() === day.to.getTime() && k.open_hours === open.perDay[i] && sameVersions(k.versions, current);
    if (valid) found.set(day.date, k.figures);
    else stale.push({ day, openHours: open.perDay[i]!, versions: current });
  });
  return { found, stale };
}

/** Whether the stale days hold more than INLINE_CALLS calls (counted run by run, stopping once over). */
async function overBudget(tx: TenantTx, companyId: string, stale: readonly DayToCompute[]): Promise<boolean> {
  let calls = 0;
  for (const run of consecutiveRuns(stale.map((d) => d.day))) {
    calls += await repo.countCalls(tx, companyId, run[0]!.from, run.at(-1)!.to, INLINE_CALLS + 1 - calls);
    if (calls > INLINE_CALLS) return true;
  }
  return false;
}

/**
 * Business analytics over company-local days: each day's figures are kept once computed and
 * used while nothing they count has changed (see migration 014), so a year beside the year
 * before reads a few hundred small rows, whatever the number of calls. Recomputing many days
 * is the job's work (analytics-jobs.ts), never a request's.
 */
export function createAnalyticsService(db: Db, deps: { bookingConfig: BookingConfigService }) {
  async function spanOf(companyId: string, from: string, to: string) {
    const settings = await deps.bookingConfig.getSettings(companyId);
    const { timeZone } = settings;
    const days = companyDays(from, to, timeZone);
    const open = openHoursOf(days, timeZone, { weeklyHours: settings.weeklyHours, overrides: settings.overrides, holidays: settings.holidays.map((h) => h.date) });
    return { timeZone, days, open };
  }

  return {
    /**
     * The figures of a range beside the period before it. Stale days holding more than
     * INLINE_CALLS calls are handed to `recompute` (which queues the job) and the answer is 503.
     */
    async get(companyId: string, query: { from: string; to: string }, recompute: (job: RecomputeJob) => Promise<unknown>) {
      // Both dates are required by the route's schema, so the default (today) is never taken.
      const range = parseLocalDateRange(query, query.to, { notADate: 'INVALID_DATE_RANGE', backwards: 'INVALID_DATE_RANGE' });
      const previous = previousOf(range);
      const prices = await deps.bookingConfig.listServices(companyId);
      const span = await spanOf(companyId, previous.from, range.to);
      const figures = await withTenant(db, companyId, async (tx) => {
        const { found, stale } = await splitKept(tx, companyId, span);
        if (await overBudget(tx, companyId, stale)) return null;
        for (const [date, f] of await computeDays(tx, companyId, span.timeZone, stale, span.open.multirange)) found.set(date, f);
        return found;
      });
      if (!figures) {
        await recompute({ companyId, from: previous.from, to: range.to });
        throw new AppError('ANALYTICS_RECOMPUTING', 'These figures are being counted again (new time zone or hours, or a long range asked for the first time); try again shortly.', { retryAfterSeconds: RETRY_AFTER_S });
      }
      const dated = (d: LocalDay): DatedFigures => ({ date: d.date, weekday: d.weekday, figures: figures.get(d.date)! });
      const current = span.days.filter((d) => d.date >= range.from).map(dated);
      const before = span.days.filter((d) => d.date < range.from).map(dated);
      return {
        timeZone: span.timeZone,
        range,
        previousRange: previous,
        current: periodFigures(current, prices),
        previous: periodFigures(before, prices),
        daily: dailySeries(current),
      };
    },

    /**
     * Computes the stale days of the span (every kept day without one), newest first so short
     * ranges answer again first, CHUNK_DAYS to a transaction. Returns the days computed.
     */
    async recompute(job: RecomputeJob): Promise<number> {
      const { companyId } = job;
      const bounds = job.from && job.to ? { from: job.from, to: job.to } : await withTenant(db, companyId, (tx) => repo.keptSpan(tx, companyId));
      if (!bounds) return 0;
      const all = await spanOf(companyId, bounds.from, bounds.to);
      let computed = 0;
      for (let end = all.days.length; end > 0; end -= CHUNK_DAYS) {
        const start = Math.max(0, end - CHUNK_DAYS);
        const span = { timeZone: all.timeZone, days: all.days.slice(start, end), open: sliceOpen(all.open, start, end) };
        computed += await withTenant(db, companyId, async (tx) => {
          const { stale } = await splitKept(tx, companyId, span);
          await computeDays(tx, companyId, span.timeZone, stale, span.open.multirange);
          return stale.length;
        });
        await sleep(CHUNK_PAUSE_MS);
      }
      return computed;
    },
  };
}

// The whole span's multirange still covers the chunk's days (the query reads only their calls).
const sliceOpen = (open: Span['open'], start: number, end: number): Span['open'] => ({ multirange: open.multirange, perDay: open.perDay.slice(start, end) });

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
