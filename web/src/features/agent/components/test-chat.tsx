import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../../lib/api-error.ts';
import { formatPhone } from '../../../lib/format.ts';
import { type ChatReply, useSendChatMessage } from '../api/send-chat-message.ts';

interface Line {
  who: 'agent' | 'caller';
  text: string;
}

function Produced({ companyId, reply }: { companyId: string; reply: ChatReply }) {
  const p = reply.produced;
  return (
    <Group gap="sm" wrap="wrap">
      {reply.next === 'transfer' && <Badge color="red.9">Would transfer the call to {formatPhone(reply.transferTo)}</Badge>}
      {reply.next === 'hangup' && <Badge color="gray.8">The agent ended the call</Badge>}
      {p?.bookingId && <Anchor component={Link} to={`/companies/${companyId}/bookings/${p.bookingId}`}>Open the booking it made</Anchor>}
      {p?.messageId && <Anchor component={Link} to={`/companies/${companyId}/messages`}>See the message it took</Anchor>}
      {p && <Anchor component={Link} to={`/companies/${companyId}/calls/${p.callId}`} size="sm" c="dimmed">The conversation record</Anchor>}
    </Group>
  );
}

/** "Test your agent": the same agent as on the phone, in text; recorded as a web conversation. */
export function TestChat({ companyId }: { companyId: string }) {
  const send = useSendChatMessage(companyId);
  const [lines, setLines] = useState<Line[]>([]);
  const [last, setLast] = useState<ChatReply | null>(null);
  const [text, setText] = useState('');
  const ended = last !== null && last.next !== 'listen';

  const receive = (reply: ChatReply) => {
    setLast(reply);
    setLines((l) => [...l, { who: 'agent', text: reply.say }]);
  };
  const start = () => {
    setLines([]);
    setLast(null);
    send.mutate({}, { onSuccess: receive });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!last || ended || send.isPending) return;
    const said = text.trim();
    setLines((l) => [...l, { who: 'caller', text: said || '(silence)' }]);
    setText('');
    send.mutate({ conversationId: last.conversationId, text: said }, { onSuccess: receive });
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">Write as a caller would speak. The agent answers exactly as it would on the phone, with the settings saved now; bookings and messages it makes are real.</Text>
      <Group>
        <Button onClick={start} loading={send.isPending && !last} variant={last ? 'light' : 'filled'}>{last ? 'Start a new conversation' : 'Start a conversation'}</Button>
      </Group>
      {lines.length > 0 && (
        <Paper withBorder p="sm" role="log" aria-label="Test conversation" aria-live="polite">
          <Stack gap="xs">
            {lines.map((line, i) => (
              <Group key={i} justify={line.who === 'agent' ? 'flex-start' : 'flex-end'}>
                <Paper p="xs" radius="md" bg={line.who === 'agent' ? 'indigo.0' : 'gray.1'} maw="85%">
                  <Text size="xs" fw={600} c="dimmed">{line.who === 'agent' ? 'Agent' : 'You (caller)'}</Text>
                  <Text size="sm" data-testid={line.who === 'agent' ? 'agent-line' : 'caller-line'}>{line.text}</Text>
                </Paper>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      {send.isError && <Alert color="red" role="alert">{errorText(send.error)}</Alert>}
      {last && <Produced companyId={companyId} reply={last} />}
      {last && !ended && (
        <form onSubmit={submit}>
          <Group align="flex-end" wrap="nowrap">
            <TextInput label="What the caller says" style={{ flex: 1 }} maxLength={1000} value={text} onChange={(e) => setText(e.currentTarget.value)} autoComplete="off" />
            <Button type="submit" loading={send.isPending}>Send</Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
