import { speakPhone } from '../../ear/phone.ts';
import { hangUp, joinSay, transfer, type Reply, type Turn } from '../turn.ts';
import { offerMessage } from './message.ts';

/** Ways a call ends or leaves the agent: goodbye, a person, too many misunderstandings, time up. */

/** Frees a slot held for the caller that was never confirmed (the caller left or changed it). */
export async function releaseHold(turn: Turn, reason: string): Promise<void> {
  if (!turn.bookingId || !turn.st.held) return;
  await turn.tools.cancelBooking(turn.bookingId, reason);
  turn.bookingId = undefined;
  delete turn.st.held;
}

export async function goodbye(turn: Turn): Promise<Reply> {
  await releaseHold(turn, 'Caller ended the call before confirming');
  return hangUp(turn, `Thanks for calling ${turn.profile.companyName}. Goodbye!`, 'goodbye');
}

/** The number that answers for the company now: on-call after hours when set so, else the main line. */
function personNumber(turn: Turn): string | null {
  const { profile } = turn;
  if (!profile.isOpenNow && profile.afterHours === 'transfer_on_call' && profile.transferNumbers.emergencyOnCall) return profile.transferNumbers.emergencyOnCall;
  return profile.transferWhen.callerAsksForPerson ? profile.transferNumbers.main : null;
}

export async function toPerson(turn: Turn): Promise<Reply> {
  const to = personNumber(turn);
  if (to) {
    await releaseHold(turn, 'Caller was transferred to a person');
    return transfer(turn, to, 'Sure, let me connect you with someone now. One moment, please.', 'transfer.person');
  }
  const lead = "I'm not able to put you through to someone right now, but I can have them call you back.";
  return offerMessage(turn, 'The caller asked to speak with a person.', lead, 'transfer.unavailable');
}

/**
 * After too many turns the agent could not understand: a person when the company transfers
 * after misunderstandings, else a callback request (when the caller id is known and the
 * caller was talking) or a polite end.
 */
export async function giveUp(turn: Turn, silent: boolean): Promise<Reply> {
  const { profile } = turn;
  await releaseHold(turn, 'Call ended: the agent could not understand the caller');
  // Never to the closed office: after hours a caller who cannot be understood gets a callback.
  if (profile.isOpenNow && profile.transferWhen.afterMisunderstandings > 0 && profile.transferNumbers.main) {
    return transfer(turn, profile.transferNumbers.main, "I'm sorry, I'm having trouble understanding. Let me connect you with someone who can help.", 'transfer.misunderstood');
  }
  const caller = turn.input.call.callerNumber;
  if (!silent && caller) {
    await turn.tools.takeMessage({
      name: turn.facts.name ?? '',
      callbackNumber: turn.facts.phone ?? caller,
      body: 'The phone agent could not understand the caller. Please call them back.',
      urgent: turn.facts.emergency === true,
      key: `${turn.input.call.callSid}:${turn.input.seq}:message`,
    });
    const say = joinSay("I'm sorry, I'm having trouble understanding you.", `I'll ask someone from the office to call you back at ${speakPhone(turn.facts.phone ?? caller)}. Goodbye.`);
    return hangUp(turn, say, 'message.callback', 'message');
  }
  const say = silent ? "I'm sorry, I can't hear you. Please call us back when you can. Goodbye." : "I'm sorry, I'm having trouble understanding. Please call us back when you can. Goodbye.";
  return hangUp(turn, say, silent ? 'silence.end' : 'misunderstood.end', 'abandoned');
}

/** The call reached the company's maximum length: finish with what is settled. */
export async function wrapUp(turn: Turn): Promise<Reply> {
  const caller = turn.facts.phone ?? turn.input.call.callerNumber;
  const unfinished = !['open', 'anything_else', 'ended'].includes(turn.st.step);
  await releaseHold(turn, 'Call reached its time limit before the booking was confirmed');
  if (unfinished && caller) {
    await turn.tools.takeMessage({
      name: turn.facts.name ?? '',
      callbackNumber: caller,
      body: joinSay('The call reached its time limit before the caller was helped; please call them back.', turn.facts.problem ? `Problem: ${turn.facts.problem}` : ''),
      urgent: turn.facts.emergency === true,
      key: `${turn.input.call.callSid}:${turn.input.seq}:message`,
    });
    const say = joinSay("We've reached the time limit for this call.", `Someone from the office will call you back at ${speakPhone(caller)} to finish up.`, `Thanks for calling ${turn.profile.companyName}. Goodbye!`);
    return hangUp(turn, say, 'call.time_limit', 'message');
  }
  return hangUp(turn, joinSay("We've reached the time limit for this call.", `Thanks for calling ${turn.profile.companyName}. Goodbye!`), 'call.time_limit');
}
