import type { Generated } from 'kysely';
import type { Timestamp, NullableTimestamp, JsonOf } from './columns.ts';

/** Calls, their turns, messages taken, and synthesised speech. */

/** Synthesised speech per company, keyed by a hash of company, text, voice and settings. */
export interface SpeechCacheTable {
  company_id: string;
  key: string;
  content_type: string;
  /** `Buffer` on a server, `Uint8Array` on PGlite. */
  audio: Uint8Array;
  bytes: number;
  /** A prepared set phrase (cacheable URL); false: may carry a caller's details (expiring URL). */
  fixed: Generated<boolean>;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

export interface SpeechUrlKeysTable {
  company_id: string;
  generation: number;
}

export type CallStatus = 'in_progress' | 'completed' | 'busy' | 'no_answer' | 'failed' | 'canceled';
export type CallOutcomeColumn = 'booked' | 'answered' | 'message' | 'transferred' | 'emergency' | 'abandoned';

export interface CallsTable {
  company_id: string;
  id: Generated<string>;
  call_sid: string;
  channel: Generated<'phone' | 'web' | 'widget'>;
  from_number: string | null;
  to_number: string | null;
  status: Generated<CallStatus>;
  outcome: CallOutcomeColumn | null;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  duration_seconds: number | null;
  contact_id: string | null;
  booking_id: string | null;
  state: JsonOf<Record<string, unknown>>;
  turn_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallTurnsTable {
  company_id: string;
  call_id: string;
  seq: number;
  caller_text: string | null;
  confidence: number | null;
  agent_text: string;
  response: string;
  intent: string | null;
  engine: 'greeting' | 'embedded' | 'llm' | 'fallback' | 'system';
  engine_ms: Generated<number>;
  speech_ms: Generated<number>;
  /** What carried the turn; null on rows from before real-time voice. */
  transport: VoiceTransport | null;
  /** Caller's end of speech → our first text token or audio frame sent (streaming calls). */
  first_sent_ms: number | null;
  /** Caller's end of speech → our first audio the caller heard (a Media Streams mark). */
  first_heard_ms: number | null;
  interrupted: Generated<boolean>;
  /** What of the answer the caller heard before cutting in. */
  heard_text: string | null;
  created_at: Timestamp;
}

export type VoiceTransport = 'gather' | 'relay' | 'stream';

export interface MessagesTable {
  company_id: string;
  id: Generated<string>;
  call_id: string | null;
  contact_id: string | null;
  caller_name: Generated<string>;
  callback_number: string | null;
  body: string;
  urgent: Generated<boolean>;
  status: Generated<'new' | 'handled'>;
  source_key: string | null;
  handled_at: NullableTimestamp;
  created_at: Timestamp;
}

/** What anonymous (widget) visitors used per company-local day; `subject` is a phone number for per-phone counts. */
export interface AnonymousUsageTable {
  company_id: string;
  day: string;
  kind: 'conversation' | 'booking' | 'booking_phone' | 'model_turn' | 'budget_alert';
  subject: Generated<string>;
  used: number;
}
