import type { WeeklyHours } from '../booking/engine/types.ts';

/**
 * The contract between a phone call (or a web chat) and the agent that answers it. Two engines
 * implement it (the embedded dialogue manager and a language model); both act only through
 * AgentTools, so the server, not the engine, decides what happened: a booking exists only when
 * the tool's transaction committed.
 */

export type CollectibleDetail = 'name' | 'phone' | 'address' | 'zip' | 'email' | 'problem_description';

/** What the agent knows of the company for one turn: its settings and its booking menu. */
export interface AgentProfile {
  companyId: string;
  companyName: string;
  timeZone: string;
  agentName: string;
  /** Rendered for the moment of the call (open hours or after hours). */
  greeting: string;
  instructions: string;
  tone: string;
  businessDescription: string;
  /** BCP-47, e.g. 'en-US'. */
  language: string;
  collectBeforeBooking: readonly CollectibleDetail[];
  transferNumbers: { main: string | null; emergencyOnCall: string | null };
  transferWhen: { callerAsksForPerson: boolean; emergency: boolean; afterMisunderstandings: number };
  afterHours: 'take_message' | 'book' | 'transfer_on_call';
  /** Whether the company's regular hours are open at the time of the call. */
  isOpenNow: boolean;
  maxCallSeconds: number;
  services: readonly ServiceOffer[];
  /** Regular weekly hours, for reading "at 8" as AM or PM. */
  openHours: WeeklyHours;
  /** Surcharge note read out before an on-call booking, when the company has on-call hours. */
  onCallSurchargeNote: string | null;
  /** What the booking configuration says about the calendar and the area, for answering questions from it. */
  facts: CompanyFacts;
}

export interface CompanyFacts {
  holidays: readonly { date: string; name: string }[];
  /** Dates with other hours than the week's (a short Christmas Eve). */
  shortDays: readonly { date: string; ranges?: readonly { start: string; end: string }[] }[];
  /** Zip codes served (empty: everywhere). */
  serviceArea: readonly string[];
  /** Empty when visits are booked at exact times. */
  arrivalWindows: readonly { start: string; end: string }[];
}

export interface ServiceOffer {
  id: string;
  name: string;
  description: string;
  /** As written by the company ('$149 to $249'); the engine speaks it for the ear. */
  priceText: string;
  durationMinutes: number;
  emergency: boolean;
}

export interface CallInfo {
  /** The call record's id: bookings and messages made during the call link to it. */
  id: string;
  callSid: string;
  /** E.164 caller id, or null when withheld (or on the web). */
  callerNumber: string | null;
  channel: 'phone' | 'web' | 'widget';
  startedAt: Date;
}

/** What the caller said in one turn. */
export interface Utterance {
  text: string;
  /** Speech recognition confidence 0–1; null when unknown (typed text). */
  confidence: number | null;
}

/** Details learned during the call, shared by both engines so either can continue the other's call. */
export interface CallFacts {
  name?: string;
  /** E.164 callback number. */
  phone?: string;
  address?: string;
  zip?: string;
  email?: string;
  problem?: string;
  serviceId?: string;
  emergency?: boolean;
}

/**
 * The whole conversation state, stored with the call between turns (JSON). `engine` holds what
 * one engine keeps for itself (the embedded engine's step, the model's message history).
 */
export interface DialogState {
  facts: CallFacts;
  /** Consecutive turns the agent could not understand (silence, low confidence, no intent). */
  misunderstandings: number;
  /** Held booking awaiting the caller's yes, or the confirmed one. */
  bookingId?: string;
  engine: Record<string, unknown>;
}

export type CallOutcome = 'booked' | 'answered' | 'message' | 'transferred' | 'emergency' | 'abandoned';

export interface TurnInput {
  profile: AgentProfile;
  call: CallInfo;
  state: DialogState;
  /** null: the caller said nothing before the speech timeout. */
  utterance: Utterance | null;
  /** 1 for the caller's first answer after the greeting. Stable across Twilio's retries of a turn. */
  seq: number;
  now: Date;
  /**
   * A streaming transport's ear: an engine may hand it whole sentences of its reply before the
   * turn is done (the caller hears them while the rest is worked out). Its `say` then begins with
   * those sentences, each said once; a sentence handed here is final (no claim a tool has not made).
   */
  speakEarly?: ((sentence: string) => void) | undefined;
}

