import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

export interface SeedCompany {
  id: string;
  contactId: string;
  /** A booking service and a technician that booking rows refer to. */
  serviceId: string;
  technicianId: string;
  /** A call that turns and messages refer to. */
  callId: string;
  /** Keeps each company's phone numbers distinct. */
  digit: string;
}
type Row = Record<string, unknown>;
export type RowBuilder = (company: SeedCompany, n: number) => Row;

/**
 * A valid row per tenant table, in dependency order; `n` makes rows distinct within a company.
 * A new tenant table needs an entry here: policies.db.test.ts fails until it has one, so no table
 * escapes the policy checks.
 */
export function rowBuilders(tradeCategoryIds: string[]): Record<string, RowBuilder> {
  return {
    contacts: (c, n) => ({ company_id: c.id, id: n === 0 ? c.contactId : randomUUID(), name: `Policy contact ${n}` }),
    contact_phones: (c, n) => ({ company_id: c.id, e164: `+1312555${c.digit}${String(n).padStart(3, '0')}`, contact_id: c.contactId }),
    audit_log: (c) => ({ company_id: c.id, actor_type: 'system', action: 'test.seeded', entity_type: 'test' }),
    company_trade_categories: (c, n) => ({ company_id: c.id, trade_category_id: tradeCategoryIds[n] }),
    agent_settings_versions: (c, n) => ({ company_id: c.id, version: n + 1, settings: JSON.stringify({ agentName: `Policy agent ${n}` }), actor_type: 'system' }),
    agent_settings: (c) => ({ company_id: c.id, version: 1 }),
    voice_settings: (c) => ({ company_id: c.id, provider: 'elevenlabs', voice_id: 'policyvoice1', model_id: 'eleven_flash_v2_5', stability: 0.5, similarity_boost: 0.75, style: 0, speed: 1 }),
    widget_settings: (c) => ({ company_id: c.id, allowed_origins: [`https://policy-${c.digit}.example`], key_nonce: `policy${c.digit}`.padEnd(22, 'x') }),
    company_secrets: (c, n) => ({ company_id: c.id, name: (['elevenlabs_api_key', 'twilio_auth_token', 'llm_api_key'] as const)[n], ciphertext: `v1:policy${n}:x:y`, last4: 'cy00' }),
    booking_settings: (c) => ({ company_id: c.id, service_area: ['60601'] }),
    booking_services: (c, n) => ({ company_id: c.id, id: n === 0 ? c.serviceId : randomUUID(), name: `Policy service ${n}`, duration_minutes: 60 }),
    technicians: (c, n) => ({ company_id: c.id, id: n === 0 ? c.technicianId : randomUUID(), name: `Policy technician ${n}` }),
    bookings: (c, n) => {
      // One hour per row, a day apart, so rows of one company never overlap.
      const start = new Date(Date.UTC(2030, 0, 1 + n, 15));
      const end = new Date(start.getTime() + 3_600_000);
      return {
        company_id: c.id, service_id: c.serviceId, technician_id: c.technicianId, status: 'confirmed', start_at: start, end_at: end,
        blocked_from: start, blocked_to: end, zip: '60601', customer_name: `Policy customer ${n}`,
      };
    },
    booking_window_counts: (c, n) => ({ company_id: c.id, window_key: `2030-01-0${n + 1}@08:00`, booked: 1, capacity: 3 }),
    knowledge_entries: (c, n) => ({ company_id: c.id, question: `Policy question ${n}?`, answer: `Policy answer ${n}.`, search_text: `policy question ${n}` }),
    // A trade entry (seeded reference data) to override, read by the restricted role itself.
    knowledge_overrides: (c, n) => ({ company_id: c.id, trade_entry_id: sql`(SELECT id FROM platform.trade_knowledge_entries ORDER BY id OFFSET ${n} LIMIT 1)`, enabled: false }),
    unanswered_questions: (c, n) => ({ company_id: c.id, group_key: `policy ${n}`, question: `Policy unanswered ${n}?` }),
    speech_cache: (c, n) => ({ company_id: c.id, key: String(n).padStart(64, '0'), content_type: 'audio/mpeg', audio: Buffer.from([0xff, 0xfb, 0x90, 0xc4]), bytes: 4 }),
    speech_url_keys: (c) => ({ company_id: c.id, generation: 2 }),
    calls: (c, n) => ({ company_id: c.id, id: n === 0 ? c.callId : randomUUID(), call_sid: `CA${c.digit}${n}${randomUUID().replace(/-/g, '').slice(0, 30)}`, from_number: `+1312555${c.digit}${String(n).padStart(3, '0')}` }),
    call_turns: (c, n) => ({ company_id: c.id, call_id: c.callId, seq: n, agent_text: `Policy turn ${n}`, response: '<Response/>', engine: 'embedded' }),
    messages: (c, n) => ({ company_id: c.id, call_id: c.callId, caller_name: `Policy caller ${n}`, body: `Policy message ${n}` }),
    analytics_versions: (c, n) => ({ company_id: c.id, utc_date: `2030-02-0${n + 1}`, version: 1 }),
    analytics_days: (c, n) => ({
      company_id: c.id, day: `2030-02-0${n + 1}`, day_start: new Date(Date.UTC(2030, 1, 1 + n, 6)), day_end: new Date(Date.UTC(2030, 1, 2 + n, 6)),
      open_hours: '', versions: [0, 0], figures: JSON.stringify({ calls: 0 }),
    }),
    lead_follow_ups: (c, n) => ({ company_id: c.id, call_id: sql`(SELECT id FROM calls WHERE company_id = ${c.id} ORDER BY id OFFSET ${n} LIMIT 1)`, actor_type: 'system', actor_label: 'policy' }),
    digest_subscriptions: (c) => ({ company_id: c.id, user_id: randomUUID(), by_email: true }),
    digests: (c, n) => ({ company_id: c.id, local_day: `2030-01-0${n + 1}` }),
    digest_deliveries: (c) => ({ company_id: c.id, local_day: '2030-01-01', user_id: randomUUID(), channel: 'email', status: 'sent' }),
    anonymous_usage: (c, n) => ({ company_id: c.id, day: `2030-01-0${n + 1}`, kind: 'booking_phone', subject: `+1312555${c.digit}${String(n).padStart(3, '0')}`, used: 1 }),
  };
}

export function insertRow(q: Kysely<DB>, table: string, row: Row) {
  const columns = Object.keys(row);
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${sql.join(columns.map((c) => row[c]))})`.execute(q);
}

/** Rows of one company as the connecting (unrestricted) role sees them, comparable before/after. */
export async function snapshot(q: Kysely<DB>, table: string, companyId: string): Promise<string[]> {
  const r = await sql<{ row: string }>`SELECT to_jsonb(t)::text AS row FROM ${sql.table(table)} t WHERE company_id = ${companyId}`.execute(q);
  return r.rows.map((x) => x.row).sort();
}

export async function count(q: Kysely<DB>, table: string, companyId: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE company_id = ${companyId}`.execute(q);
  return r.rows[0]!.n;
}

/** The SQL error a call ends with (code and message), or null when it succeeds. */
export async function sqlErrorOf(run: () => Promise<unknown>): Promise<{ code: string | undefined; message: string } | null> {
  try {
    await run();
    return null;
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message };
  }
}

/** SQLSTATE 42501: permission denied, and also a row refused by a row-level security policy. */
export const INSUFFICIENT_PRIVILEGE = '42501';
