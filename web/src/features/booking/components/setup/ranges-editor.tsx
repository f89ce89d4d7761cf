import { ActionIcon, Badge, Button, Group, Text, TextInput } from '@mantine/core';
import type { TimeRange } from '../../api/get-booking-settings.ts';

const overnight = (r: TimeRange) => r.end <= r.start && !(r.start === '00:00' && r.end === '00:00');

/** The open ranges of one day: several a day, an end at or before the start runs past midnight. */
export function RangesEditor({ label, ranges, onChange, readOnly }: { label: string; ranges: TimeRange[]; onChange: (next: TimeRange[]) => void; readOnly: boolean }) {
  const set = (i: number, patch: Partial<TimeRange>) => onChange(ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Group gap="xs" wrap="wrap" align="center">
      {ranges.length === 0 && <Text size="sm" c="dimmed" w={70}>Closed</Text>}
      {ranges.map((r, i) => {
        const n = ranges.length > 1 ? ` ${i + 1}` : '';
        return (
          <Group key={i} gap={4} wrap="nowrap" align="center">
            <TextInput type="time" size="xs" aria-label={`${label} opens${n}`} value={r.start} readOnly={readOnly} onChange={(e) => set(i, { start: e.currentTarget.value })} w={110} />
            <Text size="sm" aria-hidden>–</Text>
            <TextInput type="time" size="xs" aria-label={`${label} closes${n}`} value={r.end === '24:00' ? '00:00' : r.end} readOnly={readOnly} onChange={(e) => set(i, { end: e.currentTarget.value })} w={110} />
            {overnight(r) && <Badge size="sm" variant="light" color="grape">{r.start === r.end ? 'all day' : 'overnight'}</Badge>}
            {!readOnly && (
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label} hours${n}`} onClick={() => onChange(ranges.filter((_, j) => j !== i))}>×</ActionIcon>
            )}
          </Group>
        );
      })}
      {!readOnly && <Button size="compact-xs" variant="light" onClick={() => onChange([...ranges, { start: '09:00', end: '17:00' }])}>Add hours to {label}</Button>}
    </Group>
  );
}
