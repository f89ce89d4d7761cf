import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { addDays, mondayOf } from '../../../lib/local-day.ts';

export type RangeChoice = 'week' | '7' | '30' | 'custom';

/** The range for a choice, in company-local dates ending today; null for a custom range not yet valid. */
export function rangeFor(choice: RangeChoice, today: string, custom: { from: string; to: string }): { from: string; to: string } | null {
  if (choice === 'week') return { from: mondayOf(today), to: today };
  if (choice === '7') return { from: addDays(today, -6), to: today };
  if (choice === '30') return { from: addDays(today, -29), to: today };
  const valid = /^\d{4}-\d{2}-\d{2}$/;
  return valid.test(custom.from) && valid.test(custom.to) ? custom : null;
}

export function RangePicker({ choice, onChoice, custom, onCustom }: {
  choice: RangeChoice;
  onChoice: (c: RangeChoice) => void;
  custom: { from: string; to: string };
  onCustom: (c: { from: string; to: string }) => void;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Range"
        value={choice}
        onChange={(v) => onChoice(v as RangeChoice)}
        data={[{ value: 'week', label: 'This week' }, { value: '7', label: '7 days' }, { value: '30', label: '30 days' }, { value: 'custom', label: 'Custom' }]}
      />
      {choice === 'custom' && (
        <Group gap="xs" wrap="wrap">
          <TextInput type="date" label="From" value={custom.from} onChange={(e) => onCustom({ ...custom, from: e.currentTarget.value })} />
          <TextInput type="date" label="To" value={custom.to} onChange={(e) => onCustom({ ...custom, to: e.currentTarget.value })} />
        </Group>
      )}
    </Group>
  );
}
