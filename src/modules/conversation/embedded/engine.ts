import type { AgentTools, ConversationEngine, TurnInput, TurnResult } from '../types.ts';
import { anythingElseStep, openStep } from './flows/open.ts';
import { bookingDetailStep } from './flows/booking.ts';
import { chooseStep, timeStep } from './flows/booking-slots.ts';
import { confirmStep, fixStep } from './flows/booking-fix.ts';
import { readTimeWish } from './flows/booking-time.ts';
import { emergencyOfferStep, handleEmergency } from './flows/emergency.ts';
import { giveUp, goodbye, releaseHold, toPerson, wrapUp } from './flows/endings.ts';
import { knownAnswer } from './flows/knowledge.ts';
import { manageStep } from './flows/manage.ts';
import { messageStep, startMessage } from './flows/message.ts';
import { readEmbeddedState } from './state.ts';
import { ANYTHING_ELSE, ask, joinSay, type Reply, type Turn } from './turn.ts';
import { readIntroducedName } from './understand/details.ts';
import { hear } from './understand/heard.ts';
import { detectIntent, isAbandon, isGoodbye, isQuestion, questionPart } from './understand/intent.ts';
import { readYesNo } from './understand/yes-no.ts';

/**
 * The embedded engine: a deterministic dialogue manager with no network. It needs no key,
 * runs every test, and answers whenever the language model cannot. Each turn: the call's
 * time limit, then silence or unclear speech, then the emergency check (every turn, before
 * anything else), then what the caller said in the light of the step the call is at.
 */
export const LOW_CONFIDENCE = 0.4;
const DEFAULT_MISUNDERSTANDING_LIMIT = 3;

export function createEmbeddedEngine(): ConversationEngine {
  return { name: 'embedded', respond };
}

async function respond(input: TurnInput, tools: AgentTools): Promise<TurnResult> {
  const st = readEmbeddedState(input.state.engine);
  if (st.step === 'ended') st.step = 'open';
  const raw = input.utterance?.text.trim() ?? '';
  const turn: Turn = {
    input,
    tools,
    profile: input.profile,
    heard: hear(raw),
    raw,
    facts: structuredClone(input.state.facts),
    st,
    bookingId: input.state.bookingId,
    now: input.now,
  };
  let reply = await answer(turn);
  let misunderstandings = reply.misunderstood ? input.state.misunderstandings + 1 : 0;
  const limit = input.profile.transferWhen.afterMisunderstandings || DEFAULT_MISUNDERSTANDING_LIMIT;
  if (reply.misunderstood && misunderstandings >= limit) {
    reply = await giveUp(turn, raw === '');
    misunderstandings = 0;
  }
  return {
    say: reply.say,
    next: reply.next ?? { kind: 'listen' },
    state: {
      facts: turn.facts,
      misunderstandings,
      ...(turn.bookingId ? { bookingId: turn.bookingId } : {}),
      engine: { ...input.state.engine, embedded: turn.st },
    },
    intent: reply.intent,
    ...(reply.outcome ? { outcome: reply.outcome } : {}),
  };
}

const elapsedSeconds = (turn: Turn) => (turn.now.getTime() - turn.input.call.startedAt.getTime()) / 1000;

async function answer(turn: Turn): Promise<Reply> {
  if (elapsedSeconds(turn) >= turn.profile.maxCallSeconds) return wrapUp(turn);
  const { utterance } = turn.input;
  // Silence and speech the recogniser is unsure of are never read as words.
  if (!utterance || turn.raw === '') return reprompt(turn, 'Are you still there?', 'silence');
  if (utterance.confidence !== null && utterance.confidence < LOW_CONFIDENCE) return reprompt(turn, "Sorry, I didn't quite catch that.", 'unclear');
  const emergency = await turn.tools.detectEmergency(turn.raw);
  if (emergency && !(turn.st.emergencies ?? []).includes(emergency.key)) {
    await releaseHold(turn, 'Caller reported an emergency');
    return handleEmergency(turn, emergency);
  }
  // "hi, this is Pete Sorensen …": a name introduced in passing is kept for whatever the call becomes.
  const introduced = turn.facts.name ? null : readIntroducedName(turn.raw);
  if (introduced) turn.facts.name = introduced;
  const interrupted = await interruption(turn);
  if (interrupted) return interrupted;
  return asksMidFlow(turn) ? questionMidFlow(turn) : stepAnswer(turn);
}

function reprompt(turn: Turn, lead: string, intent: string): Reply {
  const question = turn.st.prompt || (turn.st.step === 'open' ? 'How can I help you today?' : ANYTHING_ELSE);
  return { say: joinSay(lead, question), intent, misunderstood: true };
}

