import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { Service } from '../../api/list-services.ts';
import { ServiceForm } from './service-form.tsx';

export function ServicesSection({ companyId, services, readOnly }: { companyId: string; services: Service[]; readOnly: boolean }) {
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  return (
    <>
      {services.length === 0 && <Text size="sm" c="dimmed">No services yet: callers cannot book until one exists.</Text>}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr><Table.Th>Service</Table.Th><Table.Th>Minutes</Table.Th><Table.Th>Price</Table.Th><Table.Th>Skills</Table.Th><Table.Th>Buffers</Table.Th>{!readOnly && <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {services.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>{s.name}</Text>
                  {s.emergency && <Badge size="xs" color="red" mr={4}>Emergency</Badge>}
                  {!s.active && <Badge size="xs" color="gray">Not offered</Badge>}
                </Table.Td>
                <Table.Td>{s.durationMinutes}</Table.Td>
                <Table.Td>{s.priceText || '—'}</Table.Td>
                <Table.Td>{s.requiredSkills.join(', ') || '—'}</Table.Td>
                <Table.Td>{s.bufferBeforeMinutes} before · {s.bufferAfterMinutes} after</Table.Td>
                {!readOnly && <Table.Td><Button size="compact-xs" variant="light" onClick={() => setEditing(s)} aria-label={`Change ${s.name}`}>Change</Button></Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!readOnly && <Button mt="sm" variant="light" onClick={() => setEditing('new')}>Add a service</Button>}
      {editing && <ServiceForm companyId={companyId} service={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