export interface TurnResult {
  /** What the agent says, written for the ear (no symbols, no digits strings to misread). */
  say: string;
  next: { kind: 'listen' } | { kind: 'hangup' } | { kind: 'transfer'; to: string };
  state: DialogState;
  /** The strongest outcome this turn reached, if any. */
  outcome?: CallOutcome;
  /** A short label for the transcript: 'book.offer', 'faq', 'emergency.gas', ... */
  intent?: string;
}

export interface ConversationEngine {
  readonly name: 'embedded' | 'llm';
  respond(input: TurnInput, tools: AgentTools, signal?: AbortSignal): Promise<TurnResult>;
}

/** A bookable time as the agent offers it. */
export interface SlotOffer {
  /** ISO instant with the local offset: what holdSlot takes back. */
  start: string;
  localDate: string;
  localStartTime: string;
  arrivalWindow?: { start: string; end: string };
  onCall?: { surchargeNote: string };
}

export interface BookingSummary {
  id: string;
  status: 'held' | 'confirmed' | 'cancelled' | 'expired' | 'completed';
  serviceId: string;
  serviceName: string;
  start: string;
  localDate: string;
  localStartTime: string;
  arrivalWindow: { start: string; end: string } | null;
  surchargeNote: string | null;
  customerName: string;
  address: string | null;
  /** Where the visit is: availability for a reschedule is searched at this zip. */
  zip?: string;
}

export type BookingRefusal = { ok: false; code: 'SLOT_TAKEN'; message: string; alternatives: SlotOffer[] } | { ok: false; code: string; message: string };

export interface KnowledgeAnswer {
  /** Whether the best match is good enough to say; otherwise the agent must not guess. */
  answerable: boolean;
  answer: string | null;
  question: string | null;
  score: number;
  /** Whose entry: the company's own, or its trade's generic knowledge. */
  source?: 'company' | 'trade';
}

export interface EmergencyMatch {
  /** e.g. 'gas_leak', 'flooding'. */
  key: string;
  name: string;
  /** The safety instruction to read out, first. */
  instruction: string;
}

/**
 * Everything an engine may do, bound to one company and one call. Every write is idempotent
 * under `key` (derive it from the call and turn), so a repeated webhook never books twice.
 */
export interface AgentTools {
  searchKnowledge(question: string): Promise<KnowledgeAnswer>;
  detectEmergency(text: string): Promise<EmergencyMatch | null>;
  recordUnanswered(question: string): Promise<void>;
  findSlots(query: { serviceId: string; zip: string; from?: string; to?: string; emergency?: boolean }): Promise<{ ok: true; slots: SlotOffer[] } | { ok: false; code: string; message: string }>;
  holdSlot(request: {
    serviceId: string;
    start: string;
    zip: string;
    name: string;
    phone: string;
    address?: string;
    notes?: string;
    emergency?: boolean;
    key: string;
  }): Promise<{ ok: true; booking: BookingSummary } | BookingRefusal>;
  /**
   * Confirms the held booking; on an anonymous channel (the public widget) it is only sent to the
   * company as a request instead (`requested: true`, still held until the company confirms it).
   */
  confirmBooking(bookingId: string): Promise<{ ok: true; booking: BookingSummary; requested?: true } | { ok: false; code: string; message: string }>;
  /** The caller's upcoming active bookings, found by phone number. */
  findCallerBookings(phone: string): Promise<BookingSummary[]>;
  cancelBooking(bookingId: string, reason: string): Promise<{ ok: true; booking: BookingSummary } | { ok: false; code: string; message: string }>;
  rescheduleBooking(bookingId: string, start: string): Promise<{ ok: true; booking: BookingSummary } | BookingRefusal>;
  takeMessage(message: { name: string; callbackNumber: string; body: string; urgent: boolean; key: string }): Promise<{ id: string }>;
}

export const initialState = (): DialogState => ({ facts: {}, misunderstandings: 0, engine: {} });
