import { DateTime } from 'luxon';
import type { Heard } from '../embedded/understand/heard.ts';
import { matchService } from '../embedded/understand/service-match.ts';
import type { AgentProfile } from '../types.ts';
import { breakText, dayText, holidaysText, weekText, windowsText, WEEKDAYS, type Weekday } from './hours-text.ts';
import { placeNamed, townsDescribed, townsServed } from './towns.ts';

/**
 * Questions the booking configuration itself answers: opening hours (and the lunch break),
 * holidays, the service area (towns from its zips), arrival windows, and a named service's
 * price. Answered from the configuration so they can never disagree with what the agent books.
 * Null when the question is not one of them, or the configuration has nothing to say. Pure.
 */
export type FactsTopic = 'hours' | 'lunch' | 'holidays' | 'area' | 'windows' | 'price';

export interface FactsAnswer {
  topic: FactsTopic;
  say: string;
}

const OPEN_CLOSE = String.raw`(open|opened|opening|close|closed|closing|around|there|working|available)`;
const HOURS = new RegExp([
  String.raw`\s(hours|business hours|office hours|opening hours|working hours)\s`,
  String.raw`\s(are|is|r) (you|yall|the office|your office|your shop|you guys|you all|anyone|somebody|someone) (guys |all )?${OPEN_CLOSE}\s`,
  String.raw`\s(when|what time|what days|how late|how early|until when|till when|til when) (do|are|does|will|is|can) (you|yall|the office|your office|you guys|they|someone)( guys| all)? (open|close|start|work|closed|there|available|answer|stop)`,
  String.raw`\s(open|closed) (on |this |next )?(saturdays?|sundays?|weekends?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|today|tomorrow|tonight|late|early|evenings?)\s`,
  String.raw`\s(what time|when) (do|does) (you|the office|your office)( guys)? (open|close)\s`,
  // "do you guys do saturdays", "do you work weekends".
  String.raw`\s(do|does|can) (you|yall|anyone|someone|somebody)( guys| all)? (do|work|come out|come) (on )?(saturdays?|sundays?|weekends?|evenings?)\s`,
].join('|'));
// Questions about after-hours emergency service belong to the company's own knowledge.
const EMERGENCY_HOURS = /\s(emergenc\w*|on call|oncall|24 7|247|24 hours|twenty four|around the clock|middle of the night|at night|overnight|nights)\s/;
const LUNCH = /\s(lunch|lunchtime|lunch break|midday|middle of the day|break)\s/;
const HOLIDAY = /\s(holiday|holidays|christmas|thanksgiving|new years?|memorial day|independence day|fourth of july|july 4th|labor day|patriots day|patriots|easter|veterans day|presidents day|mlk day)\s/;
const AREA = /\s(service area|your area|my area|our area|areas|what area|serve|served|serving|travel|how far|that far|as far as|what towns|which towns|what cities|which cities|towns|cities|where do you work|where are you located|where are you based|located|based)\s/;
// Said with a town or zip, these ask about the area too: "do you cover queen creek", "come out to 85203".
// "do you work on roll-up doors, we're in Mesa" asks about the work, not the area.
const AREA_WITH_PLACE = /\s(service|servicing|cover|covered|come|come out|go|go out|work(?! on\s)|out to|out in|get out)\s/;
const WINDOWS = /\s(arrival window|arrival windows|arrival time|time window|time windows|window|windows|time frame|timeframe|exact time|arrive|arrives|arriving|arrival|show up|get here|get there)\s/;
const PRICE = /\s(how much|price|prices|pricing|priced|cost|costs|charge|charges|rate|rates|fee|fees|expensive|ballpark|run me|runs|quote)\s|\s(it|that|this|one|usually|typically) run\s/;
// "I already bought the opener, can you put it in": a part of the caller's own, which a service's price (part included) does not fit.
const OWN_PART = /\s(i|we) (already |just )?(bought|have|got|purchased|ordered) (a|an|my|our|the|one)\s.*\s(install|put in|hook up|mount|put it in|put up)(?=\s)/;
const DAY_WORDS: [RegExp, Weekday][] = WEEKDAYS.map((d) => [new RegExp(`\\s${d}s?\\s`), d]);

const HOURS_CUE = /\s(open|opened|close|closed|closing|hours)\s/;
const DAY_RANGE = new RegExp(String.raw`\s(${WEEKDAYS.join('|')})s? (to|through|thru|till|until) (${WEEKDAYS.join('|')})s?\s`);

/**
 * The day asked about: the first named after "open" or "closed", else the first outside a span
 * the caller tells of ("are you open saturday, I work monday through friday" asks about Saturday).
 */
