import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { localInstant, localParts } from '../../../../lib/local-day.ts';
import type { Technician } from '../../api/list-technicians.ts';

type TimeOff = Technician['timeOff'][number];

// The inputs show company-local wall time; the API takes instants.
const toInput = (iso: string, timeZone: string) => { const p = localParts(iso, timeZone); return `${p.date}T${p.time}`; };
const fromInput = (value: string, timeZone: string) => {
  const [date, time] = value.split('T');
  return date && time ? localInstant(date, time.slice(0, 5), timeZone).toISOString() : null;
};

export function TimeOffEditor({ value, onChange, timeZone, now }: { value: TimeOff[]; onChange: (next: TimeOff[]) => void; timeZone: string; now: Date }) {
  const set = (i: number, patch: Partial<TimeOff>) => onChange(value.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const edge = (i: number, key: 'start' | 'end') => (e: React.ChangeEvent<HTMLInputElement>) => {
    const iso = fromInput(e.currentTarget.value, timeZone);
    if (iso) set(i, { [key]: iso });
  };
  const dayStart = new Date(now.getTime() + 24 * 3600_000).toISOString();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>Time off ({timeZone})</Text>
      {value.length === 0 && <Text size="sm" c="dimmed">None planned.</Text>}
      {value.map((t, i) => (
        <Group key={i} gap="xs" wrap="wrap" align="flex-end">
          <TextInput type="datetime-local" size="xs" label={`Time off ${i + 1} from`} value={toInput(t.start, timeZone)} onChange={edge(i, 'start')} />
          <TextInput type="datetime-local" size="xs" label={`Time off ${i + 1} until`} value={toInput(t.end, timeZone)} onChange={edge(i, 'end')} />
          <TextInput size="xs" label={`Time off ${i + 1} reason`} maxLength={200} value={t.reason ?? ''} onChange={(e) => set(i, { reason: e.currentTarget.value })} />
          <ActionIcon variant="subtle" color="red" mb={4} aria-label={`Remove time off ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>×</ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="light" w="fit-content" onClick={() => onChange([...value, { start: dayStart, end: new Date(Date.parse(dayStart) + 8 * 3600_000).toISOString(), reason: '' }])}>Add time off</Button>
    </Stack>
  );
}
