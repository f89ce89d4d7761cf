import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Empty } from '../../../components/page-states.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { useDeleteTradeEntry } from '../api/save-trade-entry.ts';
import type { TradeKnowledge } from '../api/trade-knowledge.ts';
import { TradeEntryForm } from './trade-entry-form.tsx';

type Entry = TradeKnowledge['entries'][number];

export function TradeEntries({ tradeCategoryId, entries }: { tradeCategoryId: string; entries: Entry[] }) {
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const remove = useDeleteTradeEntry(tradeCategoryId);
  const del = (entry: Entry) => {
    if (!window.confirm(`Delete "${entry.question}"? Companies' overrides of it go too.`)) return;
    remove.mutate(entry.id, { onError: (error) => notifications.show({ color: 'red', title: 'Could not delete', message: errorText(error) }) });
  };
  return (
    <Stack>
      <Group justify="flex-end"><Button onClick={() => setEditing('new')}>Add entry</Button></Group>
      {entries.length === 0 && <Empty title="No shared answers yet">Companies in this trade inherit what you add here.</Empty>}
      {entries.map((entry) => (
        <Card key={entry.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} miw={0}>
              <Text fw={600}>{entry.question}</Text>
              <Text size="sm">{entry.answer}</Text>
              {entry.alternatives.length > 0 && <Text size="xs" c="dimmed">Also asked: {entry.alternatives.join(' · ')}</Text>}
            </Stack>
            <Stack gap={4} align="flex-end">
              {!entry.enabled && <Badge color="gray">Off</Badge>}
              <Button size="compact-sm" variant="light" onClick={() => setEditing(entry)} aria-label={`Edit "${entry.question}"`}>Edit</Button>
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => del(entry)} aria-label={`Delete "${entry.question}"`}>Delete</Button>
            </Stack>
          </Group>
        </Card>
      ))}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New shared answer' : 'Edit shared answer'} size="lg">
        {editing !== null && <TradeEntryForm tradeCategoryId={tradeCategoryId} entry={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
