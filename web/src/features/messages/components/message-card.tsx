import { Anchor, Badge, Button, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmergencyBadge } from '../../../components/outcome-badge.tsx';
import { formatDateTime, formatPhone } from '../../../lib/format.ts';
import type { Message } from '../api/list-messages.ts';

export function MessageCard({ message: m, companyId, timeZone, onStatus, busy }: {
  message: Message; companyId: string; timeZone: string; onStatus: (status: Message['status']) => void; busy: boolean;
}) {
  const base = `/companies/${companyId}`;
  const who = m.callerName || 'Caller with no name';
  return (
    <Card component="li" withBorder padding="sm" aria-label={`Message from ${who}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text fw={600}>{who}</Text>
          {m.urgent && <EmergencyBadge label="Urgent" />}
          <Badge color={m.status === 'new' ? 'orange' : 'gray'} variant="dot">{m.status === 'new' ? 'Waiting' : 'Handled'}</Badge>
        </Group>
        <Text size="xs" c="dimmed">{formatDateTime(m.createdAt as string, timeZone)}</Text>
      </Group>
      <Text size="sm" my="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</Text>
      <Group gap="xs" wrap="wrap">
        {m.callbackNumber && (
          <Button component="a" href={`tel:${m.callbackNumber}`} size="xs" variant="light">Call back {formatPhone(m.callbackNumber)}</Button>
        )}
        {m.status === 'new'
          ? <Button size="xs" onClick={() => onStatus('handled')} loading={busy}>Mark handled</Button>
          : <Button size="xs" variant="default" onClick={() => onStatus('new')} loading={busy}>Mark waiting</Button>}
        {m.callId && <Anchor component={Link} to={`${base}/calls/${m.callId}`} size="sm">The call</Anchor>}
        {m.contactId && <Anchor component={Link} to={`${base}/contacts/${m.contactId}`} size="sm">Contact</Anchor>}
        {m.handledAt && <Text size="xs" c="dimmed">Handled {formatDateTime(m.handledAt as string, timeZone)}</Text>}
      </Group>
    </Card>
  );
}
