import { speakPhone } from '../../ear/phone.ts';
import type { ServiceOffer } from '../../types.ts';
import { readAddress, readEmail, readName } from '../understand/details.ts';
import { readPhone, readZip } from '../understand/spoken-digits.ts';
import { matchService } from '../understand/service-match.ts';
import { readYesNo } from '../understand/yes-no.ts';
import { describesTrouble, isQuestion } from '../understand/intent.ts';
import { ask, type Reply, type Turn, serviceWords } from '../turn.ts';
import { startMessage } from './message.ts';
import { holdAgain } from './booking-hold.ts';
import { askTime, checkZip, offerSlots } from './booking-slots.ts';
import { takeDetails } from './booking-early.ts';

/**
 * Booking, part one: what the visit is for and who and where it is, asked in the company's
 * collectBeforeBooking order plus what a booking needs (service, name, phone, zip), then
 * when. Part two (booking-slots.ts) offers times, holds one, reads it back and confirms.
 */
type Detail = 'service' | 'name' | 'phone' | 'address' | 'zip' | 'email' | 'problem_description' | 'time';

const bookable = (turn: Turn) => turn.profile.services.filter((s) => s.emergency === (turn.facts.emergency === true) || !s.emergency);
const serviceOf = (turn: Turn): ServiceOffer | undefined => turn.profile.services.find((s) => s.id === turn.facts.serviceId);
const wordCount = (text: string) => text.trim().split(/\s+/).length;
/** The company's general visit, for a job no service name fits or a caller unsure what is wrong. */
const catchAll = (turn: Turn): ServiceOffer | undefined => bookable(turn).find((s) => !s.emergency && /service call|diagnos|troubleshoot/i.test(s.name));
const UNSURE = /\s(not (totally |really |quite |exactly )?sure (what|whats|if|whether|where|why)|dont know (what|whats|if|where|why)|no idea (what|whats|where|why)|not certain)\s/;

/** The caller tells of trouble of their own and does not know its cause ("a stain on my ceiling, no idea where it's from"). */
export const unsureOfCause = (turn: Turn): boolean => UNSURE.test(turn.heard.text) && /\s(my|our|the)\s/.test(turn.heard.text);

function missing(turn: Turn): Detail | null {
  const { facts, st, profile } = turn;
  const skipped = st.skipped ?? [];
  const order: Detail[] = ['service', ...profile.collectBeforeBooking, 'name', 'phone', 'zip', 'time'];
  const have: Record<Detail, boolean> = {
    service: serviceOf(turn) !== undefined,
    name: Boolean(facts.name),
    phone: Boolean(facts.phone),
    address: Boolean(facts.address),
    zip: Boolean(facts.zip),
    email: Boolean(facts.email) || skipped.includes('email'),
    problem_description: Boolean(facts.problem) || skipped.includes('problem_description'),
    time: st.time !== undefined,
  };
  return order.find((d) => !have[d]) ?? null;
}

function serviceQuestion(turn: Turn): string {
  const choices = (turn.st.serviceChoices ?? []).map((id) => turn.profile.services.find((s) => s.id === id)!).filter(Boolean);
  if (choices.length >= 2) return `Is that for ${choices.slice(0, -1).map((s) => serviceWords(s.name)).join(', ')} or ${serviceWords(choices[choices.length - 1]!.name)}?`;
  const names = bookable(turn).filter((s) => !s.emergency).slice(0, 3).map((s) => serviceWords(s.name));
  return names.length > 0 ? `What do you need help with? For example, ${names.join(', ')}.` : 'What do you need help with?';
}

/** Asks for the next missing detail, or moves on to times once everything is known. */
export async function advanceBooking(turn: Turn, lead = ''): Promise<Reply> {
  const next = missing(turn);
  const caller = turn.input.call.callerNumber;
  switch (next) {
    case 'service':
      return ask(turn, 'book.service', serviceQuestion(turn), 'book.service', lead);
    case 'name':
      return ask(turn, 'book.name', 'Can I get your full name, please?', 'book.name', lead);
    case 'phone':
      return caller
        ? ask(turn, 'book.phone', `Is ${speakPhone(caller)} the best number to reach you?`, 'book.phone', lead)
        : ask(turn, 'book.phone_number', "What's the best phone number to reach you?", 'book.phone', lead);
    case 'address':
      return ask(turn, 'book.address', "What's the address where you need the service?", 'book.address', lead);
    case 'zip':
      return ask(turn, 'book.zip', "And what's the zip code there?", 'book.zip', lead);
    case 'email':
      return ask(turn, 'book.email', "What's a good email address for the confirmation? You can also say skip.", 'book.email', lead);
    case 'problem_description':
      return ask(turn, 'book.problem', "Can you tell me briefly what's going on?", 'book.problem', lead);
    case 'time':
      return askTime(turn, lead);
    default:
      return turn.st.held ? holdAgain(turn, lead) : offerSlots(turn, lead);
  }
}

