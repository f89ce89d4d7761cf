import type { BookingSummary, SlotOffer } from '../types.ts';

/**
 * What the embedded engine keeps between turns, inside DialogState.engine (stored as JSON
 * with the call). Plain data only.
 */
export type Step =
  | 'open'
  | 'anything_else'
  | 'book.service'
  | 'book.name'
  | 'book.phone'
  | 'book.phone_number'
  | 'book.address'
  | 'book.zip'
  | 'book.email'
  | 'book.problem'
  | 'book.time'
  | 'book.choose'
  | 'book.confirm'
  | 'book.fix'
  | 'emergency.offer'
  | 'message.offer'
  | 'message.name'
  | 'message.phone'
  | 'message.phone_number'
  | 'message.body'
  | 'manage.pick'
  | 'manage.cancel'
  | 'manage.time'
  | 'manage.choose'
  | 'manage.move'
  | 'ended';

/** When the caller would like the visit. */
export type TimeWish = { kind: 'asap' } | { kind: 'exact'; start: string } | { kind: 'range'; from: string; to: string };

export interface EmbeddedState {
  step: Step;
  /** The last question asked: repeated after a turn the agent did not understand. */
  prompt: string;
  /** Services the caller must choose between (ids). */
  serviceChoices?: string[];
  time?: TimeWish;
  offers?: SlotOffer[];
  /** The slot held for the caller, awaiting the read-back's yes. */
  held?: SlotOffer;
  /** The service the last answer was about: "okay, let's do it" books it. */
  topicService?: string;
  /** The booking's details were read back (with the times offered): picking a time books it. */
  readBack?: boolean;
  /** Details already asked once and declined (email, problem). */
  skipped?: string[];
  /** Emergencies already handled this call (their safety instruction was read). */
  emergencies?: string[];
  /** A message being taken: what led to it, and its text when the caller already said it. */
  message?: { context: string; urgent: boolean; body?: string };
  manage?: { kind: 'cancel' | 'reschedule'; bookings: BookingSummary[]; chosen?: number; moveTo?: SlotOffer };
}

export const initialEmbeddedState = (): EmbeddedState => ({ step: 'open', prompt: '' });

export function readEmbeddedState(engine: Record<string, unknown>): EmbeddedState {
  const stored = engine['embedded'];
  return stored && typeof stored === 'object' ? structuredClone(stored as EmbeddedState) : initialEmbeddedState();
}
