import { hear, titleCase, type Heard } from './heard.ts';
import { readAddress, readEmail, STREET } from './details.ts';
import { digitRuns, readPhone } from './spoken-digits.ts';

/**
 * Every booking detail a caller gives in one breath, whatever the agent asked: "1418 east
 * fountain street in mesa eight five two zero three", "it's marco and my number is …", "only
 * after ten". The flow keeps what it does not have yet, so nothing said early is asked again.
 * Pure.
 */
export interface Harvest {
  phone?: string;
  zip?: string;
  email?: string;
  address?: string;
  /** A name given in so many words ("my name is …", "name's …", "this is … calling"). */
  name?: string;
  /** The words with spoken digit runs (zips, numbers) taken out, for reading a time limit. */
  timeText?: string;
}

// A house number, up to five words, and a street word; an optional unit after it.
const ADDRESS = new RegExp(String.raw`\s(\d{1,6}[a-z]?)\s((?:[a-z0-9]+\s){0,5}?)${STREET}((\s(apartment|apt|unit|suite|number)\s[a-z0-9]+)?)(?=\s)`);
const ADDRESS_SAID = /\s(the address is|address is|my address is|address s|im at|i am at|we are at|were at|i live at|we live at|located at)\s(.*)$/;
const NAME_SAID = /\s(my name is|my names|the name is|name is|names|this is|call me)\s([a-z]+(\s[a-z]+)?)(\s(calling|here|speaking|and|my|from|at|i|in|the|\d))?/;
const NOT_A_NAME = /^(a|an|the|my|is|at|in|on|for|about|calling|from|urgent|an emergency|regarding|fine|good|it|that|this|not|no|yes|yeah|so|just|really|actually|back|tomorrow|today|tonight|later|soon|asap|when|whenever|anytime|any|again|after|before|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|please|if|to|with|here|there|now)\b/;
const TIME_CUE = /\s(today|tonight|tomorrow|tmrw|2morrow|morning|afternoon|evening|noon|asap|soon|soonest|earliest|first thing|next week|this week|weekend|weekday|weekdays|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|after|before|between|oclock|am|pm|a\.m\.|p\.m\.)\s/;
const NUMBER_WORD = /^(zero|oh|o|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|double|triple|\d+)$/;

/** The words with runs of three or more number words (zips, phone numbers) removed. */
function withoutDigitRuns(words: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j < words.length && NUMBER_WORD.test(words[j]!)) j++;
    if (j - i >= 3 || (j - i === 1 && /^\d{4,}$/.test(words[i]!))) i = j;
    else {
      out.push(...words.slice(i, Math.max(j, i + 1)));
      i = Math.max(j, i + 1);
    }
  }
  return out.join(' ');
}

/**
 * `raw`: the words as the recogniser wrote them, when known; a comma there ends a run of digits
 * ("tempe eight five two eight one, one of the springs" holds the zip 85281, not six digits).
 */
export function harvest(heard: Heard, raw?: string): Harvest {
  const found: Harvest = {};
  const text = heard.text;
  const address = ADDRESS.exec(text);
  if (address) found.address = titleCase(`${address[1]} ${address[2]}${address[3]}${address[4] ?? ''}`.replace(/\s+/g, ' ').trim());
  else {
    // "… and the address is fourteen rocky hill road": an address announced, its number spoken.
    const announced = ADDRESS_SAID.exec(text);
    const read = announced ? readAddress(hear(announced[2]!)) : null;
    if (read) found.address = read.address;
  }
  const runs = digitRuns(heard);
  // Five digits ending a clause are a zip even when the next clause starts with a number word
  // (a phone number said in groups, "four one three, five five five, …", stays one run).
  const clauses = raw?.split(/[,;!?]\s|\.\s/).map(hear).filter((h) => h.words.length > 0) ?? [];
  if (clauses.length > 1) for (const r of clauses.flatMap((h) => digitRuns(h))) if (r.length === 5 && !runs.some((w) => w.includes(r) && w.length <= 5)) runs.push(r);
  const phone = runs.find((r) => r.length === 10 || r.length === 11);
  if (phone) found.phone = readPhone({ ...heard, words: [phone], text: ` ${phone} ` }) ?? undefined;
  // A five-digit run is a zip unless it is the house number.
  const zip = runs.filter((r) => r.length === 5 && r !== address?.[1]).pop();
  if (zip) found.zip = zip;
  if (/@|\s(at)\s.*\s(dot)\s/.test(text)) {
    const email = readEmail(heard);
    if (email && email !== 'skip') found.email = email;
  }
  const name = NAME_SAID.exec(text);
  if (name && !NOT_A_NAME.test(name[2]!)) found.name = titleCase(name[2]!);
  // "good morning" greets; it asks for no morning.
  const timeWords = heard.words.join(' ').replace(/\bgood (morning|afternoon|evening)\b/g, ' ').split(/\s+/).filter((w) => w !== '');
  if (TIME_CUE.test(` ${timeWords.join(' ')} `)) found.timeText = withoutDigitRuns(timeWords);
  return found;
}
