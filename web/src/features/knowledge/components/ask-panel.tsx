import { Alert, Badge, Button, Group, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { useSearchKnowledge } from '../api/search-knowledge.ts';

/** "Ask a question": what the agent would find for a caller's words, and whether it would say it. */
export function AskPanel({ companyId }: { companyId: string }) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  const search = useSearchKnowledge(companyId, asked);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(text.trim());
  };
  const best = search.data?.results[0];

  return (
    <Stack>
      <form onSubmit={submit}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput label="A caller asks" placeholder="Do you charge for estimates?" maxLength={500} style={{ flex: 1 }} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Button type="submit" disabled={!text.trim()}>Ask</Button>
        </Group>
      </form>
      {asked && search.isPending && <Loading label="Searching" />}
      {search.isError && <LoadError error={search.error} retry={() => void search.refetch()} />}
      {search.data && (
        <>
          {search.data.answerable && best ? (
            <Alert color="green" title="The agent would answer" role="status">{best.answer}</Alert>
          ) : (
            <Alert color="orange" title="The agent would not answer" role="status">
              No match scores {Math.round(search.data.threshold * 100)}% or more, so the agent says it will find out, and records the question as unanswered.
            </Alert>
          )}
          {search.data.results.length === 0 ? <Text c="dimmed">Nothing matched at all.</Text> : (
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label="Ranked matches" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr><Table.Th>Rank</Table.Th><Table.Th>Entry</Table.Th><Table.Th>From</Table.Th><Table.Th>Score</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {search.data.results.map((hit, i) => {
                    const good = hit.score >= search.data.threshold;
                    return (
                      <Table.Tr key={hit.id} data-testid="search-hit">
                        <Table.Td>{i + 1}</Table.Td>
                        <Table.Td><Text size="sm" fw={500}>{hit.question}</Text><Text size="xs" c="dimmed" lineClamp={2}>{hit.answer}</Text></Table.Td>
                        <Table.Td><Badge variant="light" color={hit.source === 'company' ? 'indigo' : 'teal'}>{hit.source === 'company' ? 'Yours' : 'Trade'}</Badge></Table.Td>
                        <Table.Td miw={130}>
                          <Text size="sm">{Math.round(hit.score * 100)}% {good ? '· good enough' : '· too weak'}</Text>
                          <Progress value={hit.score * 100} color={good ? 'green' : 'orange'} size="sm" aria-hidden />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Text size="xs" c="dimmed">Matched as: “{search.data.query}”. The line for answering is {Math.round(search.data.threshold * 100)}%.</Text>
        </>
      )}
    </Stack>
  );
}
