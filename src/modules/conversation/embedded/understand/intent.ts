import { hear, says, type Heard } from './heard.ts';

/**
 * What a caller wants, from what the speech recogniser heard. Emergencies are not read here:
 * the company's emergency phrases are asked of the knowledge tool first, every turn. Pure.
 */
export type Intent = 'goodbye' | 'person' | 'message' | 'cancel' | 'reschedule' | 'book' | 'question' | 'repeat' | 'unknown';

const GOODBYE = /\s(bye|goodbye|good bye|bye bye|thats all|thats it|that is all|that will be all|nothing else|thats everything|im good thanks|im all set|all set|have a (good|nice|great) (day|one|night|evening)|hang up|gotta go|thanks anyway|thank you anyway|ill call back|i will call back|ill call you back|ill get back to you|ill think about it|talk (it over|to my (husband|wife|partner))|thats all i needed|thats all i need)\s/;
const PERSON_WHO = String.raw`(person|human|someone|somebody|representative|rep|agent|operator|manager|owner|receptionist|dispatcher|office|staff|plumber|technician|tech|real person|live person|actual person|a real|a live)`;
const PERSON = new RegExp(
  String.raw`\s(talk|speak|chat)\s(to|with)\s((a|an|the|your|some)\s)?` + PERSON_WHO + String.raw`\s|\s(real|live|actual) (person|human)\s|\s(human|representative|operator)\s|\s(transfer|connect) me\s|\sput me through\s|\s(get|give) me (a|an) (person|human)\s` +
    // Someone asked for by name: "can I talk to Ray", "is Dave around", "I'd rather just talk to him".
    String.raw`|\s(can|could|may) i (talk|speak) (to|with) (?!you\s|my\s)[a-z]+\s|\sis [a-z]+ (around|there|in|available)( today| right now)?\s*$|\s(is|are) [a-z]+ (around|there|in|available)\s(can|could|so)\s|\s(id|i would) (rather|prefer to|like to) (just )?(talk|speak) (to|with) (him|her|them)\s`,
);
// "let Sam know the part came in", "tell Nora to call me": a message for someone (not "let me know").
const MESSAGE_FOR = /\s(let|tell) (?!me\s|us\s|you\s)([a-z]+)( [a-z]+)? know\s|\stell (?!me\s|us\s|you\s)([a-z]+) (that|to|the|my|i)\s|\s(pass|give) (this|that|it|a note) (on |along )?to\s/;
// "don't put me through to anyone": a transfer declined.
const NO_PERSON = /\s(dont|do not|no need to|dont need to|dont want to|not) (want to )?(be )?(put|transfer|transferred|connect|connected|talk|speak)\s/;
const CALLER = String.raw`(someone|somebody|anyone|them|him|her|the office|the owner|the manager|a person|you guys|one of you)`;
const MESSAGE = new RegExp(
  String.raw`\s(leave|take|pass on|pass along|give them) (a |an )?message\s|\s(call|ring) me back\s|\smessage for\s` +
    String.raw`|\s(have|get|want|need|like) ${CALLER} (to )?(call|ring|phone) me\s|\s${CALLER} (to )?(call|ring|phone) me (back|tomorrow|later|when|about|in|at|on)\s` +
    String.raw`|\s${CALLER} (give|gives|to give) me a (call|ring)\s|\s(get|getting) back to me\s|\s(give|gives) me a (call|ring)( back)?\s|\s(a|for a) (call back|callback)\s`,
);
const CANCEL = /\s(cancel|cancell?ation|call off)\s/;
// "push that to monday instead", "move it to the afternoon": the visit just booked, moved.
const RESCHEDULE = /\s(reschedule|re schedule|rebook|re book)\s|\s(move|change|push back|push|switch|shift)\s((my|the|our)\s)?(appointment|booking|visit|service call)\s|\s(move|change|push|switch|shift|bump|make)\s(it|that|this|that one|the time)\s(back\s|over\s)?(to|till|until|for)\s/;
const BOOK = new RegExp(
  [
    String.raw`\s(book|booking|schedule|appointment|appt|come out|come by|come over|come take a look|come look|come and look|take a look|send (someone|somebody|a|out|over|a tech|a plumber)|service call|house call)\s`,
    String.raw`\s(get|have) (someone|somebody|a \w+) (out|over|to come)\s`,
    String.raw`\s(set up|make|need|want|like|get) (a|an) (visit|appointment|technician|tech|plumber|repair|estimate|quote|tune up)\s`,
    String.raw`\s(can|could) (you|someone|somebody|anyone) (come|send|fix|repair|look)\s`,
    String.raw`\s(need|want|like) (someone|somebody|help|it fixed|to get it fixed|a repair)\s`,
    String.raw`\s(fix|repair|install|replace|unclog|tune up)\s`,
  ].join('|'),
);
const AVAILABILITY = /\s(availability|available|openings|opening|free slot|any time|anything (today|tomorrow|this week|next week))\s/;
// Callers lead in before the question: "yeah hi", "ok so", "hello there, um".
const LEAD_IN = String.raw`((yeah|yes|yep|hi|hello|hey|there|ok|okay|so|well|oh|and|also|quick question|i was wondering|i wanted to know|i wanna know|can i ask|just wondering)\s)*`;
const QUESTION_OPENER = new RegExp(String.raw`^\s${LEAD_IN}(what|whats|when|whens|where|wheres|why|who|whos|which|how|hows|are you|is there|is it|is that|does|do you|do i|did|can you tell|could you tell|would you|will you|have you|should i|are there|am i)\s`);
const QUESTION_CUE = /\s(how much|how long|how soon|how many|what (are|is|do|does)|do you (have|do|offer|take|accept|charge|work|serve|install|fix|repair|service|sell|give)|are you (open|licensed|insured|available)|price|prices|pricing|cost|costs|charge|fee|fees|hours|open on|warranty|guarantee|financing|discount|licensed|insured)\s/;
// A question asked anywhere in the sentence: callers tell their story first ("somebody's coming
// tomorrow, is there anything I should do before?").
const ASKS = /\s(is there|are there|is it|is that|do you|does it|does that|does the|do the|do i|do they|do any|does any|do your|does your|is your|are any|does anyone|does anybody|does someone|does somebody|can you|can we|can i|could you|would you|will you|will the|will it|will they|will i|should i|how long|how much|how many|how soon|how often|how do|how does|what happens|what if|what kind|what type|what brands|which|are you|are your|did you|have you|whats your|what are your|what is your)\s/;
// Asking to be booked, however it is worded as a question.
const BOOKING_REQUEST = new RegExp([
  String.raw`\s(book|schedule|set up|make) (me |us )?(an? )?(appointment|visit|service call|time)\s`,
  String.raw`\s(can|could|would|will) (you|someone|somebody|anyone|one of your guys|a tech|a technician) (come|get|be|stop|swing|head) (out|over|by|here)\s`,
  String.raw`\s(can|could|would) (you|yall) (send|get) (someone|somebody|a|an|one)\s`,
  String.raw`\s(can|could|may) (i|we) (get|have|book) (someone|somebody|a tech|a technician|an electrician|a plumber|one of your guys|you guys|you) (out|over|to come|here|by|in)\s`,
  String.raw`\s(do you have|you have|got) (anything|any openings?|availability|an opening|any time|time)\s`,
  String.raw`\swhen (can|could) (you|someone|somebody|the)\s`,
  // "can you book me for that", "could I schedule one", "I'd like to set that up".
  String.raw`\s(book|schedule|sign|put|pencil|squeeze|fit) (me|us) (in|up|for|down)\s`,
  String.raw`\s(can|could|may) (i|we) (book|schedule|set up|get) (that|it|one|a visit|an appointment|someone|somebody)\s`,
  String.raw`\s(like|want|wanna|need) to (book|schedule|set up) (that|it|one|a visit|an appointment|a time)\s`,
].join('|'));
const HYPOTHETICAL = /\s(what if|what happens if|what would happen if|in case)\s/;
// "is there a fee if I cancel": a question about the policy, not a request to cancel.
const POLICY = /\s(policy|policies|fee|fees|charge|charged|cost|penalty|what happens|what if|is there|how much notice|how far in advance|in advance)\s/;
const REPEAT = /\s(repeat( that)?|say (that|it) again|come again|what was that|didnt (catch|get|hear) (that|it|you)|pardon|sorry what)\s/;

