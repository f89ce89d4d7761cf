/**
 * How the evaluation judges what the caller heard. Pure.
 *
 * Facts are compared after the same normalisation on both sides, so a fact passes however it is
 * written or spoken: lower case, no punctuation, prices as "95 dollars" ("$95", "ninety-five
 * dollars"), numbers as digits ("two years", "one forty-nine", "fourteen fifty", "twelve
 * hundred"), clock times without ":00" and with "am"/"pm" ("7:00 a.m.", "seven a.m."), a digit
 * said one by one joined up ("six oh six one four" = "60614"), and plural "s" dropped.
 */
const UNITS: Record<string, number> = {
  zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };
const isNumberWord = (w: string) => w in UNITS || w in TENS || w in SCALES;

/** A run of number words as digits: cardinal ("one hundred fifty"), compact ("one forty-nine"), or digit by digit. */
function numberOf(words: string[]): string {
  if (words.some((w) => w in SCALES)) {
    let total = 0;
    let part = 0;
    for (const w of words) {
      if (w === 'hundred') part = (part || 1) * 100;
      else if (w === 'thousand') {
        total += (part || 1) * 1000;
        part = 0;
      } else part += UNITS[w] ?? TENS[w] ?? 0;
    }
    return String(total + part);
  }
  if (words.length >= 3 && words.every((w) => w in UNITS && UNITS[w]! < 10)) return words.map((w) => UNITS[w]).join('');
  // Chunks under a hundred: "forty nine" is one chunk, "oh five" is "05".
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w in TENS && next !== undefined && next in UNITS && UNITS[next]! > 0 && UNITS[next]! < 10) {
      chunks.push(String(TENS[w]! + UNITS[next]!));
      i++;
    } else if (w === 'oh' && chunks.length > 0 && next !== undefined && next in UNITS && UNITS[next]! < 10) {
      chunks.push(`0${UNITS[next]}`);
      i++;
    } else chunks.push(String(UNITS[w] ?? TENS[w]));
  }
  if (chunks.length >= 3 && chunks.every((c) => c.length === 1)) return chunks.join('');
  if (chunks.length === 2 && chunks[1]!.length === 2) return chunks.join('');
  return chunks.join(' ');
}

export function normalizeFacts(text: string): string {
  let s = ` ${text.toLowerCase()} `
    .replace(/[’‘`]/g, "'")
    .replace(/\$\s?(\d[\d,]*)(?:\.(\d{2}))?/g, (_m, whole: string, cents?: string) => ` ${whole.replace(/,/g, '')} dollars${cents && cents !== '00' ? ` and ${Number(cents)} cents` : ''} `)
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/(\d+)\s*%/g, '$1 percent')
    .replace(/\b(\d{1,2}):00\b/g, '$1')
    .replace(/\b(\d{1,2}):(\d{2})\b/g, '$1$2')
    .replace(/\b([ap])\.?\s?m\b\.?/g, ' $1m ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  const words = s.trim().split(' ').filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    if (isNumberWord(words[i]!) && !(words[i] === 'oh' && !isNumberWord(words[i + 1] ?? ''))) {
      let j = i;
      while (j < words.length && isNumberWord(words[j]!)) j++;
      out.push(...numberOf(words.slice(i, j)).split(' '));
      i = j;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  // Phone numbers written in groups ("312 555 0123") read as one run of digits.
  s = ` ${out.map((w) => (w.length > 3 && w.endsWith('s') && !/\d/.test(w) && !w.endsWith('ss') ? w.slice(0, -1) : w)).join(' ')} `;
  // A price range said once ("249 to 399 dollars") holds both prices ("$249", "$399").
  s = s.replace(/ (\d+) (to|and|or) (\d+) dollar /g, ' $1 dollar $2 $3 dollar ');
  return s.replace(/ (\d{3}) (\d{3}) (\d{4}) /g, ' $1$2$3 ').trim();
}

export const containsFact = (reply: string, fact: string): boolean => ` ${normalizeFacts(reply)} `.includes(` ${normalizeFacts(fact)} `);

export const carriesTopic = (reply: string, keyFacts: readonly string[]): boolean => keyFacts.length > 0 && keyFacts.every((f) => containsFact(reply, f));

const ABSTAIN = /\b(do not|don'?t) (have|know)\b|\bnot sure\b|\bcan'?t answer\b|\bunable to answer\b|\b(leave|take) a message\b|\bcall you back\b|\bconnect you\b|\bput you through\b|\bnoted your question\b|\bdon'?t have (that|an answer|information)\b|\bcheck with\b/i;

export const soundsLikeAbstain = (reply: string): boolean => ABSTAIN.test(reply);

export type KnowledgeVerdict = 'correct' | 'wrong' | 'missed' | 'abstained' | 'answered_unanswerable';

/**
 * A reply to an answerable question is correct when it carries every fact of the expected topic
 * and no other topic's full set (a topic whose facts are all among the expected ones is not
 * "another", nor is a configuration topic about the same thing, e.g. the week's hours and the
 * lunch break). A reply to an unanswerable question is a correct abstain when it says so (or
 * offers a message or a person) and carries no topic's facts.
 */
export function judgeReply(reply: string, expected: { topic: string } | { abstain: true }, topics: Record<string, { keyFacts: string[]; source?: string; about?: string }>): KnowledgeVerdict {
  const carried = Object.entries(topics).filter(([, t]) => carriesTopic(reply, t.keyFacts)).map(([id]) => id);
  if ('abstain' in expected) return carried.length === 0 && soundsLikeAbstain(reply) ? 'abstained' : 'answered_unanswerable';
  const want = topics[expected.topic];
  if (!want || !carried.includes(expected.topic)) return 'missed';
  const wanted = new Set(want.keyFacts.map(normalizeFacts));
  // Configuration topics about the same thing (the week's hours and Saturday's) come from one source: carrying both is not a wrong answer.
  const sibling = (id: string) => want.source === 'configuration' && topics[id]!.source === 'configuration' && topics[id]!.about === want.about;
  const others = carried.filter((id) => id !== expected.topic && !sibling(id) && !topics[id]!.keyFacts.every((f) => wanted.has(normalizeFacts(f))));
  return others.length === 0 ? 'correct' : 'wrong';
}

const CONFIRMS_BOOKING = /\byou'?re all set\b|\bis booked\b|\bi'?ve booked\b|\bbooked you\b|\byou are booked\b|\bappointment is confirmed\b|\bbooking is confirmed\b/i;

/** Whether a reply tells the caller a booking was made. */
export const confirmsBooking = (reply: string): boolean => CONFIRMS_BOOKING.test(reply);
