import { DAY_RULES } from './day-rules.ts';
import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';
import type { LocalDay } from '../../time/company-days.ts';
import { isLead } from '../calls/lead-predicate.ts';
import type { CallFacts, Counts, DayFigures, Outcome, Percentiles } from './day-figures.ts';

export interface KeptDay {
  day: string;
  day_start: Date;
  day_end: Date;
  open_hours: string;
  versions: (number | string)[];
  figures: DayFigures;
  rules: number;
}

export interface DayToKeep {
  day: string;
  start: Date;
  end: Date;
  openHours: string;
  versions: number[];
  figures: DayFigures;
}

// The days as a relation: (day, s, e) from three parallel arrays.
const daysOf = (days: readonly LocalDay[]) =>
  sql`unnest(${days.map((d) => d.date)}::date[], ${days.map((d) => d.from)}::timestamptz[], ${days.map((d) => d.to)}::timestamptz[]) AS d(day, s, e)`;

// A call of one of the days (a run of consecutive days), found by the instant it started. The
// run's bounds as constants let the planner read the calls index for that span alone.
const callsOfDays = (companyId: string, days: readonly LocalDay[]) =>
  sql`${daysOf(days)} JOIN calls c ON c.company_id = ${companyId} AND c.started_at >= d.s AND c.started_at < d.e
    AND c.started_at >= ${days[0]!.from} AND c.started_at < ${days.at(-1)!.to}`;

// The question as callers ask it, in plain lower-case words: "What're your hours?" → "what're your hours".
const QUESTION = sql<string>`left(btrim(regexp_replace(lower(t.caller_text), '[^a-z0-9'']+', ' ', 'g')), 200)`;

const asNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export const analyticsRepository = {
  /** The change versions of the company's UTC dates from..to (a date never changed is absent: 0). */
  async versions(tx: TenantTx, companyId: string, from: string, to: string): Promise<Map<string, number>> {
    const r = await tx.selectFrom('analytics_versions').select(['utc_date', 'version'])
      .where('company_id', '=', companyId).where('utc_date', '>=', from).where('utc_date', '<=', to).execute();
    return new Map(r.map((v) => [v.utc_date, Number(v.version)]));
  },

  /** The first and last day the company has kept, if any. */
  async keptSpan(tx: TenantTx, companyId: string): Promise<{ from: string; to: string } | null> {
    const r = await tx.selectFrom('analytics_days').select((eb) => [eb.fn.min('day').as('from'), eb.fn.max('day').as('to')])
      .where('company_id', '=', companyId).executeTakeFirst();
    return r?.from ? { from: String(r.from), to: String(r.to) } : null;
  },

  /** Calls started in [from, to), counted up to `limit` (reading no further): what computing those days would read. */
  async countCalls(tx: TenantTx, companyId: string, from: Date, to: Date, limit: number): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
      SELECT 1 FROM calls WHERE company_id = ${companyId} AND started_at >= ${from} AND started_at < ${to} LIMIT ${limit}) c`.execute(tx);
    return r.rows[0]!.n;
  },

  async keptDays(tx: TenantTx, companyId: string, from: string, to: string): Promise<KeptDay[]> {
    const r = await tx.selectFrom('analytics_days').select(['day', 'day_start', 'day_end', 'open_hours', 'versions', 'figures', 'rules'])
      .where('company_id', '=', companyId).where('day', '>=', from).where('day', '<=', to).execute();
    return r as KeptDay[];
  },

  /** What each call of the days holds, with its day: one row per call. */
  async callFacts(tx: TenantTx, companyId: string, timeZone: string, days: readonly LocalDay[], openHours: string): Promise<(CallFacts & { day: string })[]> {
    const r = await sql<{
      day: string; hour: number; channel: CallFacts['channel']; outcome: Outcome | null; duration_seconds: number | null; after_hours: boolean;
      emergency: boolean; lead: boolean; transferred: boolean; messages: number; kept: string[] | null; cancelled: number;
    }>`
      SELECT d.day::text AS day, extract(hour FROM c.started_at AT TIME ZONE ${timeZone})::int AS hour, c.channel, c.outcome, c.duration_seconds,
        NOT (c.started_at <@ ${openHours}::tstzmultirange) AS after_hours,
        (c.outcome IS NOT DISTINCT FROM 'emergency' OR coalesce(c.state #>> '{facts,emergency}', '') = 'true') AS emergency,
        ${isLead('c')} AS lead, coalesce(t.transferred, false) AS transferred,
        coalesce(m.n, 0)::int AS messages, b.kept, coalesce(b.cancelled, 0)::int AS cancelled
      FROM ${callsOfDays(companyId, days)}
      LEFT JOIN LATERAL (
        SELECT bool_or(strpos(t.response, '<Dial') > 0 OR strpos(t.response, '"transferTo":"') > 0) AS transferred
        FROM call_turns t WHERE t.company_id = c.company_id AND t.call_id = c.id) t ON true
      LEFT JOIN LATERAL (
        SELECT count(*) AS n FROM messages m WHERE m.company_id = c.company_id AND m.call_id = c.id) m ON true
      LEFT JOIN LATERAL (
        SELECT array_agg(b.service_id::text) FILTER (WHERE b.status IN ('confirmed', 'completed')) AS kept,
               count(*) FILTER (WHERE b.status = 'cancelled') AS cancelled
        FROM bookings b WHERE b.company_id = c.company_id AND b.call_id = c.id AND b.source = 'phone') b ON true`.execute(tx);
    return r.rows.map((x) => ({
      day: x.day, hour: x.hour, channel: x.channel, outcome: x.outcome, durationSeconds: x.duration_seconds, afterHours: x.after_hours,
      emergency: x.emergency, lead: x.lead, transferred: x.transferred,
      messages: x.messages, keptServices: x.kept ?? [], cancelledBookings: x.cancelled,
    }));
  },

  /**
   * Turn latency per day (nearest rank): the engine's time on the caller's turns (not the
   * greeting), speech synthesis on every turn of phone calls.
   */
  async latency(tx: TenantTx, companyId: string, days: readonly LocalDay[]): Promise<Map<string, { engine: Percentiles; speech: Percentiles }>> {
    const r = await sql<{ day: string; en: number; e50: number | null; e95: number | null; sn: number; s50: number | null; s95: number | null }>`
      SELECT d.day::text AS day,
        count(*) FILTER (WHERE t.seq > 0)::int AS en,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY t.engine_ms) FILTER (WHERE t.seq > 0) AS e50,
        percentile_disc(0.95) WITHIN GROUP (ORDER BY t.engine_ms) FILTER (WHERE t.seq > 0) AS e95,
        count(*) FILTER (WHERE c.channel = 'phone')::int AS sn,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY t.speech_ms) FILTER (WHERE c.channel = 'phone') AS s50,
        percentile_disc(0.95) WITHIN GROUP (ORDER BY t.speech_ms) FILTER (WHERE c.channel = 'phone') AS s95
      FROM ${callsOfDays(companyId, days)}
      JOIN call_turns t ON t.company_id = c.company_id AND t.call_id = c.id
      GROUP BY d.day`.execute(tx);
    return new Map(r.rows.map((x) => [x.day, {
      engine: { n: x.en, p50: asNumber(x.e50), p95: asNumber(x.e95) },
      speech: { n: x.sn, p50: asNumber(x.s50), p95: asNumber(x.s95) },
    }]));
  },

  /** Questions callers asked per day: answered from knowledge (`faq`) and not (`faq.unknown`). */
  async questions(tx: TenantTx, companyId: string, days: readonly LocalDay[]): Promise<Map<string, { questions: Counts; gaps: Counts }>> {
    const r = await sql<{ day: string; gap: boolean; question: string; n: number }>`
      SELECT d.day::text AS day, t.intent = 'faq.unknown' AS gap, ${QUESTION} AS question, count(*)::int AS n
      FROM ${callsOfDays(companyId, days)}
      JOIN call_turns t ON t.company_id = c.company_id AND t.call_id = c.id
      WHERE t.intent IN ('faq', 'faq.unknown') AND t.caller_text IS NOT NULL
      GROUP BY 1, 2, 3`.execute(tx);
    const out = new Map<string, { questions: Counts; gaps: Counts }>();
    for (const x of r.rows) {
      if (x.question === '') continue;
      let day = out.get(x.day);
      if (!day) out.set(x.day, (day = { questions: {}, gaps: {} }));
      (x.gap ? day.gaps : day.questions)[x.question] = x.n;
    }
    return out;
  },

  async keep(tx: TenantTx, companyId: string, days: readonly DayToKeep[]): Promise<void> {
    if (days.length === 0) return;
    await tx.insertInto('analytics_days')
      .values(days.map((d) => ({
        company_id: companyId, day: d.day, day_start: d.start, day_end: d.end, open_hours: d.openHours, versions: d.versions, figures: JSON.stringify(d.figures), rules: DAY_RULES,
      })))
      .onConflict((oc) => oc.columns(['company_id', 'day']).doUpdateSet((eb) => ({
        day_start: eb.ref('excluded.day_start'), day_end: eb.ref('excluded.day_end'), open_hours: eb.ref('excluded.open_hours'),
        versions: eb.ref('excluded.versions'), figures: eb.ref('excluded.figures'), rules: eb.ref('excluded.rules'), computed_at: sql`now()`,
      })))
      .execute();
  },
};
