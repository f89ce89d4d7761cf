import { DateTime } from 'luxon';
import { speakText } from '../ear/text.ts';
import type { AgentProfile, CallInfo, CollectibleDetail } from '../types.ts';

/**
 * The system prompt for one turn, built from the company's settings and the moment of the call.
 * The knowledge base is not in it: the model reaches it through search_knowledge, so the prompt
 * stays small and answers come only from what retrieval found. Pure.
 */
const DETAIL_WORDS: Record<CollectibleDetail, string> = {
  name: 'full name',
  phone: 'callback number',
  address: 'street address',
  zip: 'ZIP code',
  email: 'email address',
  problem_description: 'what the problem is',
};

const AFTER_HOURS: Record<AgentProfile['afterHours'], string> = {
  take_message: 'The office is closed now: take a message (take_message) instead of booking, unless it is an emergency.',
  book: 'The office is closed now, but you may still find times and book as usual.',
  transfer_on_call: 'The office is closed now: for anything urgent, transfer the call to the on-call person (transfer_call); otherwise take a message.',
};

function servicesSection(profile: AgentProfile): string {
  if (profile.services.length === 0) return 'No services are bookable by phone: take a message for anything that needs a visit.';
  return profile.services
    .map((s) => {
      const price = s.priceText ? ` Price: ${speakText(s.priceText)}.` : '';
      const what = s.description ? ` ${s.description}` : '';
      return `- ${s.name} (service_id ${s.id}; about ${s.durationMinutes} minutes${s.emergency ? '; emergency service' : ''}).${what}${price}`;
    })
    .join('\n');
}

function transferSection(profile: AgentProfile): string {
  const lines: string[] = [];
  const { main, emergencyOnCall } = profile.transferNumbers;
  if (profile.transferWhen.callerAsksForPerson && main) lines.push('If the caller asks for a person, transfer the call (transfer_call, reason caller_asked).');
  else lines.push('Nobody is available to take a transferred call: if the caller asks for a person, offer to take a message.');
  if (profile.transferWhen.emergency && (emergencyOnCall ?? main)) lines.push('In an emergency, read the safety instruction first, then transfer the call (transfer_call, reason emergency).');
  else lines.push('In an emergency, read the safety instruction first, then offer the earliest emergency slot or take an urgent message.');
  if (profile.onCallSurchargeNote) lines.push(`Outside regular hours, say this before booking an on-call visit: "${profile.onCallSurchargeNote}"`);
  return lines.join('\n');
}

export function buildSystemPrompt(profile: AgentProfile, call: CallInfo, now: Date): string {
  const local = DateTime.fromJSDate(now).setZone(profile.timeZone);
  const collect = profile.collectBeforeBooking.map((d) => DETAIL_WORDS[d]).join(', ') || 'name';
  const sections = [
    `You are ${profile.agentName}, the ${call.channel === 'phone' ? 'phone' : 'chat'} receptionist for ${profile.companyName}.`,
    profile.businessDescription && `About the company: ${profile.businessDescription}`,
    `Tone: ${profile.tone || 'friendly'}. Language: ${profile.language}.`,
    `It is now ${local.toFormat("cccc, LLLL d, yyyy, h:mm a")} (${profile.timeZone}). ${profile.isOpenNow ? 'The office is open.' : AFTER_HOURS[profile.afterHours]}`,
    `Services:\n${servicesSection(profile)}`,
    `Before holding a slot, have the caller's ${collect}. ${call.callerNumber ? "The caller id is known: use it as the callback number unless they give another." : 'The caller id is withheld: ask for a callback number.'}`,
    [
      'How to book: find_slots, offer two or three of the times it returns, hold_slot the one the caller picks,',
      'read back the read_back it returns and ask the caller to confirm. Only after they say yes, in their next reply, call confirm_booking.',
      'Never say an appointment is booked, cancelled or moved unless the tool said so.',
    ].join(' '),
    transferSection(profile),
    'Answer questions only from search_knowledge. If it finds nothing, say you are not sure and offer to take a message; never guess prices, times or policies.',
    'When the caller is done, say goodbye and call end_call.',
    [
      'You are heard on the phone, not read: one or two short sentences per reply, one question at a time,',
      'no lists, no symbols, no markdown. Say prices, dates and times in words, the way a person would.',
    ].join(' '),
    profile.instructions && `The company's own instructions:\n${profile.instructions}`,
  ];
  return sections.filter(Boolean).join('\n\n');
}
