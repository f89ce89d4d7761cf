import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { App } from '../../src/app.ts';
import { withTenant } from '../../src/db/tenant.ts';

/**
 * Call records written as the agent leaves them, row by row, for analytics fixtures whose
 * figures are counted by hand in the tests.
 */
export interface FixtureCall {
  at: string;
  channel?: 'phone' | 'web' | 'widget';
  outcome?: 'booked' | 'answered' | 'message' | 'transferred' | 'emergency' | 'abandoned' | null;
  seconds?: number | null;
  facts?: Record<string, unknown>;
  /** Turns after the greeting: [intent, caller text, engine ms, speech ms, response]. */
  turns?: [string, string, number, number, string?][];
  greetingSpeechMs?: number;
  messages?: { urgent: boolean }[];
  bookings?: { serviceId: string; status: 'confirmed' | 'cancelled' | 'completed' | 'expired' }[];
}

let slot = 0;

export async function insertCall(app: App, companyId: string, technicianId: string, c: FixtureCall): Promise<string> {
  const db = app.ctx.database.db;
  return withTenant(db, companyId, async (tx) => {
    const started = new Date(c.at);
    const outcome = c.outcome === undefined ? 'answered' : c.outcome;
    const ended = outcome === null ? null : new Date(started.getTime() + (c.seconds ?? 60) * 1000);
    const { id } = await tx.insertInto('calls').values({
      company_id: companyId, call_sid: `CAfx${randomUUID().replace(/-/g, '')}`, channel: c.channel ?? 'phone', status: outcome === null ? 'in_progress' : 'completed',
      outcome, started_at: started, ended_at: ended, duration_seconds: c.seconds === undefined ? 60 : c.seconds, turn_count: c.turns?.length ?? 0, state: JSON.stringify({ facts: c.facts ?? {}, misunderstandings: 0, engine: {} }),
    }).returning('id').executeTakeFirstOrThrow();
    const turns = [['greeting', null, 0, c.greetingSpeechMs ?? 0, '<Response/>'] as const, ...(c.turns ?? [])];
    for (const [seq, [intent, text, engineMs, speechMs, response]] of turns.entries()) {
      await tx.insertInto('call_turns').values({
        company_id: companyId, call_id: id, seq, caller_text: text, agent_text: 'ok', response: response ?? '<Response><Say>ok</Say></Response>',
        intent, engine: seq === 0 ? 'greeting' : 'embedded', engine_ms: engineMs, speech_ms: speechMs,
      }).execute();
    }
    for (const m of c.messages ?? []) {
      await tx.insertInto('messages').values({ company_id: companyId, call_id: id, caller_name: 'Caller', body: 'Please call back', urgent: m.urgent }).execute();
    }
    for (const b of c.bookings ?? []) {
      // A week apart from any other fixture booking, so no two overlap.
      const start = new Date(Date.UTC(2031, 0, 1) + slot++ * 7 * 86_400_000);
      const end = new Date(start.getTime() + 3_600_000);
      await tx.insertInto('bookings').values({
        company_id: companyId, service_id: b.serviceId, technician_id: technicianId, call_id: id, status: b.status, source: 'phone',
        start_at: start, end_at: end, blocked_from: start, blocked_to: end, zip: '60601', cancelled_at: b.status === 'cancelled' ? new Date() : null,
      }).execute();
    }
    return id;
  });
}

/** A service with a price text, and a technician for bookings to name. */
export async function bookingBasics(app: App, companyId: string, services: { name: string; priceText: string }[]) {
  return withTenant(app.ctx.database.db, companyId, async (tx) => {
    const ids = [];
    for (const s of services) {
      ids.push((await tx.insertInto('booking_services').values({ company_id: companyId, name: s.name, duration_minutes: 60, price_text: s.priceText }).returning('id').executeTakeFirstOrThrow()).id);
    }
    const tech = await tx.insertInto('technicians').values({ company_id: companyId, name: 'Fixture Tech' }).returning('id').executeTakeFirstOrThrow();
    return { serviceIds: ids, technicianId: tech.id };
  });
}

/** Sets the status of the standing bookings made on a call. */
export const setBooking = (app: App, companyId: string, bookingStatus: string, callId: string) =>
  withTenant(app.ctx.database.db, companyId, (tx) => sql`UPDATE bookings SET status = ${bookingStatus}, cancelled_at = now() WHERE company_id = ${companyId} AND call_id = ${callId} AND status = 'confirmed'`.execute(tx));
