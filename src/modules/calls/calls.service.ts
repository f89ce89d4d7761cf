import type { Db } from '../../db/connect.ts';
import type { CallOutcomeColumn, CallStatus } from '../../db/schema.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import { normalizePhone } from '../../phone/normalize.ts';
import type { Actor } from '../auth/principal.ts';
import type { ContactsService } from '../contacts/contacts.service.ts';
import { callsRepository as repo, type CallFilter, type TurnValues } from './calls.repository.ts';
import { turnEffects } from './turn-response.ts';

type CallRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type ListedRow = NonNullable<Awaited<ReturnType<typeof repo.findListed>>>;
type TurnRow = Awaited<ReturnType<typeof repo.turns>>[number];

export const presentCall = (r: ListedRow) => ({
  id: r.id,
  callSid: r.call_sid,
  channel: r.channel,
  fromNumber: r.from_number,
  toNumber: r.to_number,
  status: r.status,
  outcome: r.outcome,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  durationSeconds: r.duration_seconds,
  contactId: r.contact_id,
  bookingId: r.booking_id,
  turnCount: r.turn_count,
  callerName: r.caller_name ?? null,
  emergency: r.emergency,
});

const presentTurn = (t: TurnRow) => ({
  seq: t.seq,
  callerText: t.caller_text,
  confidence: t.confidence,
  agentText: t.agent_text,
  intent: t.intent,
  engine: t.engine,
  engineMs: t.engine_ms,
  speechMs: t.speech_ms,
  transport: t.transport,
  firstSentMs: t.first_sent_ms,
  firstHeardMs: t.first_heard_ms,
  interrupted: t.interrupted,
  heardText: t.heard_text,
  at: t.created_at,
  ...turnEffects(t.response),
});

export interface CallRecord {
  id: string;
  callSid: string;
  channel: 'phone' | 'web' | 'widget';
  fromNumber: string | null;
  contactId: string | null;
  startedAt: Date;
  status: CallStatus;
  turnCount: number;
  state: Record<string, unknown>;
}

const recordOf = (r: CallRow): CallRecord => ({
  id: r.id,
  callSid: r.call_sid,
  channel: r.channel,
  fromNumber: r.from_number,
  contactId: r.contact_id,
  startedAt: r.started_at,
  status: r.status,
  turnCount: r.turn_count,
  state: r.state,
});

/** A write the turn made that belongs with its record (another module's, run in the record's transaction). */
export type TurnWrite = (tx: TenantTx) => Promise<unknown>;

export interface TurnUpdate {
  state: object;
  outcome?: CallOutcomeColumn | undefined;
  bookingId?: string | undefined;
  /** What the call learned of the caller: fills the blanks of their contact. */
  learned?: { name?: string | undefined; address?: string | undefined; zip?: string | undefined } | undefined;
  /** What it knew before this turn: only what changed is written to the contact. */
  known?: { name?: string | undefined; address?: string | undefined; zip?: string | undefined } | undefined;
  /** Written only with the turn: a repeated delivery of it writes none of them again. Run last. */
  writes?: readonly TurnWrite[] | undefined;
}

/**
 * Call records: one row per call keyed by its CallSid, one per turn, the conversation state
 * between turns. Every write is idempotent, since Twilio repeats deliveries.
 */
