import { Badge } from '@mantine/core';
import type { BookingStatus } from '../api/list-bookings.ts';

/** Each status has a colour and always its word: colour is never the only signal. */
export const STATUS: Record<BookingStatus, { label: string; color: string }> = {
  held: { label: 'Held', color: 'yellow' },
  confirmed: { label: 'Confirmed', color: 'indigo' },
  completed: { label: 'Completed', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  expired: { label: 'Expired', color: 'gray' },
};

export const isActive = (status: BookingStatus) => status === 'held' || status === 'confirmed';

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  const s = STATUS[status];
  return <Badge color={s.color} variant={isActive(status) ? 'filled' : 'light'} autoContrast>{s.label}</Badge>;
}
