import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { EmergencyBadge, OutcomeBadge } from '../../../components/outcome-badge.tsx';
import { formatDateTime, formatDuration, formatPhone } from '../../../lib/format.ts';
import type { CallSummary } from '../api/list-calls.ts';

const CHANNELS = { phone: 'Phone', web: 'Test chat', widget: 'Website chat' } as const;

const callerOf = (c: CallSummary) => c.callerName || (c.fromNumber ? formatPhone(c.fromNumber) : c.channel === 'phone' ? 'Unknown caller' : 'Chat visitor');
const nameOf = (c: CallSummary) => c.callerName || (c.channel === 'phone' ? 'No name yet' : 'Chat visitor');

/** The log: a table on a wide screen, one card per call on a phone. */
export function CallsList({ calls, companyId, timeZone }: { calls: CallSummary[]; companyId: string; timeZone: string }) {
  const wide = useMediaQuery('(min-width: 48em)', undefined, { getInitialValueInEffect: false });
  const to = (c: CallSummary) => `/companies/${companyId}/calls/${c.id}`;

  if (!wide) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Calls">
        {calls.map((c) => (
          <Card component="li" key={c.id} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={to(c)} fw={600} truncate="end">{callerOf(c)}</Anchor>
              <OutcomeBadge outcome={c.outcome} />
            </Group>
            <Group gap="xs" mt={4}>
              <Text size="sm" c="dimmed">{formatDateTime(c.startedAt as string, timeZone)} · {CHANNELS[c.channel]} · {formatDuration(c.durationSeconds)}</Text>
              {c.emergency && c.outcome !== 'emergency' && <EmergencyBadge />}
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped highlightOnHover verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Caller</Table.Th>
          <Table.Th>Number</Table.Th>
          <Table.Th>Channel</Table.Th>
          <Table.Th>Outcome</Table.Th>
          <Table.Th>Length</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {calls.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td><Anchor component={Link} to={to(c)}>{formatDateTime(c.startedAt as string, timeZone)}</Anchor></Table.Td>
            <Table.Td>{nameOf(c)}</Table.Td>
            <Table.Td>{formatPhone(c.fromNumber)}</Table.Td>
            <Table.Td>{CHANNELS[c.channel]}</Table.Td>
            <Table.Td><Group gap={4}><OutcomeBadge outcome={c.outcome} />{c.emergency && c.outcome !== 'emergency' && <EmergencyBadge />}</Group></Table.Td>
            <Table.Td>{formatDuration(c.durationSeconds)} · {c.turnCount} {c.turnCount === 1 ? 'turn' : 'turns'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
