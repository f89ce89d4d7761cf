import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { addDays, clockLabel, dayLabel } from '../../../lib/local-day.ts';
import type { Booking } from '../api/list-bookings.ts';
import type { Technician } from '../api/list-technicians.ts';
import { BookingStatusBadge } from './booking-status.tsx';

/** Technicians × the 7 local days of the week, each cell the bookings that start that day. */
export function WeekView({ monday, bookings, technicians, companyId, onPickDay }: {
  monday: string; bookings: Booking[]; technicians: Technician[]; companyId: string; onPickDay: (date: string) => void;
}) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const rows = technicians.filter((t) => t.active || bookings.some((b) => b.technicianId === t.id));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withColumnBorders verticalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Technician</Table.Th>
            {days.map((d) => (
              <Table.Th key={d}>
                <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onPickDay(d)}>{dayLabel(d)}</Anchor>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Th scope="row">{t.name}</Table.Th>
              {days.map((d) => {
                const cell = bookings.filter((b) => b.technicianId === t.id && b.localDate === d);
                return (
                  <Table.Td key={d} style={{ verticalAlign: 'top' }}>
                    <Stack gap={6}>
                      {cell.map((b) => (
                        <Anchor key={b.id} component={Link} to={`/companies/${companyId}/bookings/${b.id}`} size="xs" underline="never" c="inherit">
                          <Text size="xs" fw={600}>{b.arrivalWindow ? `${clockLabel(b.arrivalWindow.start)}–${clockLabel(b.arrivalWindow.end)}` : clockLabel(b.localStartTime)}</Text>
                          <Text size="xs" lineClamp={1}>{b.serviceName} · {b.customerName}</Text>
                          <BookingStatusBadge status={b.status} />
                        </Anchor>
                      ))}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