const TIME_STEPS = new Set(['book.time', 'book.choose', 'manage.time', 'manage.choose']);

// Steps whose answer is free text (or routed as a new request): nothing there interrupts.
const FREE_TEXT_STEPS = new Set(['open', 'anything_else', 'message.body']);

/** What the caller may say at any step: goodbye, a person, a message, never mind, a question. */
async function interruption(turn: Turn): Promise<Reply | null> {
  const { st, heard } = turn;
  if (FREE_TEXT_STEPS.has(st.step)) return null;
  if (isGoodbye(heard)) return goodbye(turn);
  const intent = detectIntent(heard);
  if (intent === 'person') return toPerson(turn);
  if (intent === 'repeat') return { say: st.prompt, intent: 'repeat' };
  // At the offer of a message, "can you let her know …" is the yes and the message itself.
  if (intent === 'message' && st.step === 'message.offer') return null;
  if (intent === 'message' && !st.step.startsWith('message.')) {
    await releaseHold(turn, 'Caller chose to leave a message instead');
    return startMessage(turn, '', 'Sure, I can take a message.');
  }
  if (isAbandon(heard) && !st.step.startsWith('message.')) {
    await releaseHold(turn, 'Caller stopped the booking');
    delete st.manage;
    delete st.offers;
    delete st.time;
    return ask(turn, 'anything_else', ANYTHING_ELSE, 'abandon', 'No problem.');
  }
  return null;
}

/**
 * A question mid-flow ("does the technician take cards?"); "what do you have tomorrow?" asked
 * about times is an answer about times, and whatever is said to "what's going on?" describes the job.
 */
function asksMidFlow(turn: Turn): boolean {
  const { st, heard } = turn;
  // At the offer of a message, anything but yes or no is a new request, read as one (openStep).
  if (FREE_TEXT_STEPS.has(st.step) || st.step === 'book.problem' || st.step === 'message.offer') return false;
  // "can you let him know …" asks for a message, not a question.
  if (detectIntent(heard) === 'message') return false;
  return isQuestion(heard) && !(TIME_STEPS.has(st.step) && readTimeWish(turn).ok);
}

// Steps that collect a booking's details: whatever else is said with a question is read there too.
const DETAIL_STEPS = new Set(['book.service', 'book.name', 'book.phone', 'book.phone_number', 'book.address', 'book.zip', 'book.email']);

/**
 * A question asked mid-flow is answered (or said plainly to be one the agent cannot answer, and
 * recorded), then the conversation goes on where it was: while a booking's details are being
 * collected, what else the caller said is read as usual and the next missing detail is asked;
 * elsewhere, or when nothing else was said, the step's own question is asked again.
 */
async function questionMidFlow(turn: Turn): Promise<Reply> {
  // Asked about the question alone: a name or a number said before it is no part of it.
  const question = questionPart(turn.heard);
  const known = await knownAnswer({ ...turn, raw: question, heard: hear(question) });
  if (known && !DETAIL_STEPS.has(turn.st.step)) return { say: joinSay(known, turn.st.prompt), intent: 'faq', outcome: 'answered' };
  // The step reads the same words; if they answered nothing it asked, it leaves no trace.
  const before = { st: structuredClone(turn.st), facts: structuredClone(turn.facts) };
  const reply = await stepAnswer(turn);
  if (!reply.misunderstood) return known ? { ...reply, say: joinSay(known, reply.say), outcome: reply.outcome ?? 'answered' } : reply;
  turn.st = before.st;
  turn.facts = before.facts;
  if (known) return { say: joinSay(known, turn.st.prompt), intent: 'faq', outcome: 'answered' };
  await turn.tools.recordUnanswered(turn.raw);
  return { say: joinSay("I'm sorry, I don't have an answer to that, but I've noted your question for the team.", turn.st.prompt || ANYTHING_ELSE), intent: 'faq.unknown' };
}

function stepAnswer(turn: Turn): Promise<Reply> {
  const step = turn.st.step;
  switch (step) {
    case 'open':
      return openStep(turn);
    case 'anything_else':
      return anythingElseStep(turn);
    case 'book.time':
      return timeStep(turn);
    case 'book.choose':
      return chooseStep(turn);
    case 'book.confirm':
      return confirmStep(turn);
    case 'book.fix':
      return fixStep(turn);
    case 'emergency.offer':
      return emergencyOfferStep(turn);
    case 'message.offer':
      // Neither yes nor no: the caller moved on to something else.
      return readYesNo(turn.heard) === null ? openStep(turn) : messageStep(turn);
    case 'ended':
      return openStep(turn);
    default:
      if (step.startsWith('book.')) return bookingDetailStep(turn);
      if (step.startsWith('message.')) return messageStep(turn);
      return manageStep(turn);
  }
}