/** The caller asked to book (or described a job): after-hours rules first, then the details. */
export async function startBooking(turn: Turn, lead = ''): Promise<Reply> {
  const { profile, facts, st } = turn;
  // After hours the on-call line is for emergencies (handled before this): anyone else is
  // offered the next open times, unless the company takes messages after hours.
  if (!profile.isOpenNow && !facts.emergency) {
    if (profile.afterHours === 'take_message') {
      // What they asked for is the job: it makes the message a lead (calls/lead-predicate.ts).
      facts.problem ??= turn.raw.trim();
      return startMessage(turn, `After hours, the caller asked to book a visit: "${turn.raw.trim()}"`, "We're closed right now, but I can take a message and someone will call you back when we open.");
    }
  }
  const match = matchService(turn.heard, bookable(turn));
  const general = UNSURE.test(turn.heard.text) ? catchAll(turn) : undefined;
  if (general) {
    facts.serviceId = general.id;
    facts.problem ??= turn.raw.trim();
  } else if (match.best) {
    facts.serviceId = match.best.id;
    if (wordCount(turn.raw) > 4) facts.problem ??= turn.raw.trim();
  } else if (match.tied.length > 1) {
    st.serviceChoices = match.tied.map((s) => s.id);
    if (wordCount(turn.raw) > 4) facts.problem ??= turn.raw.trim();
  } else if (!facts.serviceId && describesTrouble(turn.heard) && catchAll(turn)) {
    // Trouble no service is named for ("the door goes back up on its own"): the general visit, not a menu of services.
    facts.serviceId = catchAll(turn)!.id;
    facts.problem ??= turn.raw.trim();
  }
  const early = await takeDetails(turn);
  if (early.stop) return early.stop;
  return advanceBooking(turn, lead || 'Sure, I can help you book a visit.');
}

