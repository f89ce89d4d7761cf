import { Anchor, Box, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { clockLabel } from '../../../lib/local-day.ts';
import type { Booking } from '../api/list-bookings.ts';
import { BookingStatusBadge } from './booking-status.tsx';

/** The day as a list in time order: on a phone the timeline is too narrow to read. */
export function DayAgenda({ bookings, companyId }: { bookings: Booking[]; companyId: string }) {
  const sorted = [...bookings].sort((a, b) => a.start.localeCompare(b.start));
  if (sorted.length === 0) return null;
  return (
    <Box hiddenFrom="sm" mt="md">
      <Title order={2} size="h5" mb="xs">In time order</Title>
      <Stack gap="xs">
        {sorted.map((b) => (
          <Anchor key={b.id} component={Link} to={`/companies/${companyId}/bookings/${b.id}`} underline="never" c="inherit" p="xs" bd="1px solid var(--mantine-color-gray-3)" style={{ borderRadius: 8 }}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={600}>
                {b.arrivalWindow ? `${clockLabel(b.arrivalWindow.start)}–${clockLabel(b.arrivalWindow.end)}` : `${clockLabel(b.localStartTime)}–${clockLabel(b.localEndTime)}`}
              </Text>
              <BookingStatusBadge status={b.status} />
            </Group>
            <Text size="sm">{b.serviceName} · {b.customerName}</Text>
            <Text size="xs" c="dimmed">{b.technicianName}</Text>
          </Anchor>
        ))}
      </Stack>
    </Box>
  );
}
