import { Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { OutcomeBadge } from '../../../components/outcome-badge.tsx';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useContactBookings } from '../api/list-contact-bookings.ts';
import { useContactCalls } from '../api/list-contact-calls.ts';

/** A contact's calls and bookings, each linked to its page. */
export function ContactHistory({ companyId, contactId, timeZone }: { companyId: string; contactId: string; timeZone: string }) {
  const calls = useContactCalls(companyId, contactId);
  const bookings = useContactBookings(companyId, contactId);
  const base = `/companies/${companyId}`;

  return (
    <>
      <Card withBorder component="section" aria-label="Calls">
        <Title order={2} size="h4" mb="xs">Calls</Title>
        {calls.isPending ? <Loading label="Loading calls" /> : calls.isError ? <LoadError error={calls.error} retry={() => void calls.refetch()} /> : calls.data.items.length === 0 ? <Text size="sm" c="dimmed">No calls from this contact.</Text> : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {calls.data.items.map((c) => (
              <li key={c.id}>
                <Anchor component={Link} to={`${base}/calls/${c.id}`} size="sm">{formatDateTime(c.startedAt as string, timeZone)}</Anchor>{' '}
                <OutcomeBadge outcome={c.outcome} />
              </li>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder component="section" aria-label="Bookings">
        <Title order={2} size="h4" mb="xs">Bookings</Title>
        {bookings.isPending ? <Loading label="Loading bookings" /> : bookings.isError ? <LoadError error={bookings.error} retry={() => void bookings.refetch()} /> : bookings.data.items.length === 0 ? <Text size="sm" c="dimmed">No bookings for this contact.</Text> : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {bookings.data.items.map((b) => (
              <li key={b.id}>
                <Anchor component={Link} to={`${base}/bookings/${b.id}`} size="sm">{b.serviceName}, {formatDateTime(b.start, timeZone)}</Anchor>{' '}
                <Badge size="sm" variant="dot" color={b.status === 'confirmed' ? 'green' : 'gray'}>{b.status}</Badge>
              </li>
            ))}
          </Stack>
        )}
      </Card>
    </>
  );
}
