import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorText } from '../../../lib/api-error.ts';
import { useChatTurn } from '../api/test-chat.ts';

interface Line { who: 'agent' | 'caller'; text: string }

/** A first conversation with the agent, written as a caller would speak. */
export function TestStep({ companyId }: { companyId: string }) {
  const turn = useChatTurn(companyId);
  const [conversationId, setConversationId] = useState<string | undefined>();
  const [lines, setLines] = useState<Line[]>([]);
  const [text, setText] = useState('');
  const started = useRef(false);

  const send = (body: { conversationId?: string; text?: string }) => turn.mutate(body, {
    onSuccess: (reply) => {
      setConversationId(reply.conversationId);
      setLines((all) => [...all, { who: 'agent', text: reply.say }]);
    },
  });
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    send({});
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || !conversationId) return;
    setLines((all) => [...all, { who: 'caller', text: text.trim() }]);
    send({ conversationId, text: text.trim() });
    setText('');
  };

  return (
    <Stack gap="xs">
      <Text size="sm">Ask what a caller would ask. This is what your agent would say on the phone.</Text>
      <Stack gap={6} role="log" aria-live="polite" aria-label="Conversation with your agent">
        {lines.map((line, i) => (
          <Paper key={i} p="xs" withBorder bg={line.who === 'agent' ? 'indigo.0' : undefined} maw="85%" ml={line.who === 'caller' ? 'auto' : undefined}>
            <Text size="xs" fw={700}>{line.who === 'agent' ? 'Agent' : 'You'}</Text>
            <Text size="sm">{line.text}</Text>
          </Paper>
        ))}
      </Stack>
      {turn.isError && <Alert color="red" role="alert">{errorText(turn.error)}</Alert>}
      <form onSubmit={submit}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput flex={1} label="You say" placeholder="Do you do weekend appointments?" value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Button type="submit" loading={turn.isPending} disabled={!text.trim() || !conversationId}>Send</Button>
        </Group>
      </form>
    </Stack>
  );
}
