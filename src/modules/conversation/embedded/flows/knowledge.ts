import { stem, STOPWORDS } from '../../../knowledge/retrieval/stem.ts';
import { answerFromConfiguration } from '../../company-facts/facts-answer.ts';
import { placeNamed } from '../../company-facts/towns.ts';
import type { KnowledgeAnswer } from '../../types.ts';
import { speakText } from '../../ear/text.ts';
import { hear } from '../understand/heard.ts';
import { ANYTHING_ELSE, ask, joinSay, serviceWords, type Reply, type Turn } from '../turn.ts';
import { isKindOf, matchService } from '../understand/service-match.ts';
import { offerMessage } from './message.ts';

/**
 * Questions: answered from the company's knowledge only when retrieval says the match is good
 * enough; otherwise the agent says it does not know, records the question for the company,
 * and offers to take a message. It never makes an answer up.
 */
/** A knowledge entry this sure of itself answers even a question the configuration could answer. */
const CLEARLY_ANOTHER_TOPIC = 0.6;

/**
 * The answer for the caller's words, ready to say, or null when there is none good enough.
 * Hours, holidays, the service area, arrival windows and a named service's price come from the
 * booking configuration (what the agent books by), unless a knowledge entry clearly answers a
 * different question; everything else from the knowledge base.
 */
// "Do you install water softeners?" asks what this company does: a trade's generic entry cannot say.
const ASKS_WHAT_WE_DO = /\s(do|does|can|could|will|would) (you|yall|your company|your guys|your techs|your technicians)\s/;

/** The company's own entry asks about the very town the caller named ("do you go to Scottsdale?"): its words answer. */
function namesSamePlace(turn: Turn, found: KnowledgeAnswer): boolean {
  const place = placeNamed(turn.heard.words, turn.profile.facts.serviceArea);
  if (!place || /^\d/.test(place.said) || found.source !== 'company' || !found.question) return false;
  return hear(found.question).text.includes(` ${place.said.toLowerCase()} `);
}

/**
 * The policies every receptionist is asked about, each as the ways callers say it. A company's
 * own entry that ranks first on the same policy answers below the line: callers wrap such a
 * question in their story ("something came up, if I move it is there a fee"), which lowers every
 * score, while the entry's own question names the policy plainly.
 */
const POLICIES: RegExp[] = [
  /\s(cancel|cancels|cancelled|canceling|cancellation|reschedule|rescheduling|move (my|the|it|that|our) (appointment|visit)?|change (my|the) (appointment|visit)|push (it|that|the visit|my visit|the appointment|my appointment) back)\s/,
  // A home warranty is a plan from another company, not the company's own guarantee.
  /\s(?<!home )(warranty|warranties|guarantee|guaranteed|guarantees|covered|coverage)\s/,
  /\s(financing|finance|payment plan|monthly payments|pay (for it )?over time|pay it off)\s/,
  /\s(permit|permits)\s/,
  /\s(licensed|license|licence|insured|insurance|bonded)\s/,
  /\s(credit cards?|debit|cash|checks?|venmo|zelle|apple pay|forms of payment|payment methods?|pay (with|by|up front|when))\s/,
];
const CLEAR_WIN_SCORE = 0.26;

/** Whether the caller's words (as heard) and an entry's question are about the same policy. Pure. */
export function samePolicy(said: string, entryQuestion: string | null): boolean {
  if (!entryQuestion) return false;
  const entry = hear(entryQuestion).text;
  return POLICIES.some((p) => p.test(said) && p.test(entry));
}

export async function knownAnswer(turn: Turn): Promise<string | null> {
  const fromConfig = answerFromConfiguration(turn.heard, turn.profile, turn.now, turn.facts.serviceId ?? turn.st.topicService);
  const found = await turn.tools.searchKnowledge(turn.raw);
  const generic = found.source === 'trade' && ASKS_WHAT_WE_DO.test(turn.heard.text);
  const policy = found.source === 'company' && found.score >= CLEAR_WIN_SCORE && samePolicy(turn.heard.text, found.question);
  const entryAnswers = (found.answerable || policy) && found.answer !== null && !generic;
  if (fromConfig) {
    const entryTopic = found.question ? answerFromConfiguration(hear(found.question), turn.profile, turn.now)?.topic : undefined;
    // A trade's generic entry never outweighs the company's own configuration.
    const entryWins = entryAnswers && found.source === 'company' && ((found.score >= CLEARLY_ANOTHER_TOPIC && entryTopic !== fromConfig.topic) || namesSamePlace(turn, found));
    if (!entryWins) return speakText(fromConfig.say);
  }
  return entryAnswers ? speakText(found.answer!) : null;
}

const HOME_WORDS = new Set(['a', 'an', 'the', 'my', 'our', 'house', 'houses', 'home', 'homes', 'older', 'old', 'new', 'newer', 'residential', 'me', 'us', 'here']);
const termsOf = (text: string) => new Set(hear(text).words.filter((w) => !STOPWORDS.has(w)).map(stem));

/** The share of an entry question's words the caller said ("permits and inspections" is half about "inspections" at most). */
function sharedTerms(entryQuestion: string, said: string): number {
  const entry = termsOf(entryQuestion);
  const caller = termsOf(said);
  return entry.size === 0 ? 0 : [...entry].filter((t) => caller.has(t)).length / entry.size;
}

/**
 * "Do you guys fix toilets?", "do you replace the whole door?": yes, naming the service that
 * does that kind of work, unless the company's own entry clearly answers the question (it
 * may say more, or say no). Null when no service is that kind of work.
 */
export async function serviceWeDo(turn: Turn, kind: string): Promise<string | null> {
  const services = turn.profile.services.filter((s) => !s.emergency);
  // "inspections for older houses" is inspections; "gate openers" is no garage door opener, nor is
  // "plumbing for restaurants" the home plumbing the services are (who it is for may be no customer of ours).
  const [head, ...forWhom] = kind.split(/\s(?:for|on|in|with|at|like|from)\s/) as [string, ...string[]];
  if (forWhom.join(' ').split(/\s+/).some((w) => w !== '' && !HOME_WORDS.has(w))) return null;
  const service = matchService(turn.heard, services).best ?? matchService(hear(head), services).best;
  if (!service || !isKindOf(head, service)) return null;
  const found = await turn.tools.searchKnowledge(turn.raw);
  const entryIsAbout = found.question !== null && sharedTerms(found.question, turn.raw) >= 0.5;
  if (found.source === 'company' && found.answerable && found.answer !== null && found.score >= CLEARLY_ANOTHER_TOPIC && entryIsAbout) return speakText(found.answer);
  return `Yes, we do. That's our ${serviceWords(service.name)}.`;
}

export async function answerQuestion(turn: Turn): Promise<Reply> {
  const answer = await knownAnswer(turn);
  if (answer) return { ...ask(turn, 'anything_else', ANYTHING_ELSE, 'faq', answer), outcome: 'answered' };
  return dontKnow(turn);
}

/** No answer good enough: said plainly, the question recorded for the company, a message offered. */
export async function dontKnow(turn: Turn): Promise<Reply> {
  await turn.tools.recordUnanswered(turn.raw);
  const lead = joinSay("I'm sorry, I don't have an answer to that.", "I've noted your question for the team.");
  return offerMessage(turn, `Question the agent could not answer: "${turn.raw.trim()}"`, lead, 'faq.unknown');
}
