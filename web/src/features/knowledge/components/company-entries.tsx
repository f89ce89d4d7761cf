import { ActionIcon, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { useDeleteEntry } from '../api/delete-entry.ts';
import { type KnowledgeEntry, useEntries } from '../api/list-entries.ts';
import { type EntryInput, useSaveEntry } from '../api/save-entry.ts';
import { EntryFormModal } from './entry-form.tsx';
import { useKnowledgeConflicts } from '../api/list-conflicts.ts';
import { EntryConflictsNote } from './entry-conflicts.tsx';

const BLANK: EntryInput = { question: '', answer: '', alternatives: [], tags: [], enabled: true };

/** The company's own answers: add, edit, switch off, delete. */
export function CompanyEntries({ companyId }: { companyId: string }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const entries = useEntries(companyId, debounced);
  const save = useSaveEntry(companyId);
  const remove = useDeleteEntry(companyId);
  const [editing, setEditing] = useState<KnowledgeEntry | 'new' | null>(null);
  const conflicts = useKnowledgeConflicts(companyId);
  const conflictsOf = new Map((conflicts.data?.items ?? []).map((c) => [c.entryId, c]));

  const close = () => { setEditing(null); save.reset(); };
  const submit = (input: EntryInput) => save.mutate({ input, ...(editing && editing !== 'new' ? { id: editing.id } : {}) }, {
    onSuccess: () => { close(); notifications.show({ color: 'green', title: 'Entry saved', message: 'The agent answers with it from the next call.' }); },
  });
  const del = (entry: KnowledgeEntry) => {
    if (!window.confirm(`Delete "${entry.question}"?`)) return;
    remove.mutate(entry.id, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Entry deleted', message: entry.question }),
      onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: errorText(error) }),
    });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">Your answers</Title>
        {conflictsOf.size > 0 && <Badge color="orange" variant="light">{conflictsOf.size} disagree{conflictsOf.size === 1 ? 's' : ''} with the booking setup</Badge>}
        <Button size="xs" onClick={() => setEditing('new')}>Add an entry</Button>
      </Group>
      <TextInput label="Find an entry" placeholder="Words in the question" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {entries.isPending ? <Loading label="Loading entries" />
        : entries.isError ? <LoadError error={entries.error} retry={() => void entries.refetch()} />
        : entries.data.items.length === 0 ? <Empty title={debounced ? 'No entry matches' : 'No entries of your own yet'}>Add what callers ask that the trade answers do not cover.</Empty>
        : entries.data.items.map((entry) => (
          <Card key={entry.id} withBorder padding="sm" data-testid="company-entry">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} miw={0}>
                <Text fw={600} style={{ wordBreak: 'break-word' }}>{entry.question}</Text>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>{entry.answer}</Text>
                <Group gap={4}>
                  {!entry.enabled && <Badge color="gray.8" variant="outline">Switched off</Badge>}
                  {entry.tags.map((t) => <Badge key={t} variant="light" color="indigo" size="sm">{t}</Badge>)}
                  {entry.alternatives.length > 0 && <Text size="xs" c="dimmed">+{entry.alternatives.length} other phrasing{entry.alternatives.length === 1 ? '' : 's'}</Text>}
                </Group>
                {conflictsOf.get(entry.id) && <EntryConflictsNote companyId={companyId} found={conflictsOf.get(entry.id)!} onEdit={() => setEditing(entry)} />}
              </Stack>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="light" onClick={() => setEditing(entry)} aria-label={`Edit: ${entry.question}`}>Edit</Button>
                <ActionIcon variant="subtle" color="red" onClick={() => del(entry)} aria-label={`Delete "${entry.question}"`}>✕</ActionIcon>
              </Group>
            </Group>
          </Card>
        ))}
      {entries.data?.hasMore && <Text size="sm" c="dimmed">Showing the newest 200; search to find older ones.</Text>}
      {editing && (
        <EntryFormModal
          title={editing === 'new' ? 'New entry' : 'Edit entry'}
          initial={editing === 'new' ? BLANK : editing}
          error={save.error} pending={save.isPending} onClose={close} onSubmit={submit}
        />
      )}
    </Stack>
  );
}
