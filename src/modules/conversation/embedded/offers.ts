import type { SlotOffer } from '../types.ts';
import { speakClock, speakDate, speakSlot, speakTime, speakWindow } from '../ear/when.ts';

/**
 * Which free slots to offer, and how to say them. Two or three, spread out so the caller has
 * a real choice (not 9:00, 9:15 and 9:30): each pick starts at least two hours after the one
 * before, or on another day. Pure.
 */
const SPREAD_MS = 2 * 60 * 60 * 1000;
const MAX_OFFERS = 3;

export function pickOffers(slots: readonly SlotOffer[], wish?: { start: string }): SlotOffer[] {
  if (wish) {
    // An exact time asked for: that slot when free, then the nearest others, in time order.
    const target = Date.parse(wish.start);
    // Nearest first; of two equally near, the later (the caller may be busy before the time they named).
    const nearest = [...slots].sort((a, b) => Math.abs(Date.parse(a.start) - target) - Math.abs(Date.parse(b.start) - target) || Date.parse(b.start) - Date.parse(a.start));
    const picks: SlotOffer[] = [];
    for (const s of nearest) {
      if (picks.length === MAX_OFFERS) break;
      if (picks.every((p) => p.localDate !== s.localDate || Math.abs(Date.parse(p.start) - Date.parse(s.start)) >= SPREAD_MS / 2)) picks.push(s);
    }
    return picks.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }
  const picks: SlotOffer[] = [];
  for (const s of slots) {
    const last = picks[picks.length - 1];
    if (!last || last.localDate !== s.localDate || Date.parse(s.start) - Date.parse(last.start) >= SPREAD_MS) picks.push(s);
    if (picks.length === MAX_OFFERS) break;
  }
  return picks;
}

const timeOf = (o: SlotOffer) => (o.arrivalWindow ? speakWindow(o.arrivalWindow.start, o.arrivalWindow.end) : `at ${speakTime(o.localStartTime)}`);

/** "Thursday, March nineteenth at nine in the morning, or at two in the afternoon, or Friday, March twentieth, between eight and noon". */
export function speakOffers(offers: readonly SlotOffer[]): string {
  const parts = offers.map((o, i) => {
    const sameDay = i > 0 && offers[i - 1]!.localDate === o.localDate;
    return sameDay ? timeOf(o) : speakSlot(o);
  });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')}, or ${parts[parts.length - 1]}`;
}

/** A short form for "the one at nine" prompts: 'nine', 'between eight and noon'. */
export const speakOfferShort = (o: SlotOffer): string => (o.arrivalWindow ? speakWindow(o.arrivalWindow.start, o.arrivalWindow.end) : speakClock(o.localStartTime));

export const speakOfferDay = (o: SlotOffer): string => speakDate(o.localDate);
