import { titleCase, type Heard } from './heard.ts';
import { digitRuns, readZip } from './spoken-digits.ts';

/** The caller's name, address and email as said in answer to the agent's question. Pure. */

const NAME_LEAD = /^\s*((yes|yeah|sure|ok|okay|hi|hello|well|so)\s)*((my name is|my names|name is|names|the name is|its|it is|this is|im|i am|call me|you can call me|first name is|they call me|put it under|its under|under the name|under)\s)?/;
const NAME_TAIL = /\s(here|speaking|thanks|thank you|please|calling)(\s.*)?$/;
const NOT_NAMES = new Set([
  'yes', 'no', 'yeah', 'nope', 'the', 'a', 'and', 'my', 'is', 'i', 'to', 'of', 'for', 'at', 'in', 'on', 'with', 'want', 'need', 'dont',
  'name', 'wrong', 'right', 'correct', 'address', 'number', 'phone', 'time', 'what', 'why', 'sorry', 'okay', 'ok', 'sure', 'hello', 'hi',
  'thats', 'good', 'fine', 'great', 'perfect', 'works', 'thanks', 'thank', 'you', 'yep', 'yup', 'cool', 'alright', 'it', 'that', 'this',
  // A question asked where the name was asked ("when can they come") is no name.
  'when', 'where', 'how', 'who', 'which', 'whats', 'does', 'do', 'are', 'should', 'could', 'would',
  // Spoken house numbers ("twenty one oh five southeast lake road") are no names.
  'zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred',
  // A time said where the name was asked ("tmrw pm") is no name.
  'today', 'tomorrow', 'tmrw', 'tonight', 'morning', 'afternoon', 'evening', 'am', 'pm', 'asap', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'next', 'week', 'anytime', 'whenever', 'soon',
]);
// "alan brewer b r e w e r": the surname spelled out after it.
const SPELLED = /(\s[a-z]){2,}\s*$/;

/** "my name is john smith" → 'John Smith'; up to four words of letters; null when none. */
// A name said with more after it: "tom reyes and this is my cell", "dana whitfield 312 555 0188".
const AFTER_NAME = /\s(and|thats|that is|spelled|spelt|with|from|this is|my number|my cell|my phone|number is|phone is|at|from|in|on|i live|i am|im|the address|address is|its|it is|\d+|zero|oh|one|two|three|four|five|six|seven|eight|nine)\s.*$/;

export function readName(heard: Heard): string | null {
  const text = heard.text.replace(NAME_LEAD, ' ').replace(AFTER_NAME, ' ').replace(NAME_TAIL, ' ').replace(SPELLED, ' ').trim();
  const words = text.split(/\s+/).filter((w) => /^[a-z][a-z-]*$/.test(w));
  if (words.length === 0 || words.length > 4 || words.some((w) => NOT_NAMES.has(w))) return null;
  if (words.length !== text.split(/\s+/).length) return null;
  return titleCase(words.join(' '));
}

/** The words that end a street's name ("street", "ave", "road" …). */
export const STREET = String.raw`(street|st|avenue|ave|road|rd|drive|dr|lane|ln|way|court|ct|boulevard|blvd|place|pl|circle|cir|terrace|ter|parkway|pkwy|highway|hwy|trail|trl|loop|row|square|sq|plaza|path|pike|route)`;
const STREET_WORD = new RegExp(String.raw`\s${STREET}\s`);
const STREET_END = new RegExp(String.raw`\s${STREET}((\s(apartment|apt|unit|suite|number)\s[a-z0-9]+)?)(?=\s)`, 'g');
const NUMBER_FIRST = /^\s*(\d|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)/;

const ADDRESS_LEAD = /^\s*((yes|yeah|sure|ok|okay|so|well)\s)*((my address is|the address is|address is|its|it is|im at|i am at|we are at|were at|i live at|we live at|thats|that is)\s)?/;
const ZIP_AT_END = /\s(zip( code)?( is)?\s)?(\d{5})(-\d{4})?\s*$/;

/**
 * A street address: lead-in words dropped, a zip said at the end split off, written in title
 * case ("1450 north dearborn street 60610" → address '1450 North Dearborn Street', zip
 * '60610'). Null when it has no house number and fewer than two words.
 */
// After the street: the town ("in mesa"), a zip said digit by digit, or a correction ("no sorry").
const AFTER_STREET = /\s(in|zip|zip code|no sorry|sorry|actually)\s.*$|(\s(zero|oh|one|two|three|four|five|six|seven|eight|nine)){3,}\s.*$/;

export function readAddress(heard: Heard): { address: string; zip: string | null } | null {
  const spokenZip = readZip(heard);
  let text = heard.text.replace(ADDRESS_LEAD, ' ');
  const cut = text.replace(AFTER_STREET, ' ');
  if (cut !== text && /^\s*\d/.test(cut)) text = ` ${cut.trim()} `;
  let zip: string | null = null;
  const tail = ZIP_AT_END.exec(text);
  if (tail && /\S+\s+\S+/.test(text.slice(0, tail.index).trim())) {
    zip = tail[4]!;
    text = text.slice(0, tail.index);
  }
  text = text.replace(/\s(in )?(chicago|denver)( illinois| colorado| il| co)?\s*$/, ' ').trim();
  const words = text.split(/\s+/).filter((w) => w !== '');
  const hasNumber = digitRuns({ text: ` ${text} `, words, asked: false }).length > 0;
  // It starts with a house number or names a street ("out on old mill road"), else it is about the job or a time.
  const street = STREET_WORD.test(` ${text} `);
  if (words.length < 2 || (!hasNumber && words.length < 3) || (!street && !(hasNumber && NUMBER_FIRST.test(` ${text}`)))) return null;
  // The address ends at its street word: the town and a zip said after it are not part of it.
  if (street) {
    const ends = [...` ${text} `.matchAll(STREET_END)].pop();
    if (ends) text = ` ${text} `.slice(0, ends.index + ends[0].length).trim();
  }
  return { address: titleCase(text), zip: zip ?? (spokenZip && !text.includes(spokenZip) ? spokenZip : null) };
}

const NO_EMAIL = /\s(no|none|skip|dont have|do not have|rather not|no email|pass|not now)\s/;

/** "john dot smith at gmail dot com" → 'john.smith@gmail.com'; 'skip' when the caller declines. */
export function readEmail(heard: Heard): string | 'skip' | null {
  const spoken = heard.text
    .replace(/\s(my email is|email is|its|it is)\s/, ' ')
    .replace(/\s(at sign|at)\s/g, '@')
    .replace(/\s(dot|period|point)\s/g, '.')
    .replace(/\s(underscore)\s/g, '_')
    .replace(/\s(dash|hyphen)\s/g, '-')
    .replace(/\s+/g, '');
  const email = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/.exec(spoken)?.[0];
  if (email) return email;
  return NO_EMAIL.test(heard.text) ? 'skip' : null;
}

/** A name introduced the way recognisers write it ("hey it's Brian Walsh, …", "this is Pete Sorensen"): capitalised words. */
export function readIntroducedName(raw: string): string | null {
  const m = /\b(?:[Ii]t'?s|[Ii]t is|[Tt]his is|[Mm]y name is|[Nn]ame's)\s+([A-Z][a-z]+(?:\s[A-Z][a-z'-]+)?)\b/.exec(raw);
  if (!m) return null;
  const words = m[1]!.toLowerCase().split(' ');
  return words.some((w) => NOT_NAMES.has(w)) ? null : m[1]!;
}
