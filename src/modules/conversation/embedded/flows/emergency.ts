import type { EmergencyMatch, ServiceOffer } from '../../types.ts';
import { matchService } from '../understand/service-match.ts';
import { readYesNo } from '../understand/yes-no.ts';
import { ask, joinSay, transfer, type Reply, type Turn } from '../turn.ts';
import { advanceBooking } from './booking.ts';
import { offerMessage } from './message.ts';

/**
 * An emergency the caller describes: the company's safety instruction is read first, then the
 * caller goes to the on-call number (when the company transfers emergencies and has one) or
 * is offered the soonest emergency visit, whose surcharge note is read with the times.
 */
function emergencyService(turn: Turn): ServiceOffer | null {
  const emergencies = turn.profile.services.filter((s) => s.emergency);
  if (emergencies.length === 0) return null;
  return matchService(turn.heard, emergencies).best ?? emergencies[0]!;
}

export function handleEmergency(turn: Turn, match: EmergencyMatch): Reply {
  const { profile, st, facts } = turn;
  st.emergencies = [...(st.emergencies ?? []), match.key];
  facts.emergency = true;
  facts.problem ??= turn.raw.trim();
  const intent = `emergency.${match.key}`;
  const onCall = profile.transferNumbers.emergencyOnCall ?? profile.transferNumbers.main;
  if (profile.transferWhen.emergency && onCall) {
    return transfer(turn, onCall, joinSay(match.instruction, "I'm connecting you to our on-call technician right now. Please stay on the line."), intent, 'emergency');
  }
  const service = emergencyService(turn);
  if (service) {
    facts.serviceId = service.id;
    st.time = { kind: 'asap' };
    return { ...ask(turn, 'emergency.offer', 'When you are safe, would you like me to book our soonest emergency visit?', intent, match.instruction), outcome: 'emergency' };
  }
  return { ...offerMessage(turn, `Emergency reported: ${match.name}.`, match.instruction, intent, true), outcome: 'emergency' };
}

export async function emergencyOfferStep(turn: Turn): Promise<Reply> {
  const answer = readYesNo(turn.heard);
  if (answer === 'yes') return advanceBooking(turn, "Okay, let's get someone out to you.");
  if (answer === 'no') {
    delete turn.st.time;
    return offerMessage(turn, `Emergency reported: ${turn.facts.problem ?? ''}`.trim(), 'Okay.', 'emergency.declined', true);
  }
  return { ...ask(turn, 'emergency.offer', 'Would you like me to book the soonest emergency visit? Please say yes or no.', 'emergency.offer', 'Sorry, I missed that.'), misunderstood: true };
}
