import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { type AuditEntry, PAGE_SIZE, useAuditLog } from '../api/audit-log.ts';

// The changes in a line: field names and short values, never nested JSON.
function summary(changes: AuditEntry['changes']): string {
  return Object.entries(changes)
    .map(([k, v]) => (v === null || ['string', 'number', 'boolean'].includes(typeof v) ? `${k}: ${String(v)}` : Array.isArray(v) && v.every((x) => typeof x === 'string') ? `${k}: ${v.join(', ')}` : k))
    .join(' · ');
}

/** Who changed what, newest first. */
export function AuditSection({ companyId }: { companyId: string }) {
  const company = useCompany();
  const [offset, setOffset] = useState(0);
  const log = useAuditLog(companyId, offset);
  if (log.isPending) return <Loading label="Loading the audit log" />;
  if (log.isError) return <LoadError error={log.error} retry={() => void log.refetch()} />;
  if (log.data.items.length === 0 && offset === 0) return <Empty title="Nothing recorded yet" />;
  return (
    <Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Audit log" verticalSpacing="xs" striped>
          <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Who</Table.Th><Table.Th>What</Table.Th><Table.Th>Details</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {log.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt, company.timeZone)}</Table.Td>
                <Table.Td>{e.actor.label || e.actor.type}</Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{e.action}</Text></Table.Td>
                <Table.Td><Text size="sm" style={{ wordBreak: 'break-word' }}>{summary(e.changes)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>Newer</Button>
        <Button variant="default" size="xs" disabled={!log.data.hasMore} onClick={() => setOffset(offset + PAGE_SIZE)}>Older</Button>
        <Text size="sm" c="dimmed">Entries {offset + 1}–{offset + log.data.items.length}</Text>
      </Group>
    </Stack>
  );
}
