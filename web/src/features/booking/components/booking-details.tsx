import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatPhone, formatTime } from '../../../lib/format.ts';
import { clockLabel } from '../../../lib/local-day.ts';
import type { Booking } from '../api/list-bookings.ts';
import { BookingStatusBadge } from './booking-status.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <div>{children}</div>
    </Stack>
  );
}

const SOURCE = { phone: 'The agent, on a call', dashboard: 'By hand, in the dashboard', api: 'An integration (API)' } as const;

/** Everything about one booking; times in the company's zone. */
export function BookingDetails({ booking: b, companyId, timeZone }: { booking: Booking; companyId: string; timeZone: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="md">
      <Field label="Status"><BookingStatusBadge status={b.status} /></Field>
      <Field label="When">
        <Text>{formatDateTime(b.start, timeZone)} – {formatTime(b.end, timeZone)}</Text>
        {b.arrivalWindow && <Text size="sm" c="dimmed">Arrival window {clockLabel(b.arrivalWindow.start)} – {clockLabel(b.arrivalWindow.end)}</Text>}
      </Field>
      <Field label="Service"><Text>{b.serviceName}{b.emergency ? ' · emergency' : ''}</Text></Field>
      <Field label="Technician"><Text>{b.technicianName}</Text></Field>
      <Field label="Contact">
        <Text>{b.contactId ? <Anchor component={Link} to={`/companies/${companyId}/contacts/${b.contactId}`}>{b.customerName}</Anchor> : b.customerName}</Text>
        {b.customerPhone && <Anchor href={`tel:${b.customerPhone}`} size="sm">{formatPhone(b.customerPhone)}</Anchor>}
      </Field>
      <Field label="Address"><Text>{b.address ?? '—'}</Text><Text size="sm" c="dimmed">Zip {b.zip}</Text></Field>
      <Field label="Booked by"><Text>{SOURCE[b.source]}</Text></Field>
      <Field label="From call">
        {b.callId ? <Anchor component={Link} to={`/companies/${companyId}/calls/${b.callId}`}>Open the call</Anchor> : <Text>—</Text>}
      </Field>
      {b.status === 'held' && b.holdExpiresAt && <Field label="Held until"><Text>{formatDateTime(b.holdExpiresAt, timeZone)}</Text></Field>}
      {b.surchargeNote && <Field label="Surcharge"><Text>{b.surchargeNote}</Text></Field>}
      {b.notes && <Field label="Notes"><Text style={{ whiteSpace: 'pre-wrap' }}>{b.notes}</Text></Field>}
      {b.cancelledAt && <Field label="Cancelled"><Text>{formatDateTime(b.cancelledAt, timeZone)}{b.cancelReason ? ` · ${b.cancelReason}` : ''}</Text></Field>}
    </SimpleGrid>
  );
}