export function detectIntent(heard: Heard): Intent {
  if (heard.words.length === 0) return 'unknown';
  if (says(heard, REPEAT) && heard.words.length <= 6) return 'repeat';
  if (says(heard, PERSON) && !says(heard, NO_PERSON)) return 'person';
  if (says(heard, MESSAGE) || says(heard, MESSAGE_FOR)) return 'message';
  const policy = says(heard, POLICY);
  if (says(heard, CANCEL)) return policy ? 'question' : 'cancel';
  if (says(heard, RESCHEDULE)) return policy ? 'question' : 'reschedule';
  // "what if a pipe bursts at night, can somebody come out?" asks about a case, not for a visit.
  if (says(heard, HYPOTHETICAL)) return 'question';
  const question = says(heard, QUESTION_OPENER) || heard.asked || says(heard, ASKS);
  // "do you have anything tomorrow" asks to book; "how much is drain cleaning" asks a question.
  if (question && !says(heard, AVAILABILITY) && !says(heard, BOOKING_REQUEST)) return 'question';
  if (says(heard, BOOK) || says(heard, AVAILABILITY) || says(heard, BOOKING_REQUEST)) return 'book';
  if (says(heard, QUESTION_CUE)) return 'question';
  if (says(heard, GOODBYE)) return 'goodbye';
  return 'unknown';
}

