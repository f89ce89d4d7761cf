import { Badge } from '@mantine/core';

export type CallOutcome = 'booked' | 'answered' | 'message' | 'transferred' | 'emergency' | 'abandoned';

/** Each outcome in words (the colour only repeats them) and the colour that goes with it. */
export const OUTCOMES: Record<CallOutcome, { label: string; color: string }> = {
  booked: { label: 'Booked', color: 'green' },
  answered: { label: 'Answered', color: 'blue' },
  message: { label: 'Message taken', color: 'grape' },
  transferred: { label: 'Transferred', color: 'cyan' },
  emergency: { label: 'Emergency', color: 'red' },
  abandoned: { label: 'Hung up', color: 'gray' },
};

export function OutcomeBadge({ outcome }: { outcome: CallOutcome | null }) {
  // The dot carries the colour; the words, in body text colour, carry the meaning.
  if (!outcome) return <Badge variant="dot" color="gray">In progress</Badge>;
  const { label, color } = OUTCOMES[outcome];
  return <Badge variant="dot" color={color}>{label}</Badge>;
}

/** Shade 9: white on red at WCAG AA contrast. */
export function EmergencyBadge({ label = 'Emergency' }: { label?: string }) {
  return <Badge variant="filled" color="red.9">{label}</Badge>;
}
