import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { formatPhone, formatTime } from '../../../lib/format.ts';
import type { Turn } from '../api/get-call.ts';

const ENGINES: Record<string, string> = { greeting: 'Greeting', embedded: 'Built-in engine', llm: 'Language model', fallback: 'Fallback', system: 'System' };

function Line({ who, children, agent }: { who: string; children: React.ReactNode; agent?: boolean }) {
  return (
    <Paper p="sm" radius="md" bg={agent ? 'indigo.0' : 'gray.0'} ml={agent ? 0 : { base: 'md', sm: 'xl' }} mr={agent ? { base: 'md', sm: 'xl' } : 0}>
      <Text size="xs" fw={700} c={agent ? 'indigo.9' : 'dark.6'}>{who}</Text>
      <Box style={{ overflowWrap: 'anywhere' }}>{children}</Box>
    </Paper>
  );
}

/** The conversation turn by turn: what the caller said, what the agent answered and how long it took. */
export function Transcript({ turns, timeZone }: { turns: Turn[]; timeZone: string }) {
  return (
    <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Transcript">
      {turns.map((t) => (
        <Stack key={t.seq} component="li" gap={6}>
          {t.callerText !== null && (
            <Line who="Caller">
              <Text size="sm">{t.callerText || <em>(silence)</em>}</Text>
              {t.confidence !== null && <Text size="xs" c="dimmed">Heard with {Math.round(t.confidence * 100)}% confidence</Text>}
            </Line>
          )}
          <Line who="Agent" agent>
            <Text size="sm">{t.agentText}</Text>
            {t.clips.map((clip) => (
              // The clip's words are the line above: it is what the caller heard in the agent's voice.
              <audio key={clip} controls preload="none" src={clip} aria-label={`Agent's voice, turn ${t.seq}`} style={{ width: '100%', maxWidth: 320, marginTop: 6 }} />
            ))}
          </Line>
          <Group gap="xs" wrap="wrap">
            <Text size="xs" c="dimmed">Turn {t.seq} · {formatTime(t.at as string, timeZone)}</Text>
            <Text size="xs" c="dimmed">{ENGINES[t.engine] ?? t.engine} {t.engineMs} ms · speech {t.speechMs} ms</Text>
            {t.intent && <Text size="xs" c="dimmed">· {t.intent}</Text>}
            {t.transferTo && <Badge size="xs" variant="dot" color="cyan">Transferred to {formatPhone(t.transferTo)}</Badge>}
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