/** The caller asks for a visit somewhere in what they said (not as a case: "what if …, can someone come?"). */
export const asksForVisit = (heard: Heard): boolean =>
  !says(heard, HYPOTHETICAL) && (says(heard, BOOK) || says(heard, BOOKING_REQUEST) || says(heard, AVAILABILITY));

/** A goodbye said on its own ("no that's all, bye"), whatever step the call is in. */
export const isGoodbye = (heard: Heard): boolean => says(heard, GOODBYE) && !says(heard, BOOK) && heard.words.length <= 8;

// "do you guys work on roll-up doors", "can you fix gate openers": whether the company does a kind
// of work, not a job of the caller's own ("can you fix my opener", "can you fix that").
const KIND_OF_WORK = /\s(?:do|does|can|could|will|would) (?:you|yall|your company|your (?:guys|techs|technicians|plumbers|electricians))(?: guys| all)? (?:do|work on|service|handle|fix|repair|install|put in|replace|clean|unclog|hang|deal with|take care of|take on|work with|offer)\s(?!(?:my|our|mine|it|that|this|these|those|them|the(?! whole| entire)|one)\s)(.+)$/;
const CLAUSE_END = /\s(and|or|but|because|cause|if|since|so|we|i|im|my|our|ours|mine|theres|its|it|that|which|when|where|please|today|tomorrow)\s/;

/** What the caller asks whether the company works on ("commercial roll up doors"), or null. */
export function askedKindOfWork(heard: Heard): string | null {
  const rest = KIND_OF_WORK.exec(heard.text)?.[1];
  if (!rest) return null;
  const end = CLAUSE_END.exec(` ${rest}`);
  const kind = (end ? ` ${rest}`.slice(0, end.index) : rest).trim();
  return kind === '' ? null : kind;
}

/** Whether the text reads as a question (asked mid-flow, it is answered before carrying on). */
// Asked of the company or its people, anywhere in the sentence: "it's Omar, and do you guys take checks".
const ASKS_OF_US = /\s(do|does|did|are|is|can|could|will|would) (you|yall|your|the (tech|techs|technician|technicians|plumber|plumbers|electrician|electricians|guy|crew|installer))( guys| all)?\s/;

export const isQuestion = (heard: Heard): boolean => says(heard, QUESTION_OPENER) || ((says(heard, QUESTION_CUE) || says(heard, ASKS_OF_US)) && !says(heard, BOOK));

