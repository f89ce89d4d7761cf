import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../../../lib/format.ts';
import type { WeeklyHours } from '../../api/get-booking-settings.ts';
import type { Technician } from '../../api/list-technicians.ts';
import { TechnicianForm } from './technician-form.tsx';

export function TechniciansSection({ companyId, technicians, companyHours, timeZone, readOnly }: {
  companyId: string; technicians: Technician[]; companyHours: WeeklyHours; timeZone: string; readOnly: boolean;
}) {
  const [editing, setEditing] = useState<Technician | 'new' | null>(null);
  return (
    <>
      {technicians.length === 0 && <Text size="sm" c="dimmed">No technicians yet: nobody can be booked.</Text>}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr><Table.Th>Technician</Table.Th><Table.Th>Skills</Table.Th><Table.Th>Zips</Table.Th><Table.Th>Hours</Table.Th><Table.Th>Time off</Table.Th>{!readOnly && <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {technicians.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td><Text size="sm" fw={600}>{t.name}</Text>{!t.active && <Badge size="xs" color="gray">Not booked</Badge>}</Table.Td>
                <Table.Td>{t.skills.join(', ') || '—'}</Table.Td>
                <Table.Td>{t.zips.length ? `${t.zips.length} zips` : 'Whole area'}</Table.Td>
                <Table.Td>{t.weeklyHours ? 'Own hours' : "Company's"}</Table.Td>
                <Table.Td>{t.timeOff.length ? t.timeOff.map((o) => formatDateTime(o.start, timeZone)).join('; ') : '—'}</Table.Td>
                {!readOnly && <Table.Td><Button size="compact-xs" variant="light" onClick={() => setEditing(t)} aria-label={`Change ${t.name}`}>Change</Button></Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!readOnly && <Button mt="sm" variant="light" onClick={() => setEditing('new')}>Add a technician</Button>}
      {editing && <TechnicianForm companyId={companyId} technician={editing === 'new' ? null : editing} companyHours={companyHours} timeZone={timeZone} onClose={() => setEditing(null)} />}
    </>
  );
}