/** Answers to the detail questions (book.service … book.problem). */
export async function bookingDetailStep(turn: Turn): Promise<Reply> {
  const { st, heard, facts } = turn;
  const asked = st.step;
  const early = await takeDetails(turn);
  if (early.stop) return early.stop;
  // The answer to another question than the one asked: kept, and only what is missing is asked.
  // More about the job instead of the detail asked ("yeah a brand new one, two car size") is
  // noted and the question asked again, once, without counting as a misunderstanding.
  const misheard = (reply: Reply): Reply | Promise<Reply> => {
    if (early.learned) return advanceBooking(turn, 'Got it.');
    const told = `told:${asked}`;
    if (tellsMore(turn) && !(st.skipped ?? []).includes(told)) {
      st.skipped = [...(st.skipped ?? []), told];
      facts.problem = facts.problem ? `${facts.problem} ${turn.raw.trim()}` : turn.raw.trim();
      return ask(turn, asked, st.prompt, asked, 'Got it, I\'ve noted that.');
    }
    return { ...reply, misunderstood: true };
  };
  if (early.learned && answersStep(turn, asked) && asked !== 'book.service' && asked !== 'book.problem') return advanceBooking(turn, 'Got it.');
  switch (st.step) {
    case 'book.service': {
      const choices = (st.serviceChoices ?? []).map((id) => turn.profile.services.find((s) => s.id === id)!).filter(Boolean);
      const pick = choices.length > 1 ? pickChoice(turn, choices) : null;
      let service = pick ?? matchService(heard, bookable(turn)).best;
      // Asked once already and still no answer, or the trouble was told already: a general visit (or the likelier of the two), not another ask.
      if (!service && ((st.skipped ?? []).includes('service_asked') || facts.problem)) service = choices[0] ?? catchAll(turn) ?? null;
      // "jon berg": the name said where the service was asked is kept.
      if (!facts.name && readName(heard)) facts.name = readName(heard)!;
      if (!service) st.skipped = [...(st.skipped ?? []), 'service_asked'];
      if (!service) return misheard(ask(turn, 'book.service', serviceQuestion(turn), 'book.service', "Sorry, I didn't catch what the visit is for."));
      facts.serviceId = service.id;
      delete st.serviceChoices;
      if (wordCount(turn.raw) > 4) facts.problem ??= turn.raw.trim();
      return advanceBooking(turn, `Okay, ${serviceWords(service.name)}.`);
    }
    case 'book.name': {
      if (facts.name) return advanceBooking(turn, `Thanks, ${facts.name.split(' ')[0]}.`);
      const name = readName(heard);
      if (!name) return misheard(ask(turn, 'book.name', 'Could you tell me just your name?', 'book.name', 'Sorry, I missed that.'));
      facts.name = name;
      return advanceBooking(turn, `Thanks, ${name.split(' ')[0]}.`);
    }
    case 'book.phone': {
      if (facts.phone) return advanceBooking(turn, 'Great.');
      const given = readPhone(heard);
      const answer = readYesNo(heard);
      if (given) facts.phone = given;
      else if (answer === 'yes') facts.phone = turn.input.call.callerNumber!;
      else if (answer === 'no') return ask(turn, 'book.phone_number', "What's the best number to reach you?", 'book.phone');
      else if (!facts.name && readName(heard)) {
        // A name said where the number was asked: kept, and the number asked again.
        facts.name = readName(heard)!;
        return advanceBooking(turn, `Thanks, ${facts.name.split(' ')[0]}.`);
      } else return misheard(ask(turn, 'book.phone', `Is ${speakPhone(turn.input.call.callerNumber!)} the right number to reach you?`, 'book.phone', 'Sorry, I missed that.'));
      return advanceBooking(turn, 'Great.');
    }
    case 'book.phone_number': {
      if (facts.phone) return advanceBooking(turn, `Thanks, that's ${speakPhone(facts.phone)}.`);
      const given = readPhone(heard);
      if (!given) return misheard(ask(turn, 'book.phone_number', 'Could you say the number again, digit by digit, with the area code?', 'book.phone', "Sorry, I didn't get the whole number."));
      facts.phone = given;
      return advanceBooking(turn, `Thanks, that's ${speakPhone(given)}.`);
    }
    case 'book.address': {
      if (facts.address) return advanceBooking(turn, 'Got it.');
      const read = readAddress(heard);
      if (!read) return misheard(ask(turn, 'book.address', 'Could you say the street address again, with the house number?', 'book.address', 'Sorry, I missed that.'));
      facts.address = read.address;
      if (read.zip) return acceptZip(turn, read.zip, 'Got it.');
      return advanceBooking(turn, 'Got it.');
    }
    case 'book.zip': {
      if (facts.zip) return advanceBooking(turn, 'Thanks.');
      const zip = readZip(heard);
      if (!zip) return misheard(ask(turn, 'book.zip', 'Could you say the five-digit zip code, one digit at a time?', 'book.zip', "Sorry, I didn't get the zip code."));
      return acceptZip(turn, zip, 'Thanks.');
    }
    case 'book.email': {
      if (facts.email) return advanceBooking(turn, 'Thanks.');
      const email = readEmail(heard);
      if (email === 'skip' || email === null) {
        st.skipped = [...(st.skipped ?? []), 'email'];
        // Something else said instead (a time, an address) was kept: no apology for it.
        const lead = email === 'skip' ? 'No problem.' : early.learned ? 'Got it.' : "Sorry, I didn't catch that, so we'll skip the email for now.";
        return advanceBooking(turn, lead);
      }
      facts.email = email;
      return advanceBooking(turn, 'Thanks.');
    }
    default: {
      // 'book.problem': whatever the caller says describes the job.
      facts.problem = turn.raw.trim();
      return advanceBooking(turn, 'Thanks, that helps.');
    }
  }
}

/** Words about the job, not a detail: several words, no digits, no question. */
const tellsMore = (turn: Turn): boolean => turn.heard.words.length >= 5 && !/\d/.test(turn.heard.text) && !turn.input.utterance?.text.includes('?') && !isQuestion(turn.heard);

/** Whether the detail the step asked for is now known (so the turn answered it). */
function answersStep(turn: Turn, step: string): boolean {
  const { facts } = turn;
  switch (step) {
    case 'book.name':
      return Boolean(facts.name);
    case 'book.phone':
    case 'book.phone_number':
      return Boolean(facts.phone);
    case 'book.address':
      return Boolean(facts.address);
    case 'book.zip':
      return Boolean(facts.zip);
    case 'book.email':
      return Boolean(facts.email);
    default:
      return true;
  }
}

/** "the first one" / "the second" / the service's own name, among the services offered. */
function pickChoice(turn: Turn, choices: ServiceOffer[]): ServiceOffer | null {
  const t = turn.heard.text;
  if (/\s(first|1st|former)\s/.test(t)) return choices[0]!;
  if (/\s(second|2nd|latter|last)\s/.test(t)) return choices[Math.min(1, choices.length - 1)]!;
  return matchService(turn.heard, choices).best;
}

/** A zip the caller gave: kept when the company serves it, else the booking ends politely. */
async function acceptZip(turn: Turn, zip: string, lead: string): Promise<Reply> {
  const verdict = await checkZip(turn, zip);
  if (verdict.ok) {
    turn.facts.zip = zip;
    return advanceBooking(turn, lead);
  }
  return verdict.reply;
}

