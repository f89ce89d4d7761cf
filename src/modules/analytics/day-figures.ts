/**
 * One company-local day's figures, from what the call records hold. Pure: the repository reads
 * the facts of each call, this counts them. The result is kept (analytics_days) and summed into
 * periods (period-figures.ts), so everything here adds up across days.
 */

export const OUTCOMES = ['booked', 'answered', 'message', 'transferred', 'emergency', 'abandoned'] as const;
export const CHANNELS = ['phone', 'web', 'widget'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type Channel = (typeof CHANNELS)[number];

/** What one call's records say, as the repository reads them. */
export interface CallFacts {
  /** Local hour the call started (0–23). */
  hour: number;
  channel: Channel;
  /** null: still in progress. */
  outcome: Outcome | null;
  durationSeconds: number | null;
  /** Started outside the company's open hours (weekly hours, date overrides, holidays). */
  afterHours: boolean;
  /** The caller reported an emergency (the outcome, or the call's facts). */
  emergency: boolean;
  /**
   * The call is a lead, as the repository reads it through the one rule (calls/lead-predicate.ts)
   * that the Leads page and the daily digest read too.
   */
  lead: boolean;
  /** A turn handed the caller to a person (a <Dial>, or a chat reply with transferTo). */
  transferred: boolean;
  messages: number;
  /** Service ids of the bookings the agent made on the call that stand (confirmed or completed). */
  keptServices: string[];
  /** Bookings the agent made on the call that were cancelled since. */
  cancelledBookings: number;
}

export interface Percentiles {
  n: number;
  p50: number | null;
  p95: number | null;
}

export type Counts = Record<string, number>;

export interface DayFigures {
  calls: number;
  outcomes: Record<Outcome | 'inProgress', number>;
  channels: Record<Channel, number>;
  /** Calls by local hour started. */
  hours: number[];
  answered: number;
  abandoned: number;
  afterHours: number;
  leads: number;
  /** Leads with a booking that stands. */
  bookedLeads: number;
  bookings: { booked: number; cancelled: number; afterHours: number; byService: Counts };
  emergencies: { total: number; booked: number; transferred: number; message: number; other: number };
  transfers: number;
  messages: number;
  durationSeconds: number;
  timedCalls: number;
  latency: { engine: Percentiles; speech: Percentiles };
  questions: Counts;
  gaps: Counts;
}

/** How an emergency call ended, the strongest first. */
export function emergencyEnding(c: CallFacts): 'booked' | 'transferred' | 'message' | 'other' {
  if (c.outcome === 'booked') return 'booked';
  if (c.transferred) return 'transferred';
  if (c.messages > 0) return 'message';
  return 'other';
}

export function emptyDay(): DayFigures {
  return {
    calls: 0,
    outcomes: { booked: 0, answered: 0, message: 0, transferred: 0, emergency: 0, abandoned: 0, inProgress: 0 },
    channels: { phone: 0, web: 0, widget: 0 },
    hours: Array.from({ length: 24 }, () => 0),
    answered: 0,
    abandoned: 0,
    afterHours: 0,
    leads: 0,
    bookedLeads: 0,
    bookings: { booked: 0, cancelled: 0, afterHours: 0, byService: {} },
    emergencies: { total: 0, booked: 0, transferred: 0, message: 0, other: 0 },
    transfers: 0,
    messages: 0,
    durationSeconds: 0,
    timedCalls: 0,
    latency: { engine: { n: 0, p50: null, p95: null }, speech: { n: 0, p50: null, p95: null } },
    questions: {},
    gaps: {},
  };
}

const add = (counts: Counts, key: string, n = 1) => {
  counts[key] = (counts[key] ?? 0) + n;
};

/** Counts a day's calls; latency and questions come already counted by the database. */
export function dayFigures(calls: readonly CallFacts[], extra: Pick<DayFigures, 'latency' | 'questions' | 'gaps'>): DayFigures {
  const d = { ...emptyDay(), ...extra };
  for (const c of calls) {
    d.calls++;
    d.outcomes[c.outcome ?? 'inProgress']++;
    d.channels[c.channel]++;
    d.hours[c.hour]!++;
    if (c.outcome === 'abandoned') d.abandoned++;
    else if (c.outcome !== null) d.answered++;
    if (c.afterHours) d.afterHours++;
    if (c.lead) d.leads++;
    if (c.lead && c.keptServices.length > 0) d.bookedLeads++;
    for (const s of c.keptServices) add(d.bookings.byService, s);
    d.bookings.booked += c.keptServices.length;
    d.bookings.cancelled += c.cancelledBookings;
    if (c.afterHours) d.bookings.afterHours += c.keptServices.length;
    if (c.emergency) {
      d.emergencies.total++;
      d.emergencies[emergencyEnding(c)]++;
    }
    if (c.transferred) d.transfers++;
    d.messages += c.messages;
    if (c.durationSeconds !== null) {
      d.durationSeconds += c.durationSeconds;
      d.timedCalls++;
    }
  }
  return d;
}
