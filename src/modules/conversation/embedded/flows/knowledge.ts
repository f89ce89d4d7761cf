import { answerFromConfiguration } from '../../company-facts/facts-answer.ts';
import { placeNamed } from '../../company-facts/towns.ts';
import type { KnowledgeAnswer } from '../../types.ts';
import { speakText } from '../../ear/text.ts';
import { hear } from '../understand/heard.ts';
import { ANYTHING_ELSE, ask, joinSay, type Reply, type Turn } from '../turn.ts';
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

export async function knownAnswer(turn: Turn): Promise<string | null> {
  const fromConfig = answerFromConfiguration(turn.heard, turn.profile, turn.now);
  const found = await turn.tools.searchKnowledge(turn.raw);
  const generic = found.source === 'trade' && ASKS_WHAT_WE_DO.test(turn.heard.text);
  const entryAnswers = found.answerable && found.answer !== null && !generic;
  if (fromConfig) {
    const entryTopic = found.question ? answerFromConfiguration(hear(found.question), turn.profile, turn.now)?.topic : undefined;
    const entryWins = entryAnswers && ((found.score >= CLEARLY_ANOTHER_TOPIC && entryTopic !== fromConfig.topic) || namesSamePlace(turn, found));
    if (!entryWins) return speakText(fromConfig.say);
  }
  return entryAnswers ? speakText(found.answer!) : null;
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
