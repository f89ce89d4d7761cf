import { Table } from '@mantine/core';
import type { WeeklyHours } from '../../api/get-booking-settings.ts';
import { RangesEditor } from './ranges-editor.tsx';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const capital = (day: string) => day[0]!.toUpperCase() + day.slice(1);

/** A week as a grid: a row per day, its open ranges side by side. */
export function WeeklyHoursEditor({ value, onChange, readOnly, caption }: { value: WeeklyHours; onChange: (next: WeeklyHours) => void; readOnly: boolean; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing={6} aria-label={caption}>
        <Table.Tbody>
          {WEEKDAYS.map((day) => (
            <Table.Tr key={day}>
              <Table.Th scope="row" w={110}>{capital(day)}</Table.Th>
              <Table.Td>
                <RangesEditor label={capital(day)} ranges={value[day] ?? []} readOnly={readOnly} onChange={(ranges) => onChange({ ...value, [day]: ranges })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
