import { BoundedMap } from './bounded-map.ts';

/**
 * A light English stemmer and word lists for matching caller questions against entries. It
 * only has to map a word and its inflections to the same key ("clogged", "clogging", "clogs"
 * -> "clog"); the keys need not be real words. Pure.
 */

/** Words that say nothing about what the caller wants. */
export const STOPWORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'so', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'about',
  'as', 'up', 'out', 'off', 'over', 'down', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'doing',
  'have', 'has', 'had', 'having', 'i', 'me', 'my', 'mine', 'we', 'us', 'our', 'you', 'your', 'yours', 'he', 'him', 'his', 'she', 'her',
  'it', 'its', 'they', 'them', 'their', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'which', 'who', 'whom', 'whose',
  'when', 'where', 'why', 'how', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'any', 'some', 'all',
  'just', 'also', 'very', 'too', 'really', 'guys', 'guy', 'ya', 'yall', 'gonna', 'wanna', 'gotta', 'kind', 'sort', 'like', 'maybe',
  'please', 'hi', 'hello', 'hey', 'yeah', 'yes', 'ok', 'okay', 'um', 'uh', 'few', 'lot', 'bit', 'thing', 'something', 'anything',
  'anyone', 'right', 'now', 'ever', 'still', 'even', 'much', 'many', 'more', 'most', 'such', 'only', 'own', 'same', 'than', 'again',
]);

/** Words that carry a little meaning but must not decide a match on their own. */
export const WEAK_WORDS = new Set([
  'need', 'want', 'know', 'make', 'take', 'go', 'come', 'get', 'help', 'problem', 'issue', 'work', 'new', 'old', 'one', 'usually',
  'home', 'house', 'call', 'no', 'not', 'offer', 'provide', 'give', 'say', 'tell', 'look', 'use', 'type', 'way', 'time', 'question',
  'good', 'best', 'better', 'sure', 'think', 'happen', 'mean', 'let', 'put', 'keep', 'start', 'stop', 'turn', 'run',
  'accept', 'method', 'option', 'available', 'exactly', 'kind',
  // The story around a question (when it happened, who it is for) says little of what is asked.
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'week', 'month', 'day', 'next', 'ago', 'yesterday',
  'mom', 'dad', 'mother', 'father', 'sister', 'brother', 'wife', 'husband', 'kid', 'son', 'daughter', 'friend', 'neighbor',
  'stuff', 'part', 'instead', 'actually', 'wonder', 'wondering', 'ask', 'asking', 'guess', 'live', 'happen', 'came',
]);

/** Things a business does to many things (install it, fix it): they tell what the caller wants done, not about what. */
export const ACTION_WORDS = new Set(['install', 'fix', 'replace', 'clean', 'service', 'check', 'repair', 'do', 'handle']);

const VOWEL = /[aeiouy]/;

function undouble(w: string): string {
  const n = w.length;
  return n >= 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1]!) ? w.slice(0, -1) : w;
}

const memo = new BoundedMap<string, string>(20_000);

/** Strips plural and verb endings; leaves words of three letters or fewer alone. Memoised: callers repeat words. */
export function stem(word: string): string {
  return memo.getOrCompute(word, () => stemWord(word));
}

/** Past forms no suffix rule reaches, as the present they inflect ("the pipe broke" is about "break"). */
const IRREGULAR: Record<string, string> = {
  broke: 'break', broken: 'break', blew: 'blow', blown: 'blow', froze: 'freeze', frozen: 'freeze', tore: 'tear', torn: 'tear',
  fell: 'fall', fallen: 'fall', bought: 'buy', caught: 'catch', hung: 'hang', shook: 'shake', burnt: 'burn', leapt: 'leap',
  threw: 'throw', thrown: 'throw', wore: 'wear', worn: 'wear', rang: 'ring', rung: 'ring', dug: 'dig', sprang: 'spring',
  built: 'build', ran: 'run', began: 'begin', begun: 'begin',
};

function stemWord(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return stemWord(irregular);
  let w = word;
  if (w.length <= 3 || /^[0-9]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && (/[sxz]es$/.test(w) || /(ch|sh)es$/.test(w))) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ing') && w.length >= 6 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length >= 5 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));

  // Adjectives of a noun ("leaky", "noisy", "drafty", "smelly") read as the noun.
  else if (/[^aeiouy]y$/.test(w) && w.length >= 5) w = undouble(w.slice(0, -1));

  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
