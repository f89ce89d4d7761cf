import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { companyDays, parseLocalDateRange, type LocalDateRange, type LocalDay } from '../../time/company-days.ts';
import { formatLocalDate, parseLocalDate } from '../booking/engine/local-date.ts';
import type { BookingConfigService } from '../booking/booking-config.service.ts';
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
 * Business analytics over company-local days: each day's figures are kept once computed and
 * used while nothing they count has changed (see migration 014), so a year beside the year
 * before reads a few hundred small rows, whatever the number of calls.
 */
export function createAnalyticsService(db: Db, deps: { bookingConfig: BookingConfigService }) {
  return {
    async get(companyId: string, query: { from: string; to: string }) {
      // Both dates are required by the route's schema, so the default (today) is never taken.
      const range = parseLocalDateRange(query, query.to, { notADate: 'INVALID_DATE_RANGE', backwards: 'INVALID_DATE_RANGE' });
      const previous = previousOf(range);
      const settings = await deps.bookingConfig.getSettings(companyId);
      const prices = await deps.bookingConfig.listServices(companyId);
      const { timeZone } = settings;
      const days = companyDays(previous.from, range.to, timeZone);
      const open = openHoursOf(days, timeZone, { weeklyHours: settings.weeklyHours, overrides: settings.overrides, holidays: settings.holidays.map((h) => h.date) });
      const figures = await withTenant(db, companyId, async (tx) => {
        // Versions first: a change committed after this read makes what is computed below stale, never wrong.
        const versions = await repo.versions(tx, companyId, utcDate(days[0]!.from.getTime()), utcDate(days.at(-1)!.to.getTime() - 1));
        const kept = new Map((await repo.keptDays(tx, companyId, previous.from, range.to)).map((k) => [k.day, k]));
        const found = new Map<string, DayFigures>();
        const stale: DayToCompute[] = [];
        days.forEach((day, i) => {
          const current = utcDatesOf(day).map((d) => versions.get(d) ?? 0);
          const k = kept.get(day.date);
          const valid = k && k.day_start.getTime() === day.from.getTime() && k.day_end.getTime() === day.to.getTime() && k.open_hours === open.perDay[i] && sameVersions(k.versions, current);
          if (valid) found.set(day.date, k.figures);
          else stale.push({ day, openHours: open.perDay[i]!, versions: current });
        });
        for (const [date, f] of await computeDays(tx, companyId, timeZone, stale, open.multirange)) found.set(date, f);
        return found;
      });
      const dated = (d: LocalDay): DatedFigures => ({ date: d.date, weekday: d.weekday, figures: figures.get(d.date)! });
      const current = days.filter((d) => d.date >= range.from).map(dated);
      const before = days.filter((d) => d.date < range.from).map(dated);
      return {
        timeZone,
        range,
        previousRange: previous,
        current: periodFigures(current, prices),
        previous: periodFigures(before, prices),
        daily: dailySeries(current),
      };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
