import { sql, type RawBuilder } from 'kysely';

/**
 * What a lead is, in one place (analytics, unbooked leads and the daily digest count the same
 * calls): a call with intent to hire, on a customer's channel (the phone or the website widget;
 * the owner's own test chat is not a lead), where the caller answered the agent at least once,
 * and that shows service intent:
 *  - a booking attempt: it made a booking, named a service, or reached a booking step (both
 *    engines label those turns `book.*`);
 *  - an emergency (the outcome, or the fact both engines record);
 *  - a message about a job: a message was taken and the caller described a problem.
 * Managing an existing booking (`manage.*`, `reschedule.*`, `cancel.*`), questions and
 * messages for a person are not leads.
 *
 * SQL over `calls` aliased as `alias`; the booking-step test reads `call_turns` by its primary key.
 */
export function isLead(alias = 'c'): RawBuilder<boolean> {
  const c = sql.table(alias);
  return sql<boolean>`(
    ${c}.channel IN ('phone', 'widget') AND ${c}.turn_count > 0 AND (
      ${c}.booking_id IS NOT NULL
      OR ${c}.outcome IN ('booked', 'emergency')
      OR coalesce(${c}.state #>> '{facts,emergency}', '') = 'true'
      OR ${c}.state #> '{facts,serviceId}' IS NOT NULL
      OR (${c}.outcome = 'message' AND ${c}.state #> '{facts,problem}' IS NOT NULL)
      OR EXISTS (SELECT 1 FROM call_turns lt WHERE lt.company_id = ${c}.company_id AND lt.call_id = ${c}.id AND lt.intent LIKE 'book.%')
    ))`;
}

/**
 * A lead that ended without a booking: the call is over (ended, or started more than
 * `overAfterMinutes` ago: a widget chat has no end signal, and a phone call is cut long before)
 * and no booking came of it.
 */
export function isUnbookedLead(now: Date, alias = 'c', overAfterMinutes = 60): RawBuilder<boolean> {
  const c = sql.table(alias);
  const startedBefore = new Date(now.getTime() - overAfterMinutes * 60_000);
  return sql<boolean>`(${isLead(alias)} AND ${c}.booking_id IS NULL AND ${c}.outcome IS DISTINCT FROM 'booked'
    AND (${c}.ended_at IS NOT NULL OR ${c}.started_at < ${startedBefore}))`;
}
