import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';

export const CALLS = 100_000;
export const BOOKINGS = 20_000;
/** Calls are spread over two years, so a 366-day range and the period before it hold them all. */
const SPREAD_SECONDS = Math.floor((730 * 86_400) / CALLS);

const QUESTIONS = [
  'what are your hours', 'do you work on weekends', 'how much is drain cleaning', 'are you licensed and insured', 'do you serve evanston',
  'how soon can someone come', 'do you install tankless water heaters', 'what does a water heater cost', 'do you offer financing', 'is there a trip charge',
];

/**
 * One large company's call records, written set-based (INSERT … SELECT generate_series) by the
 * connecting role: calls with four turns each, a booking on every fifth call (a tenth of them
 * cancelled), a message on every message call. Outcomes, channels, emergencies, transfers and
 * questions cycle, so every figure has something to count.
 */
export async function generateLargeCompany(db: Db, companyId: string, serviceIds: string[], technicianId: string, now: Date): Promise<void> {
  await sql`
    INSERT INTO calls (company_id, call_sid, channel, status, outcome, started_at, ended_at, duration_seconds, turn_count, state)
    SELECT ${companyId}, 'CAbench' || g, (ARRAY['phone','phone','phone','phone','web','widget'])[1 + g % 6], 'completed',
      (ARRAY['booked','answered','message','transferred','emergency','abandoned','answered'])[1 + g % 7],
      ${now}::timestamptz - g * ${SPREAD_SECONDS} * interval '1 second', ${now}::timestamptz - g * ${SPREAD_SECONDS} * interval '1 second' + interval '3 minutes',
      30 + g % 600, 3,
      CASE WHEN g % 23 = 0 THEN '{"facts":{"emergency":true}}' WHEN g % 5 = 0 THEN '{"facts":{"problem":"water heater leaking"}}' ELSE '{"facts":{}}' END::jsonb
    FROM generate_series(1, ${CALLS}) g`.execute(db);
  await sql`
    INSERT INTO call_turns (company_id, call_id, seq, caller_text, agent_text, response, intent, engine, engine_ms, speech_ms, created_at)
    SELECT c.company_id, c.id, s,
      CASE WHEN s = 0 THEN NULL ELSE (${QUESTIONS}::text[])[1 + (abs(hashtext(c.id::text)) + s) % ${QUESTIONS.length}] END,
      'ok', CASE WHEN c.outcome = 'transferred' AND s = 3 THEN '<Response><Dial>+13125550100</Dial></Response>' ELSE '<Response><Say>ok</Say></Response>' END,
      CASE WHEN s = 0 THEN 'greeting' WHEN s = 1 THEN (ARRAY['faq','book.time','faq.unknown','message.body','faq'])[1 + abs(hashtext(c.id::text)) % 5] ELSE 'book.name' END,
      CASE WHEN s = 0 THEN 'greeting' ELSE 'embedded' END,
      CASE WHEN s = 0 THEN 0 ELSE 40 + abs(hashtext(c.id::text || s)) % 900 END, abs(hashtext(s || c.id::text)) % 1200,
      c.started_at + s * interval '20 seconds'
    FROM calls c, generate_series(0, 3) s WHERE c.company_id = ${companyId}`.execute(db);
  // Bookings: one technician, two hours apart, so the exclusion constraint holds for every standing one.
  await sql`
    INSERT INTO bookings (company_id, service_id, technician_id, call_id, status, source, start_at, end_at, blocked_from, blocked_to, zip, customer_name)
    SELECT c.company_id, (${serviceIds}::uuid[])[1 + n % ${serviceIds.length}], ${technicianId}, c.id,
      CASE WHEN n % 10 = 0 THEN 'cancelled' WHEN c.started_at < ${now}::timestamptz - interval '1 day' THEN 'completed' ELSE 'confirmed' END, 'phone',
      ${now}::timestamptz + n * interval '2 hours', ${now}::timestamptz + n * interval '2 hours' + interval '1 hour',
      ${now}::timestamptz + n * interval '2 hours', ${now}::timestamptz + n * interval '2 hours' + interval '1 hour', '60614', 'Bench customer'
    FROM (SELECT c.*, row_number() OVER (ORDER BY c.started_at) AS n FROM calls c WHERE c.company_id = ${companyId} AND c.call_sid LIKE 'CAbench%' AND substr(c.call_sid, 8)::int % 5 = 0) c
    WHERE n <= ${BOOKINGS}`.execute(db);
  await sql`
    INSERT INTO messages (company_id, call_id, caller_name, body, urgent)
    SELECT company_id, id, 'Bench caller', 'Please call me back', substr(call_sid, 8)::int % 3 = 0 FROM calls WHERE company_id = ${companyId} AND outcome = 'message'`.execute(db);
  await sql`ANALYZE`.execute(db);
}
