import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { useCompany } from '../../../lib/company-context.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { type UnansweredQuestion, useResolveUnanswered, useUnanswered } from '../api/unanswered.ts';
import { EntryFormModal } from './entry-form.tsx';

/** Questions callers asked that the agent could not answer, most asked first: answer each or dismiss it. */
export function UnansweredList({ companyId }: { companyId: string }) {
  const company = useCompany();
  const list = useUnanswered(companyId);
  const resolve = useResolveUnanswered(companyId);
  const [answering, setAnswering] = useState<UnansweredQuestion | null>(null);

  const close = () => { setAnswering(null); resolve.reset(); };
  const dismiss = (q: UnansweredQuestion) => resolve.mutate({ id: q.id }, {
    onSuccess: () => notifications.show({ color: 'green', title: 'Dismissed', message: q.question }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not dismissed', message: errorText(error) }),
  });

  if (list.isPending) return <Loading label="Loading unanswered questions" />;
  if (list.isError) return <LoadError error={list.error} retry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <Empty title="No unanswered questions">When a caller asks something the agent cannot answer, it shows here.</Empty>;
  return (
    <Stack gap="sm">
      {list.data.items.map((q) => (
        <Card key={q.id} withBorder padding="sm" data-testid="unanswered-question">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4} miw={0} style={{ flex: 1 }}>
              <Group gap="xs"><Text fw={600} style={{ wordBreak: 'break-word' }}>{q.question}</Text><Badge variant="outline" color="gray.8">Asked {q.askCount} time{q.askCount === 1 ? '' : 's'}</Badge></Group>
              {q.examples.filter((e) => e !== q.question).length > 0 && <Text size="sm" c="dimmed">Also: {q.examples.filter((e) => e !== q.question).map((e) => `“${e}”`).join(', ')}</Text>}
              <Text size="xs" c="dimmed">Last asked {formatDateTime(q.lastAskedAt, company.timeZone)}</Text>
            </Stack>
            <Group gap="xs">
              <Button size="xs" onClick={() => setAnswering(q)} aria-label={`Answer it: ${q.question}`}>Answer it</Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => dismiss(q)} aria-label={`Dismiss: ${q.question}`}>Dismiss</Button>
            </Group>
          </Group>
        </Card>
      ))}
      {answering && (
        <EntryFormModal
          key={answering.id} simple title="New entry from a caller's question"
          initial={{ question: answering.question, answer: '', alternatives: [], tags: [], enabled: true }}
          error={resolve.error} pending={resolve.isPending} onClose={close}
          onSubmit={(input) => resolve.mutate({ id: answering.id, answer: { question: input.question, answer: input.answer } }, {
            onSuccess: () => { close(); notifications.show({ color: 'green', title: 'Entry added', message: 'The agent answers this question from now on.' }); },
          })}
        />
      )}
    </Stack>
  );
}
