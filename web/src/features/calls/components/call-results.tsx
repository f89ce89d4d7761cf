import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatPhone } from '../../../lib/format.ts';
import type { CallDetail } from '../api/get-call.ts';
import { useCallBooking } from '../api/get-call-booking.ts';
import { useCallMessages } from '../api/list-call-messages.ts';

/** What the call produced: the booking, the messages taken, the transfer — each linked. */
export function CallResults({ call, companyId, timeZone }: { call: CallDetail; companyId: string; timeZone: string }) {
  const booking = useCallBooking(companyId, call.bookingId);
  const messages = useCallMessages(companyId, call.id);
  const transfers = [...new Set(call.transcript.map((t) => t.transferTo).filter((n): n is string => n !== null))];
  const base = `/companies/${companyId}`;

  const items: React.ReactNode[] = [];
  if (call.bookingId) {
    items.push(
      <Text key="booking" size="sm">
        Booking:{' '}
        <Anchor component={Link} to={`${base}/bookings/${call.bookingId}`}>
          {booking.data ? `${booking.data.serviceName}, ${booking.data.label}` : booking.isError ? 'open the booking' : 'loading…'}
        </Anchor>
        {booking.data && booking.data.status !== 'confirmed' && ` (${booking.data.status})`}
      </Text>,
    );
  }
  for (const m of messages.data?.items ?? []) {
    items.push(
      <Text key={m.id} size="sm">
        Message{m.urgent ? ' (urgent)' : ''}:{' '}
        <Anchor component={Link} to={`${base}/messages?status=${m.status}`}>“{m.body.length > 80 ? `${m.body.slice(0, 80)}…` : m.body}”</Anchor>
        {' '}— {m.status === 'handled' ? 'handled' : 'waiting'}, taken {formatDateTime(m.createdAt as string, timeZone)}
      </Text>,
    );
  }
  for (const to of transfers) items.push(<Text key={to} size="sm">Transferred to {formatPhone(to)}</Text>);

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">What the call produced</Title>
      <Stack gap={4}>
        {items.length > 0 ? items : <Text size="sm" c="dimmed">{messages.isPending ? 'Loading…' : 'No booking, message or transfer.'}</Text>}
      </Stack>
    </Card>
  );
}
