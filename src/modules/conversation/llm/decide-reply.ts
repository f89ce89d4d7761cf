import type { AgentTools, TurnInput } from '../types.ts';
import { bookingClaims } from './booking-claims.ts';
import { confirmedSentence, forTheEar, requestedSentence, speakBookingTime } from './read-aloud.ts';
import type { TurnProgress } from './turn-progress.ts';

/**
 * What the caller hears, decided by the server from what the tools did this turn. The model's
 * words are used when they agree with it; a booking, a hold's read-back or a cancellation is
 * said in the server's own sentence; a claim nothing backs is replaced. `safetySaid`: the safety
 * instruction already went out ahead of the rest (a streamed reply).
 */
export async function decideReply(input: TurnInput, tools: AgentTools, progress: TurnProgress, modelText: string | null, safetySaid = false): Promise<string | null> {
  const reply = await replyBody(input, tools, progress, modelText);
  const safety = progress.safetyInstruction;
  if (!reply || !safety || safetySaid || reply.includes(safety)) return reply;
  return `${safety} ${reply}`;
}

async function replyBody(input: TurnInput, tools: AgentTools, progress: TurnProgress, modelText: string | null): Promise<string | null> {
  const { confirmed, requested, held, cancelled, rescheduled, terminal, memory } = progress;
  if (confirmed) return confirmedSentence(confirmed);
  if (requested) return requestedSentence(requested);
  if (held && memory.hold) return `Let me read that back: ${memory.hold.readBack}. Is that all correct?`;

  const said = modelText ? forTheEar(modelText) : '';
  if (said) {
    const claimed = bookingClaims(said);
    if (claimed.has('booked') && !(rescheduled || (await hasConfirmedBooking(input, tools, progress)))) return notBookedYet(progress);
    if (claimed.has('cancelled') && !cancelled && memory.cancelledBookingIds.length === 0) {
      return "Sorry, I haven't cancelled anything yet. Which appointment would you like me to cancel?";
    }
    return said;
  }
  if (rescheduled) return `You're all set: your appointment is now ${speakBookingTime(rescheduled)}. Anything else I can help with?`;
  if (cancelled) return 'Your appointment is cancelled. Is there anything else I can help with?';
  if (progress.messageTaken) return "I've passed your message on, and someone will call you back. Is there anything else?";
  if (terminal?.kind === 'transfer') return 'Let me connect you with someone now. Please hold.';
  if (terminal?.kind === 'hangup') return `Thanks for calling ${input.profile.companyName}. Goodbye.`;
  return null;
}

/**
 * Whether this call has a confirmed booking to speak of: one it confirmed, or one the database
 * shows confirmed among the caller's bookings this call knows (found, or made by the embedded
 * engine in a turn it answered).
 */
async function hasConfirmedBooking(input: TurnInput, tools: AgentTools, progress: TurnProgress): Promise<boolean> {
  const { memory, state } = progress;
  if (memory.confirmedBookingIds.length > 0) return true;
  const ids = new Set([...memory.knownBookingIds, ...(state.bookingId ? [state.bookingId] : [])]);
  const phone = input.call.callerNumber ?? state.facts.phone;
  if (ids.size === 0 || !phone) return false;
  const bookings = await tools.findCallerBookings(phone);
  return bookings.some((b) => ids.has(b.id) && b.status === 'confirmed');
}

function notBookedYet(progress: TurnProgress): string {
  const hold = progress.memory.hold;
  if (hold) return `I haven't booked it yet. I'm holding ${hold.readBack}. Shall I go ahead and book it?`;
  return "Sorry, I haven't booked anything yet. Would you like me to find a time that works for you?";
}
