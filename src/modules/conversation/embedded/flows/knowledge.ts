import { speakPrices } from '../../ear/money.ts';
import { speakText } from '../../ear/text.ts';
import { says } from '../understand/heard.ts';
import { matchService } from '../understand/service-match.ts';
import { ANYTHING_ELSE, ask, joinSay, type Reply, type Turn } from '../turn.ts';
import { offerMessage } from './message.ts';

/**
 * Questions: answered from the company's knowledge only when retrieval says the match is good
 * enough; otherwise the agent says it does not know, records the question for the company,
 * and offers to take a message. It never makes an answer up.
 */
const PRICE = /\s(how much|price|prices|pricing|cost|costs|charge|rate|rates)\s/;

/** The knowledge answer for the caller's words, ready to say, or null when there is none good enough. */
export async function knownAnswer(turn: Turn): Promise<string | null> {
  const found = await turn.tools.searchKnowledge(turn.raw);
  if (found.answerable && found.answer) return speakText(found.answer);
  // A price question about one of the services: its price as the company wrote it.
  if (says(turn.heard, PRICE)) {
    const { best } = matchService(turn.heard, turn.profile.services);
    if (best?.priceText) return `${best.name} is ${speakPrices(best.priceText)}.`;
  }
  return null;
}

export async function answerQuestion(turn: Turn): Promise<Reply> {
  const answer = await knownAnswer(turn);
  if (answer) return { ...ask(turn, 'anything_else', ANYTHING_ELSE, 'faq', answer), outcome: 'answered' };
  await turn.tools.recordUnanswered(turn.raw);
  const lead = joinSay("I'm sorry, I don't have an answer to that.", "I've noted your question for the team.");
  return offerMessage(turn, `Question the agent could not answer: "${turn.raw.trim()}"`, lead, 'faq.unknown');
}
