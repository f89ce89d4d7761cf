import { Alert, Badge, Button, Card, Group, Modal, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { type InheritedEntry, useInherited } from '../api/list-inherited.ts';
import { useSetOverride } from '../api/set-override.ts';

function OverrideModal({ entry, onClose, companyId }: { entry: InheritedEntry; onClose: () => void; companyId: string }) {
  const [answer, setAnswer] = useState(entry.override?.answer ?? entry.tradeAnswer);
  const save = useSetOverride(companyId);
  const [problem, setProblem] = useState<string | null>(null);
  const fieldError = problem ?? (save.error instanceof ApiError ? save.error.fields.answer : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = answer.trim();
    if (!text || text.length > 2000) { setProblem(text ? 'must be at most 2000 characters' : 'is required'); return; }
    save.mutate({ id: entry.id, override: { enabled: true, answer: text } }, {
      onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Your answer is used', message: entry.question }); },
    });
  };
  return (
    <Modal opened onClose={onClose} title="Your own answer" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.isError && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
          <Text fw={600}>{entry.question}</Text>
          <Text size="sm" c="dimmed">The trade's answer: {entry.tradeAnswer}</Text>
          <Textarea label="Answer the agent gives" required autosize minRows={3} maxLength={2000} value={answer} error={fieldError} onChange={(e) => setAnswer(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>Use my answer</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What the company inherits from its trades: override an answer, switch one off, or go back to the trade's. */
export function InheritedEntries({ companyId }: { companyId: string }) {
  const inherited = useInherited(companyId);
  const change = useSetOverride(companyId);
  const [editing, setEditing] = useState<InheritedEntry | null>(null);

  const apply = (entry: InheritedEntry, override: { enabled: boolean; answer: string | null } | null, done: string) =>
    change.mutate({ id: entry.id, override }, {
      onSuccess: () => notifications.show({ color: 'green', title: done, message: entry.question }),
      onError: (error) => notifications.show({ color: 'red', title: 'Not changed', message: errorText(error) }),
    });

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">From your trades</Title>
      {inherited.isPending ? <Loading label="Loading trade answers" />
        : inherited.isError ? <LoadError error={inherited.error} retry={() => void inherited.refetch()} />
        : inherited.data.items.length === 0 ? <Empty title="No trade answers">The company has no trade category with shared answers.</Empty>
        : inherited.data.items.map((entry) => (
          <Card key={entry.id} withBorder padding="sm" data-testid="inherited-entry" opacity={entry.enabled ? 1 : 0.75}>
            <Stack gap={4}>
              <Group gap={6} wrap="wrap">
                <Badge variant="light" color="teal" size="sm">{entry.tradeCategory.name}</Badge>
                {entry.override?.answer && <Badge variant="light" color="indigo" size="sm">Your answer</Badge>}
                {!entry.enabled && <Badge variant="outline" color="gray.8" size="sm">Switched off</Badge>}
              </Group>
              <Text fw={600} style={{ wordBreak: 'break-word' }}>{entry.question}</Text>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>{entry.answer}</Text>
              {entry.override?.answer && <Text size="xs" c="dimmed">Trade's answer: {entry.tradeAnswer}</Text>}
              <Group gap="xs" mt={4} wrap="wrap">
                <Switch
                  size="sm" label="Used by the agent" checked={entry.enabled} disabled={change.isPending}
                  onChange={(e) => apply(entry, { enabled: e.currentTarget.checked, answer: entry.override?.answer ?? null }, e.currentTarget.checked ? 'Switched on' : 'Switched off')}
                />
                <Button size="compact-xs" variant="light" onClick={() => setEditing(entry)}>{entry.override?.answer ? 'Change my answer' : 'Override the answer'}</Button>
                {entry.override && <Button size="compact-xs" variant="subtle" onClick={() => apply(entry, null, "Back to the trade's answer")}>Use the trade's answer</Button>}
              </Group>
            </Stack>
          </Card>
        ))}
      {editing && <OverrideModal key={editing.id} entry={editing} companyId={companyId} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
