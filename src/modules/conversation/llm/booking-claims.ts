/**
 * What a reply claims about bookings. The model may say "you're booked" when nothing was; the
 * server checks every such claim against what the tools did. Pure.
 */
export type BookingClaim = 'booked' | 'cancelled';

const BOOKED = [
  /\b(?:you'?re|you are|you'?ve been|you have been|i'?ve|i have|we'?ve|we have|it'?s|it is|that'?s|that is|everything'?s|everything is|all)\s+(?:all\s+|now\s+|officially\s+)?(?:booked|scheduled|confirmed|set up|set|reserved|rescheduled|moved)\b/i,
  /\b(?:appointment|booking|visit|reservation)\s+(?:is|has been|was)\s+(?:now\s+)?(?:booked|scheduled|confirmed|set|reserved|made|rescheduled|moved)\b/i,
  /\b(?:i'?ve|i have|we'?ve|we have)\s+(?:booked|scheduled|confirmed|reserved|rescheduled|moved)\b/i,
];
const CANCELLED = [
  /\b(?:appointment|booking|visit|reservation|it|that)\s+(?:is|has been|was)\s+(?:now\s+)?(?:cancel+ed)\b/i,
  /\b(?:i'?ve|i have|we'?ve|we have)\s+cancel+ed\b/i,
];
// "once you're booked", "before it is confirmed", "not booked yet": conditions, not claims.
const HEDGE = /(?:\b(?:not|once|before|until|when|if|after|whether)|n't)\s+(?:\S+\s+){0,2}$/i;

function claims(text: string, patterns: readonly RegExp[]): boolean {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    if (sentence.trim().endsWith('?')) continue;
    for (const pattern of patterns) {
      const m = pattern.exec(sentence);
      if (m && !HEDGE.test(sentence.slice(0, m.index))) return true;
    }
  }
  return false;
}

export function bookingClaims(text: string): Set<BookingClaim> {
  const found = new Set<BookingClaim>();
  if (claims(text, BOOKED)) found.add('booked');
  if (claims(text, CANCELLED)) found.add('cancelled');
  return found;
}
