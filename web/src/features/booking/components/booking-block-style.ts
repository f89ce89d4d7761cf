import type { CSSProperties } from 'react';
import type { BookingStatus } from '../api/list-bookings.ts';
import { STATUS } from './booking-status.tsx';

/** Solid blocks for active bookings (text contrast checked by axe), pale struck-through ones for the rest. */
export function blockStyle(status: BookingStatus): CSSProperties {
  const color = STATUS[status].color;
  if (status === 'held') return { background: 'var(--mantine-color-yellow-3)', color: 'var(--mantine-color-black)', border: '2px dashed var(--mantine-color-yellow-9)', textDecoration: 'none' };
  if (status === 'cancelled' || status === 'expired') {
    return { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-gray-8)', border: '1px solid var(--mantine-color-gray-5)', textDecoration: 'line-through' };
  }
  return { background: `var(--mantine-color-${color}-8)`, color: 'var(--mantine-color-white)', border: `1px solid var(--mantine-color-${color}-9)`, textDecoration: 'none' };
}
