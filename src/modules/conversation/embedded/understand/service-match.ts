import { stem, STOPWORDS } from '../../../knowledge/retrieval/stem.ts';
import type { ServiceOffer } from '../../types.ts';
import { hear, type Heard } from './heard.ts';

/**
 * Which of the company's services the caller describes: "my kitchen sink is clogged" → Drain
 * cleaning, "the AC isn't cooling" → AC repair. Caller words and each service's name and
 * description are folded into trade concepts (clogged → drain, hot water → water heater) and
 * stemmed; words of the name count double. What the caller says about the job (broken →
 * repair, new → replacement, maintenance → tune-up) favours the service named for it. Pure.
 */
const CONCEPTS: [RegExp, string][] = [
  // "no hot water", "lost power": something that worked has stopped (a repair), however old it is.
  [/\s(no|without|lost|losing|lose) (hot water|heat|power|water|lights)\s/g, ' repair $2 '],
  [/\s(hot water heater|hot water tank|hot water|water heater|water tank)\s/g, ' waterheater '],
  [/\s(tankless( water heater)?)\s/g, ' waterheater tankless '],
  [/\s(air conditioner|air conditioning|central air|air con|a c|ac unit|ac|cooling system|cooling)\s/g, ' aircon '],
  [/\s(furnace|heater|heating|heat|boiler)\s/g, ' furnace '],
  [/\s(tune up|tune it up|tune them up|tuneup|tune-up|maintenance|check up|checkup|annual service|seasonal)\s/g, ' tuneup '],
  [/\s(clogged|clog|clogs|blocked|backed up|backing up|plugged|stopped up|slow drain|not draining|wont drain|drains|drain)\s/g, ' drain '],
  [/\s(leaking|leaks|leaky|leak|dripping|drips|drip)\s/g, ' leak '],
  [/\s(replacement|replace|new|install|installation|installed|upgrade)\s/g, ' replace '],
  [/\s(estimate|quote|quotes)\s/g, ' estimate '],
  [/\s(safety|safe|unsafe|up to code)\s/g, ' safety '],
  [/\s(inspection|inspect|inspected|look over|looked over|go through|check over|check everything)\s/g, ' inspect '],
  // A spring that breaks goes off like a shot.
  [/\s(huge bang|loud bang|bang|banged|gunshot|loud pop|snapped|snap)\s/g, ' spring '],
  [/\s(repair|repairs|fix|fixed|broken|broke|not working|isnt working|stopped working|wont|doesnt|isnt|not|died|quit|stopped|noise|noisy|problem|trouble|blowing warm|warm air|hot air|cold air|making noise)\s/g, ' repair '],
];
const CUES = ['repair', 'replace', 'tuneup', 'estimate'].map(stem);

// "water heaters", "toilets": a plural is read as the thing itself before concepts are looked for.
const singular = (w: string) => (w.length > 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w);

function termsOf(text: string): string[] {
  let s = ` ${hear(text).words.map(singular).join(' ')} `;
  for (const [pattern, concept] of CONCEPTS) {
    // Twice: concepts next to each other share the space between them.
    s = s.replace(pattern, concept).replace(pattern, concept);
  }
  return s.split(/\s+/).filter((w) => w !== '' && !STOPWORDS.has(w) && !/^\d+$/.test(w)).map(stem);
}

// Words that name no kind of work ("those kind of jobs too").
const NO_KIND = new Set(['whole', 'entire', 'one', 'ones', 'work', 'stuff', 'job', 'jobs', 'type', 'types', 'too', 'also', 'here', 'today', 'anymore', 'things']);

/** Whether every word of `text` is one the service's name or description uses: the service is that kind of work. */
export function isKindOf(text: string, service: ServiceOffer): boolean {
  const known = new Set([...termsOf(service.name), ...termsOf(service.description)]);
  const said = termsOf(text).filter((t) => !NO_KIND.has(t));
  return said.length > 0 && said.every((t) => known.has(t));
}

export interface ServiceMatch {
  best: ServiceOffer | null;
  /** Services tied for the best score (two or more: ask which). */
  tied: ServiceOffer[];
}

// "I want a new one put in, the old one died": a new unit asked for, whatever became of the old one.
const WANTS_NEW = /\s(a new|new one|brand new|put in a|installed|install a|install one|put one in|replace it|replace the whole|replaced with)\s/;

const NOT_NEW = /\s(not|dont|do not|no need to|rather not|instead of|without) (replace|replacing|replaced|install|installing|a new|buy a new|get a new)\s/;

export function matchService(heard: Heard, services: readonly ServiceOffer[]): ServiceMatch {
  const said = new Set(termsOf(heard.text));
  // "just fix it, not replace it": the kind of job turned down is no cue.
  if (NOT_NEW.test(heard.text)) said.delete(stem('replace'));
  else if (WANTS_NEW.test(heard.text) && said.has(stem('replace'))) said.delete(stem('repair'));
  const names = services.map((s) => new Set(termsOf(s.name)));
  // A word in most of the names ("door" at a garage door company) tells the services apart from nothing.
  const common = (t: string) => services.length >= 3 && names.filter((n) => n.has(t)).length > services.length / 2;
  const scored = services.map((service, i) => {
    const name = names[i]!;
    const description = new Set(termsOf(service.description));
    let score = 0;
    let nameHits = 0;
    for (const t of said) {
      if (common(t)) continue;
      if (name.has(t)) nameHits++;
      score += name.has(t) ? 2 : description.has(t) ? 1 : 0;
    }
    // The kind of job said (repair, replace, tune-up) favours the service named for it, even where most names share it.
    for (const cue of CUES) if (said.has(cue) && name.has(cue)) score += 0.5;
    return { service, score, nameHits };
  });
  const top = Math.max(0, ...scored.map((s) => s.score));
  if (top < 2) return { best: null, tied: [] };
  // A tie is settled by the service more of whose own name the caller said ("opener" and "new").
  const level = scored.filter((s) => s.score === top);
  const mostHits = Math.max(...level.map((s) => s.nameHits));
  const tied = level.filter((s) => s.nameHits === mostHits).map((s) => s.service);
  return tied.length === 1 ? { best: tied[0]!, tied: [] } : { best: null, tied };
}
