import { speakPhone } from '../../ear/phone.ts';
import { readName } from '../understand/details.ts';
import { readPhone } from '../understand/spoken-digits.ts';
import { readYesNo } from '../understand/yes-no.ts';
import { detectIntent } from '../understand/intent.ts';
import { ANYTHING_ELSE, ask, joinSay, type Reply, type Turn } from '../turn.ts';

/**
 * Taking a message: the caller's name, a callback number (the caller id read back digit by
 * digit, or one they say), and what to pass on. Written once per turn key, so a repeated
 * webhook stores one message.
 */

/** Asks whether the caller wants to leave a message; `context` is stored with it (what led here). */
export function offerMessage(turn: Turn, context: string, lead: string, intent: string, urgent = false): Reply {
  turn.st.message = { context, urgent };
  return ask(turn, 'message.offer', 'Would you like to leave a message so someone can call you back?', intent, lead);
}

/** Starts taking a message right away. */
export function startMessage(turn: Turn, context: string, lead = '', urgent = false, body?: string): Reply | Promise<Reply> {
  turn.st.message = { context, urgent, ...(body ? { body } : {}) };
  return nextMessageDetail(turn, lead);
}

function nextMessageDetail(turn: Turn, lead: string): Reply | Promise<Reply> {
  const { facts } = turn;
  const caller = turn.input.call.callerNumber;
  if (!facts.name && !(turn.st.skipped ?? []).includes('message_name')) return ask(turn, 'message.name', 'Can I get your name, please?', 'message.name', lead);
  if (!facts.phone && caller) return ask(turn, 'message.phone', `Is ${speakPhone(caller)} the best number to call you back?`, 'message.phone', lead);
  if (!facts.phone) return ask(turn, 'message.phone_number', "What's the best number to call you back?", 'message.phone', lead);
  if (turn.st.message?.body) return saveMessage(turn, turn.st.message.body);
  return ask(turn, 'message.body', 'And what would you like me to pass on?', 'message.body', lead);
}

async function saveMessage(turn: Turn, said: string): Promise<Reply> {
  const { facts } = turn;
  const note = turn.st.message ?? { context: '', urgent: false };
  const body = [note.context, facts.problem && !note.context.includes(facts.problem) ? `Problem: ${facts.problem}` : '', `Message: ${said.trim()}`]
    .filter((p) => p !== '')
    .join('\n');
  await turn.tools.takeMessage({
    name: facts.name ?? '',
    callbackNumber: facts.phone!,
    body,
    urgent: note.urgent || facts.emergency === true,
    key: `${turn.input.call.callSid}:${turn.input.seq}:message`,
  });
  delete turn.st.message;
  const thanks = `Thanks${facts.name ? `, ${facts.name.split(' ')[0]}` : ''}. I'll pass that on, and someone will call you back at ${speakPhone(facts.phone!)}.`;
  return { ...ask(turn, 'anything_else', ANYTHING_ELSE, 'message.taken', thanks), outcome: 'message' };
}

export async function messageStep(turn: Turn): Promise<Reply> {
  const { st, heard, facts } = turn;
  switch (st.step) {
    case 'message.offer': {
      const answer = readYesNo(heard);
      // "no, don't transfer me, just have Ray call me back": a no to something else, a yes to the message.
      if (answer === 'yes' || detectIntent(heard) === 'message') {
        // "then can you let her know the inspector signed off": that is the message.
        if (detectIntent(heard) === 'message' && heard.words.length > 8 && st.message) st.message.body ??= turn.raw.trim();
        return nextMessageDetail(turn, 'Sure.');
      }
      if (answer === 'no') {
        delete st.message;
        return ask(turn, 'anything_else', ANYTHING_ELSE, 'message.declined', 'No problem.');
      }
      return { ...ask(turn, 'message.offer', 'Would you like to leave a message? Just say yes or no.', 'message.offer', 'Sorry, I missed that.'), misunderstood: true };
    }
    case 'message.name': {
      const phone = readPhone(heard);
      if (phone) facts.phone ??= phone;
      const name = readName(heard);
      if (name) {
        facts.name = name;
        return nextMessageDetail(turn, `Thanks, ${name.split(' ')[0]}.`);
      }
      const askedBefore = (st.skipped ?? []).includes('message_name');
      st.skipped = [...(st.skipped ?? []), 'message_name'];
      // Asked twice and still no name: the message goes without it.
      if (askedBefore) return nextMessageDetail(turn, 'Okay.');
      // What to pass on, said before the name: kept as the message, and the name asked once more.
      if (!phone && heard.words.length > 5 && st.message && !st.message.body) {
        st.message.body = turn.raw.trim();
        return ask(turn, 'message.name', 'And can I get your name, please?', 'message.name', "Got it, I'll pass that on.");
      }
      return { ...ask(turn, 'message.name', 'Could you tell me just your name?', 'message.name', phone ? 'Got the number.' : 'Sorry, I missed that.'), misunderstood: !phone };
    }
    case 'message.phone': {
      const given = readPhone(heard);
      const answer = readYesNo(heard);
      if (given) facts.phone = given;
      else if (answer === 'yes') facts.phone = turn.input.call.callerNumber!;
      else if (answer === 'no' && (heard.words.length <= 4 || /\s(number|cell|phone|call me at)\s/.test(heard.text))) return ask(turn, 'message.phone_number', "What's the best number to call you back?", 'message.phone');
      else if (heard.words.length > 4 && st.message) {
        // More about the matter instead of an answer: added to the message; the number read out stands.
        st.message.body = [st.message.body, turn.raw.trim()].filter(Boolean).join(' ');
        facts.phone = turn.input.call.callerNumber!;
      }
      else return { ...ask(turn, 'message.phone', `Is ${speakPhone(turn.input.call.callerNumber!)} the right number to call you back?`, 'message.phone', 'Sorry, I missed that.'), misunderstood: true };
      return nextMessageDetail(turn, 'Got it.');
    }
    case 'message.phone_number': {
      const given = readPhone(heard);
      if (!given) return { ...ask(turn, 'message.phone_number', 'Could you say the number again, digit by digit, with the area code?', 'message.phone', "Sorry, I didn't get the whole number."), misunderstood: true };
      facts.phone = given;
      return nextMessageDetail(turn, joinSay('Thanks, that was', `${speakPhone(given)}.`));
    }
    default:
      // 'message.body': whatever the caller says is the message.
      return saveMessage(turn, turn.raw);
  }
}
