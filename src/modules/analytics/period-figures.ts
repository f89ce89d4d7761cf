import { CHANNELS, emptyDay, type Counts, type DayFigures } from './day-figures.ts';
import { priceRange } from '../booking/price-range.ts';

/** One kept day as the period sums it: its figures and its weekday (0 = Monday). */
export interface DatedFigures {
  date: string;
  weekday: number;
  figures: DayFigures;
}

export interface ServicePrice {
  id: string;
  priceText: string;
}

const TOP = 10;

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function addCounts(into: Counts, from: Counts): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

/** The most frequent first, then alphabetical, so equal counts come out the same every time. */
export function topOf(counts: Counts, limit = TOP): { question: string; count: number }[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([question, count]) => ({ question, count }));
}

/** A period's figures: its days summed, shares and averages, the booked value at today's prices. */
export function periodFigures(days: readonly DatedFigures[], prices: readonly ServicePrice[]) {
  const t = emptyDay();
  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const { weekday, figures: d } of days) {
    t.calls += d.calls;
    for (const k of Object.keys(t.outcomes) as (keyof DayFigures['outcomes'])[]) t.outcomes[k] += d.outcomes[k];
    for (const k of CHANNELS) t.channels[k] += d.channels[k];
    d.hours.forEach((n, h) => (heatmap[weekday]![h]! += n));
    t.answered += d.answered;
    t.abandoned += d.abandoned;
    t.afterHours += d.afterHours;
    t.leads += d.leads;
    t.bookedLeads += d.bookedLeads;
    t.bookings.booked += d.bookings.booked;
    t.bookings.cancelled += d.bookings.cancelled;
    t.bookings.afterHours += d.bookings.afterHours;
    addCounts(t.bookings.byService, d.bookings.byService);
    for (const k of Object.keys(t.emergencies) as (keyof DayFigures['emergencies'])[]) t.emergencies[k] += d.emergencies[k];
    t.transfers += d.transfers;
    t.messages += d.messages;
    t.durationSeconds += d.durationSeconds;
    t.timedCalls += d.timedCalls;
    addCounts(t.questions, d.questions);
    addCounts(t.gaps, d.gaps);
  }
  const priceOf = new Map(prices.map((p) => [p.id, priceRange(p.priceText)]));
  let valueLow = 0;
  let valueHigh = 0;
  let unpriced = 0;
  for (const [serviceId, n] of Object.entries(t.bookings.byService)) {
    const price = priceOf.get(serviceId);
    if (!price) unpriced += n;
    else {
      valueLow += n * price.low;
      valueHigh += n * price.high;
    }
  }
  return {
    calls: t.calls,
    outcomes: t.outcomes,
    channels: t.channels,
    answered: t.answered,
    abandoned: t.abandoned,
    inProgress: t.outcomes.inProgress,
    afterHours: t.afterHours,
    afterHoursShare: share(t.afterHours, t.calls),
    leads: t.leads,
    bookingRate: share(t.bookedLeads, t.leads),
    bookings: { booked: t.bookings.booked, cancelled: t.bookings.cancelled, afterHours: t.bookings.afterHours, valueLow, valueHigh, unpriced },
    emergencies: t.emergencies,
    transfers: t.transfers,
    messages: t.messages,
    averageCallSeconds: t.timedCalls === 0 ? null : Math.round(t.durationSeconds / t.timedCalls),
    heatmap,
    topQuestions: topOf(t.questions),
    knowledgeGaps: topOf(t.gaps),
  };
}

export type PeriodFigures = ReturnType<typeof periodFigures>;

/** Per day of the range: calls, leads, bookings and turn latency (ms). */
export function dailySeries(days: readonly DatedFigures[]) {
  return days.map(({ date, figures: d }) => ({
    date,
    calls: d.calls,
    leads: d.leads,
    bookings: d.bookings.booked,
    turns: d.latency.engine.n,
    engineP50: d.latency.engine.p50,
    engineP95: d.latency.engine.p95,
    speechP50: d.latency.speech.p50,
    speechP95: d.latency.speech.p95,
  }));
}