function askedDay(heard: Heard, timeZone: string, now: Date): Weekday | null {
  const t = heard.text;
  const named = DAY_WORDS.map(([pattern, day]) => ({ day, at: t.search(pattern) })).filter((d) => d.at >= 0).sort((a, b) => a.at - b.at);
  const cue = t.search(HOURS_CUE);
  const span = DAY_RANGE.exec(t);
  const inSpan = (at: number) => span !== null && at >= span.index && at < span.index + span[0].length - 1;
  const asked = named.find((d) => cue >= 0 && d.at > cue) ?? named.find((d) => !inSpan(d.at)) ?? named[0];
  if (asked) return asked.day;
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  if (/\s(today|tonight)\s/.test(heard.text)) return WEEKDAYS[today.weekday - 1]!;
  if (/\stomorrow\s/.test(heard.text)) return WEEKDAYS[today.plus({ days: 1 }).weekday - 1]!;
  return null;
}

function areaAnswer(heard: Heard, profile: AgentProfile): string | null {
  const area = profile.facts.serviceArea;
  if (area.length === 0) return null;
  // The towns of its zips, and those its own description names near them (a zip's table name is one town of several).
  const towns = [...new Set([...townsServed(area), ...townsDescribed(profile.businessDescription, area)])];
  const list = towns.length > 1 ? `${towns.slice(0, -1).join(', ')} and ${towns[towns.length - 1]}` : (towns[0] ?? '');
  const served = list ? `We serve ${list}.` : '';
  const place = placeNamed(heard.words, area, townsDescribed(profile.businessDescription, area));
  if (!place) return served || null;
  if (place.servedZips.length > 0) return `Yes, ${place.said} is in our service area. ${served}`.trim();
  return `I'm sorry, ${place.said} is outside our service area. ${served}`.trim();
}

// "just to come out and figure out why": the general visit's price, whatever the job turns out to be.
const VISIT_FEE = /\s(just to come out|to come out and (look|see|figure|check|diagnose|take a look)|come out and (look|see|figure|check|diagnose)|trip charge|service call fee|call out fee|callout fee|visit fee|diagnostic fee|to diagnose|to figure out)\s/;
// "how much is that", "what does that run": the service the call is about.
const THAT_PRICE = /\s(that|it|this|one)\s/;

function priceAnswer(heard: Heard, profile: AgentProfile, aboutService?: string): string | null {
  if (OWN_PART.test(heard.text)) return null;
  // The emergency service's price only when the caller speaks of an emergency.
  const emergency = /\s(emergency|emergencies|after hours|tonight|right now)\s/.test(heard.text);
  const general = VISIT_FEE.test(heard.text) ? profile.services.find((s) => !s.emergency && /service call|diagnos|troubleshoot/i.test(s.name)) : undefined;
  const named = general ?? matchService(heard, profile.services.filter((s) => emergency || !s.emergency)).best;
  const best = named ?? (THAT_PRICE.test(heard.text) ? profile.services.find((s) => s.id === aboutService) : undefined);
  if (!best?.priceText) return null;
  return `${best.name}: ${best.priceText}${/[.!?]$/.test(best.priceText) ? '' : '.'}`;
}

/** `aboutService`: the service the call is about, for "how much is that". */
export function answerFromConfiguration(heard: Heard, profile: AgentProfile, now: Date, aboutService?: string): FactsAnswer | null {
  const t = heard.text;
  const { facts, openHours, timeZone } = profile;
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  if (HOLIDAY.test(t) && /\s(open|opened|closed|close|closing|hours|work|working|off)\s/.test(t)) {
    const named = /\s(christmas|thanksgiving|new year|memorial|independence|labor|patriots|easter|veterans|presidents)/.exec(t)?.[1];
    const say = holidaysText(facts.holidays, facts.shortDays, today, named);
    if (say) return { topic: 'holidays', say };
  }
  const hoursAsked = HOURS.test(t) && !EMERGENCY_HOURS.test(t) && !PRICE.test(t);
  if (LUNCH.test(t) && (hoursAsked || /\s(close|closed|closing|break|lunch)\s/.test(t))) {
    const say = breakText(openHours);
    return { topic: 'lunch', say: say ?? `We don't close for lunch. ${weekText(openHours)}` };
  }
  if (WINDOWS.test(t) && !PRICE.test(t)) {
    const say = windowsText(facts.arrivalWindows);
    if (say) return { topic: 'windows', say };
  }
  const areaAsked = AREA.test(t) || (AREA_WITH_PLACE.test(t) && placeNamed(heard.words, facts.serviceArea, townsDescribed(profile.businessDescription, facts.serviceArea)) !== null);
  if (areaAsked && !PRICE.test(t)) {
    const say = areaAnswer(heard, profile);
    if (say) return { topic: 'area', say };
  }
  if (hoursAsked) {
    const day = askedDay(heard, timeZone, now);
    return { topic: 'hours', say: day ? dayText(openHours, day) : weekText(openHours) };
  }
  if (PRICE.test(t)) {
    const say = priceAnswer(heard, profile, aboutService);
    if (say) return { topic: 'price', say };
  }
  return null;
}
