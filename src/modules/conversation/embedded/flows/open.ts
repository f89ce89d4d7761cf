import { askedKindOfWork, asksForVisit, describesTrouble, detectIntent, isGoodbye, isHello, isThanksOnly, questionBeside } from '../understand/intent.ts';
import { isKindOf, matchService } from '../understand/service-match.ts';
import { hear } from '../understand/heard.ts';
import { readYesNo } from '../understand/yes-no.ts';
import { ask, joinSay, type Reply, type Turn } from '../turn.ts';
import { startBooking, unsureOfCause } from './booking.ts';
import { goodbye, toPerson } from './endings.ts';
import { dontKnow, knownAnswer, serviceWeDo } from './knowledge.ts';
import { startManage } from './manage.ts';
import { startMessage } from './message.ts';

/**
 * The caller says what they want (after the greeting, or after "anything else?"): route it
 * to booking, a question, a message, a person, a change to a booking, or goodbye.
 */
const HOW_CAN_I_HELP = 'I can book a visit, answer questions about our services, or take a message. What would you like to do?';

/** An answer given: the service it was about is remembered for a "let's do it" that follows. */
function answered(turn: Turn, answer: string, offerVisit = false): Reply {
  const about = matchService(turn.heard, turn.profile.services.filter((s) => !s.emergency)).best;
  if (about) turn.st.topicService = about.id;
  else delete turn.st.topicService;
  const next = offerVisit && about ? 'Would you like me to book a visit for that?' : 'Is there anything else I can help you with?';
  return { ...ask(turn, 'anything_else', next, 'faq', answer), outcome: 'answered' };
}

const GO_AHEAD = /\s(lets do it|lets do that|lets book it|book it|book that|set it up|set that up|sign me up|schedule it|schedule that|go ahead and book|lets go ahead|i want to do that|id like to do that|lets get that scheduled|sounds good lets|go ahead)\s/;

/** After an answer about a service: the caller goes ahead with it (a yes, a request, or the trouble they have). */
const goesAhead = (turn: Turn): boolean =>
  GO_AHEAD.test(turn.heard.text) || detectIntent(turn.heard) === 'book' || (readYesNo(turn.heard) === 'yes' && turn.heard.words.length <= 5 && !isThanksOnly(turn.heard)) || describesTrouble(turn.heard);

/**
 * A question asked in the same breath as a request for a visit is answered once, before the
 * booking's first question (which is all a re-ask repeats). Empty when there is none, or no answer.
 */
async function answerBeside(turn: Turn): Promise<string> {
  const asked = questionBeside(turn.raw);
  const known = asked ? await knownAnswer({ ...turn, heard: asked, raw: asked.text.trim() }) : null;
  return known ? joinSay(known, 'I can help you book a visit.') : '';
}

export async function openStep(turn: Turn): Promise<Reply> {
  // After "what else can I help you with?", "no thanks" ends the call; a "yes" never re-greets.
  const midCall = turn.st.prompt !== '' || turn.input.seq > 1;
  if (midCall && isThanksOnly(turn.heard)) return goodbye(turn);
  if (isHello(turn.heard)) return midCall ? ask(turn, 'open', 'What can I help you with?', 'hello') : ask(turn, 'open', 'How can I help you today?', 'hello', 'Hi!');
  const intent = detectIntent(turn.heard);
  switch (intent) {
    case 'goodbye':
      return goodbye(turn);
    case 'person':
      return toPerson(turn);
    case 'message':
      // "Leave a message for Mike to call me about the quote": that is the message.
      return startMessage(turn, '', 'Sure, I can take a message.', false, turn.heard.words.length > 8 ? turn.raw.trim() : undefined);
    case 'cancel':
    case 'reschedule':
      return startManage(turn, intent);
    case 'book':
      return startBooking(turn, await answerBeside(turn));
    case 'question': {
      // "do you take Venmo? my sink is backed up and I need someone out": the answer, then the booking.
      // Whether a visit is asked is read outside the question ("do you replace whole doors? ours got dented" asks none).
      const beside = questionBeside(turn.raw);
      if (beside && asksForVisit(turn.heard) && asksForVisit(hear(turn.heard.text.replace(beside.text.trim(), ' ')))) return startBooking(turn, await answerBeside(turn));
      // "can you fix my opener, it stopped working" asks for a visit unless the knowledge answers it;
      // "the drain backs up, do you do restaurants?" asks first whether the company does that work.
      const services = turn.profile.services.filter((s) => !s.emergency);
      const match = matchService(turn.heard, services);
      const kind = askedKindOfWork(turn.heard);
      const ours = kind === null || services.some((s) => isKindOf(kind, s));
      const job = ours && describesTrouble(turn.heard) && (match.best !== null || match.tied.length > 1);
      // "do you guys fix toilets": yes, when it is one of the services (unless the company's own entry says more).
      const weDo = kind !== null && !job ? await serviceWeDo(turn, kind) : null;
      if (weDo) return answered(turn, weDo, true);
      const answer = await knownAnswer(turn);
      if (answer) return answered(turn, answer);
      return job ? startBooking(turn, await answerBeside(turn)) : dontKnow(turn);
    }
    case 'repeat':
      return ask(turn, turn.st.step, turn.st.prompt || turn.profile.greeting, 'repeat');
    default:
      break;
  }
  // No clear request: a job the caller describes is a booking; a known answer is given.
  const services = turn.profile.services.filter((s) => !s.emergency);
  if (matchService(turn.heard, services).best || matchService(turn.heard, services).tied.length > 1) return startBooking(turn);
  // Trouble of their own no service is named for ("my door goes back up on its own"): a visit, unless the knowledge answers it.
  if ((describesTrouble(turn.heard) || unsureOfCause(turn)) && turn.heard.words.length >= 6 && !(await knownAnswer(turn))) return startBooking(turn);
  const answer = await knownAnswer(turn);
  if (answer) return answered(turn, answer);
  return { ...ask(turn, 'open', HOW_CAN_I_HELP, 'unknown', "Sorry, I'm not sure I understood."), misunderstood: true };
}

/** After "Is there anything else?": no ends the call politely; anything else is a new request. */
export async function anythingElseStep(turn: Turn): Promise<Reply> {
  // "okay, let's do it" after an answer about a service books that service.
  const topic = turn.st.topicService;
  delete turn.st.topicService;
  const other = matchService(turn.heard, turn.profile.services).best;
  if (topic && goesAhead(turn) && (!other || other.id === topic)) {
    turn.facts.serviceId = topic;
    if (turn.heard.words.length > 4) turn.facts.problem ??= turn.raw.trim();
    return startBooking(turn);
  }
  const answer = readYesNo(turn.heard);
  const words = turn.heard.words.length;
  // "ok thanks bye" is a goodbye, not a yes to "anything else?".
  if ((answer === 'no' && words <= 6) || isThanksOnly(turn.heard) || isGoodbye(turn.heard)) return goodbye(turn);
  if (answer === 'yes' && words <= 3) return ask(turn, 'open', 'Sure, what else can I help you with?', 'anything_else');
  return openStep(turn);
}