/** The question in what was said, from where it starts ("it's Omar, and do you take checks" → "do you take checks"). */
export function questionPart(heard: Heard): string {
  if (says(heard, QUESTION_OPENER)) return heard.text.trim();
  const starts = [ASKS_OF_US, QUESTION_CUE].map((p) => heard.text.search(p)).filter((i) => i >= 0);
  return starts.length === 0 ? heard.text.trim() : heard.text.slice(Math.min(...starts)).trim();
}

/** "never mind", "forget it", "stop": the caller abandons what the agent was collecting. */
export const isAbandon = (heard: Heard): boolean => /\s(never mind|nevermind|forget it|forget about it|dont bother|i changed my mind)\s/.test(heard.text);

/** Only a greeting or an acknowledgement ("hi", "hello there", "yes hi"): nothing asked yet. */
export const isHello = (heard: Heard): boolean =>
  heard.words.length > 0 && heard.words.length <= 4 && heard.words.every((w) => ['hi', 'hello', 'hey', 'there', 'yes', 'yeah', 'good', 'morning', 'afternoon', 'evening', 'ok', 'okay', 'oh'].includes(w));

// What callers say about a job of their own: "my faucet drips", "our opener stopped working".
const OWN = /\s(my|our|mine|the)\s/;
const TROUBLE = /\s(broken|broke|breaks|busted|stopped|wont|will not|not working|isnt working|doesnt work|does not work|quit|died|dead|leak|leaks|leaking|leaky|clogged|clog|backed up|backing up|snapped|stuck|drips|dripping|running|flickers|flickering|tripping|trips|no hot water|noise|noisy|squeaking|squeaks|squeals|grinding|rattles|rattling|humming|hums|buzzing|buzzes|came off|off track|sparking|burning|cracked|loose|wobbly|sags|sagging|crooked|frozen|froze|blinking|dim|dims|keeps|goes back up|goes right back up|comes back up|reverses|acting up|weird|smells|slow)\s/;

/** The caller describes trouble with something of theirs (a job to book, even when asked as a question). */
export const describesTrouble = (heard: Heard): boolean => says(heard, OWN) && says(heard, TROUBLE);

const THANKS_WORDS = new Set(['ok', 'okay', 'oh', 'alright', 'great', 'perfect', 'cool', 'awesome', 'so', 'thanks', 'thank', 'you', 'very', 'much', 'a', 'lot', 'no', 'nope', 'nah', 'im', 'good', 'then', 'sounds', 'got', 'it', 'appreciate', 'that', 'bye', 'goodbye']);

/** A bare "thanks" or "no thank you" after the agent asked whether there is anything else: the call is done. */
export const isThanksOnly = (heard: Heard): boolean =>
  heard.words.length > 0 && heard.words.length <= 6 && /\s(thanks|thank you|appreciate it|no|nope|nah)\s/.test(heard.text) && heard.words.every((w) => THANKS_WORDS.has(w));

// Where a request starts after a question said in the same breath: "… my sink is backed up", "… I need someone out".
const REQUEST_START = /\s((i|we) (need|want|would like|wanna|gotta|have to)|(can|could) (someone|somebody|you) (come|send)|(my|our) [a-z]+( [a-z]+)? (is|are|has|keeps|wont|isnt|stopped))\s/;

/**
 * A question said together with a request ("do you take Venmo? my sink is backed up, can someone
 * come tomorrow"): the question alone, from its own sentence or up to where the request starts;
 * null when the words hold no question apart from the request.
 */
export function questionBeside(raw: string): Heard | null {
  const sentences = raw.split(/(?<=[?.!])\s+/).map(hear).filter((h) => h.words.length > 0);
  if (sentences.length > 1) return sentences.find((h) => isQuestion(h)) ?? null;
  const heard = hear(raw);
  const part = ` ${questionPart(heard)} `;
  const end = REQUEST_START.exec(part);
  if (!end || end.index === 0) return null;
  const asked = hear(part.slice(0, end.index));
  return asked.words.length >= 3 && isQuestion(asked) ? asked : null;
}

