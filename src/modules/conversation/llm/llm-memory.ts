import type { DialogState } from '../types.ts';
import type { ChatMessage } from './chat-types.ts';

/**
 * What the language-model engine keeps between turns, in `state.engine.llm` (stored with the
 * call as JSON, so any app process can serve the next turn). The history is bounded: old turns
 * are dropped whole, so a tool result never outlives the call that asked for it.
 */
export interface LlmMemory {
  /** The conversation without the system prompt (rebuilt every turn). */
  messages: ChatMessage[];
  /** Bookings this call may act on: held here, or found as the caller's. */
  knownBookingIds: string[];
  /** Bookings a confirm_booking of this call committed, and bookings it cancelled. */
  confirmedBookingIds: string[];
  cancelledBookingIds: string[];
  /** Emergencies whose safety instruction the caller has heard. */
  emergencies: string[];
  /** The turn the current hold was made in: confirming waits for the caller's next reply. */
  hold?: { bookingId: string; seq: number; readBack: string };
}

export const MAX_HISTORY_MESSAGES = 30;
export const MAX_HISTORY_CHARS = 16_000;

const emptyMemory = (): LlmMemory => ({ messages: [], knownBookingIds: [], confirmedBookingIds: [], cancelledBookingIds: [], emergencies: [] });

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The memory of a stored state; anything unreadable starts afresh rather than failing the call. */
export function readMemory(state: DialogState): LlmMemory {
  const raw = state.engine.llm as Partial<LlmMemory> | undefined;
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.messages)) return emptyMemory();
  return structuredClone({
    messages: raw.messages,
    knownBookingIds: isStringArray(raw.knownBookingIds) ? raw.knownBookingIds : [],
    confirmedBookingIds: isStringArray(raw.confirmedBookingIds) ? raw.confirmedBookingIds : [],
    cancelledBookingIds: isStringArray(raw.cancelledBookingIds) ? raw.cancelledBookingIds : [],
    emergencies: isStringArray(raw.emergencies) ? raw.emergencies : [],
    ...(raw.hold && typeof raw.hold.bookingId === 'string' ? { hold: raw.hold } : {}),
  });
}

const sizeOf = (m: ChatMessage) => (m.content?.length ?? 0) + ('tool_calls' in m && m.tool_calls ? JSON.stringify(m.tool_calls).length : 0);

/**
 * The most recent turns that fit the bounds. A kept history always starts at a caller's message,
 * so no tool result is left without the assistant message that called it.
 */
export function trimHistory(messages: readonly ChatMessage[]): ChatMessage[] {
  let start = 0;
  let chars = messages.reduce((n, m) => n + sizeOf(m), 0);
  while (start < messages.length && (messages.length - start > MAX_HISTORY_MESSAGES || chars > MAX_HISTORY_CHARS)) {
    chars -= sizeOf(messages[start]!);
    start += 1;
    while (start < messages.length && messages[start]!.role !== 'user') {
      chars -= sizeOf(messages[start]!);
      start += 1;
    }
  }
  return messages.slice(start);
}

export function withMemory(state: DialogState, memory: LlmMemory): DialogState {
  return { ...state, engine: { ...state.engine, llm: { ...memory, messages: trimHistory(memory.messages) } } };
}

/**
 * Records a turn another engine answered (the fallback), so the model knows what the caller
 * heard when it takes the next turn.
 */
export function appendExchange(state: DialogState, callerText: string | null, agentSaid: string): DialogState {
  const memory = readMemory(state);
  memory.messages.push({ role: 'user', content: callerText ?? '(silence)' }, { role: 'assistant', content: agentSaid });
  return withMemory(state, memory);
}