export function createCallsService(db: Db, deps: { contacts: ContactsService }) {
  const { contacts } = deps;
  const AGENT: Actor = { type: 'system', id: null, label: 'phone agent' };

  return {
    /** Personal-data retention: deletes the company's calls (and transcripts) begun before `cutoff`. */
    purgeBefore(companyId: string, cutoff: Date): Promise<number> {
      return withTenant(db, companyId, (tx) => repo.deleteStartedBefore(tx, companyId, cutoff));
    },

    /**
     * The call of this CallSid, created (with the caller's contact, by caller id) on first
     * sight; with `seq`, also the response already recorded for that turn (a repeated delivery).
     */
    async begin(
      companyId: string,
      input: { callSid: string; channel: 'phone' | 'web' | 'widget'; from: string | null; to: string | null; at: Date },
      seq?: number,
    ): Promise<{ call: CallRecord; created: boolean; recorded?: { response: string } | undefined }> {
      const caller = input.from ? normalizePhone(input.from) : null;
      return withTenant(db, companyId, async (tx) => {
        const existing = await repo.findBySid(tx, companyId, input.callSid);
        if (existing) {
          const turn = seq === undefined ? undefined : await repo.findTurn(tx, companyId, existing.id, seq);
          return { call: recordOf(existing), created: false, recorded: turn ? { response: turn.response } : undefined };
        }
        const contact = caller ? (await contacts.findOrCreateByPhoneIn(tx, AGENT, companyId, caller)).contact : null;
        const { call, created } = await repo.upsert(tx, companyId, {
          call_sid: input.callSid, channel: input.channel, from_number: caller ?? input.from, to_number: input.to, contact_id: contact?.id ?? null, started_at: input.at,
        });
        return { call: recordOf(call), created };
      });
    },

    async findBySid(companyId: string, callSid: string): Promise<CallRecord | undefined> {
      const row = await withTenant(db, companyId, (tx) => repo.findBySid(tx, companyId, callSid));
      return row ? recordOf(row) : undefined;
    },

    /** The recorded response of a turn, for answering a repeated delivery with the same words. */
    async recordedTurn(companyId: string, callId: string, seq: number): Promise<{ response: string; agentText: string; firstSentMs: number | null } | undefined> {
      const turn = await withTenant(db, companyId, (tx) => repo.findTurn(tx, companyId, callId, seq));
      return turn ? { response: turn.response, agentText: turn.agent_text, firstSentMs: turn.first_sent_ms } : undefined;
    },

    /**
     * Records a turn, the state after it and the turn's own writes, in one transaction and once:
     * when another delivery of the same turn got there first, its response is returned instead
     * and nothing is written.
     */
    async recordTurn(companyId: string, callId: string, turn: TurnValues, update: TurnUpdate): Promise<{ recorded: boolean; response: string }> {
      return withTenant(db, companyId, async (tx) => {
        if (!(await repo.insertTurn(tx, companyId, callId, turn))) {
          const first = await repo.findTurn(tx, companyId, callId, turn.seq);
          return { recorded: false, response: first!.response };
        }
        // One statement: the row lock, the state and the stronger outcome together.
        const call = await repo.advance(tx, companyId, callId, { state: JSON.stringify(update.state), seq: turn.seq, outcome: update.outcome ?? null, bookingId: update.bookingId ?? null });
        if (!call) throw notFound('Call');
        // The contact is enriched when the call learns something new, not on every turn.
        const learned = Object.fromEntries(Object.entries(update.learned ?? {}).filter(([k, v]) => v && v !== update.known?.[k as keyof typeof update.learned])) as Record<string, string>;
        if (call.from_number && normalizePhone(call.from_number) && Object.keys(learned).length > 0) {
          const { contact } = await contacts.findOrCreateByPhoneIn(tx, AGENT, companyId, call.from_number, learned);
          if (contact.id !== call.contact_id) await repo.updateCall(tx, companyId, callId, { contact_id: contact.id });
        }
        // Last: a write may take a lock held to the commit (an unanswered question's), so it
        // waits on nothing else while holding it.
        for (const write of update.writes ?? []) await write(tx);
        return { recorded: true, response: turn.response };
      });
    },

    /**
     * A streaming call's word on how a turn went out, written after it was sent: when its first
     * token left (the turn is recorded before it is sent), when its first audio reached the caller
     * (only the first mark counts), or that the caller cut in and what they had heard by then.
     */
    async markHeard(companyId: string, callId: string, seq: number, heard: { firstSentMs?: number; firstHeardMs?: number; interrupted?: boolean; heardText?: string | null }): Promise<void> {
      await withTenant(db, companyId, async (tx) => {
        const turn = await repo.findTurn(tx, companyId, callId, seq);
        if (!turn) return;
        const patch: { first_sent_ms?: number; first_heard_ms?: number; interrupted?: boolean; heard_text?: string | null } = {};
        if (heard.firstSentMs !== undefined && turn.first_sent_ms === null) patch.first_sent_ms = Math.max(0, Math.round(heard.firstSentMs));
        if (heard.firstHeardMs !== undefined && turn.first_heard_ms === null) patch.first_heard_ms = Math.max(0, Math.round(heard.firstHeardMs));
        if (heard.interrupted) Object.assign(patch, { interrupted: true, heard_text: heard.heardText ?? null });
        if (Object.keys(patch).length > 0) await repo.markHeard(tx, companyId, callId, seq, patch);
      });
    },

    /** Twilio's status callback: the call ended (or never connected). Repeats change nothing. */
    async finish(companyId: string, callSid: string, input: { status: CallStatus; durationSeconds: number | null; endedAt: Date }): Promise<boolean> {
      return withTenant(db, companyId, async (tx) => {
        const call = await repo.findBySid(tx, companyId, callSid);
        if (!call) return false;
        if (call.ended_at) return true;
        await repo.updateCall(tx, companyId, call.id, {
          status: input.status,
          ended_at: input.endedAt,
          duration_seconds: input.durationSeconds,
          outcome: call.outcome ?? 'abandoned',
        });
        return true;
      });
    },

    async list(companyId: string, filter: Omit<CallFilter, 'caller'> & { caller?: string | undefined }, page: PageRequest) {
      const digits = filter.caller?.replace(/\D/g, '');
      const caller = filter.caller?.trim() ? { text: filter.caller.trim(), digits: digits && digits.length >= 3 ? digits : undefined } : undefined;
      const rows = await withTenant(db, companyId, (tx) => repo.list(tx, companyId, { ...filter, caller }, page));
      return toPage(rows.map(presentCall), page);
    },

    /** Calls in each span: how many by outcome, emergencies, bookings the agent made. */
    async summarize(companyId: string, spans: { from: Date; to: Date }[]) {
      return withTenant(db, companyId, async (tx) => {
        const out = [];
        for (const span of spans) out.push(await repo.summary(tx, companyId, span));
        return out;
      });
    },

    /** A call with its transcript, turn by turn. */
    async get(companyId: string, id: string) {
      return withTenant(db, companyId, async (tx) => {
        const call = await repo.findListed(tx, companyId, id);
        if (!call) throw notFound('Call');
        return { ...presentCall(call), transcript: (await repo.turns(tx, companyId, id)).map(presentTurn) };
      });
    },
  };
}

export type CallsService = ReturnType<typeof createCallsService>;
