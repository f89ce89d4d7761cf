import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { BookingSettings } from '../../api/get-booking-settings.ts';
import { dayLabel } from '../../../../lib/local-day.ts';
import { RangesEditor } from './ranges-editor.tsx';
import { SaveBar } from './save-bar.tsx';
import { useSettingsDraft } from './settings-section.ts';

type Override = BookingSettings['overrides'][number];

/** Dates that differ from the week: other hours or closed, and named holidays (closed). */
export function DatesSection({ companyId, settings, readOnly, today }: { companyId: string; settings: BookingSettings; readOnly: boolean; today: string }) {
  const s = useSettingsDraft(companyId, settings, (x) => ({ overrides: x.overrides, holidays: x.holidays }));
  const overrides = s.draft.overrides!;
  const holidays = s.draft.holidays!;
  const setOverride = (i: number, next: Override) => s.set({ overrides: overrides.map((o, j) => (j === i ? next : o)) });
  const when = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? dayLabel(date, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }) : '');

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h5" mb="xs">Special hours</Title>
        {overrides.length === 0 && <Text size="sm" c="dimmed">No dates with special hours.</Text>}
        <Stack gap="xs">
          {overrides.map((o, i) => (
            <Group key={i} gap="sm" align="center" wrap="wrap">
              <TextInput type="date" size="xs" aria-label={`Special date ${i + 1}`} value={o.date} readOnly={readOnly} onChange={(e) => setOverride(i, { ...o, date: e.currentTarget.value })} w={160} />
              <Text size="xs" c="dimmed" w={110}>{when(o.date)}</Text>
              <Checkbox label="Closed" checked={o.closed === true} disabled={readOnly} onChange={(e) => setOverride(i, e.currentTarget.checked ? { date: o.date, closed: true } : { date: o.date, ranges: [{ start: '09:00', end: '13:00' }] })} />
              {o.closed !== true && <RangesEditor label={when(o.date) || `date ${i + 1}`} ranges={o.ranges ?? []} readOnly={readOnly} onChange={(ranges) => setOverride(i, { date: o.date, ranges })} />}
              {!readOnly && <ActionIcon variant="subtle" color="red" aria-label={`Remove special date ${i + 1}`} onClick={() => s.set({ overrides: overrides.filter((_, j) => j !== i) })}>×</ActionIcon>}
            </Group>
          ))}
        </Stack>
        {!readOnly && <Button mt="xs" size="compact-sm" variant="light" onClick={() => s.set({ overrides: [...overrides, { date: today, closed: true }] })}>Add a special date</Button>}
      </div>
      <div>
        <Title order={2} size="h5" mb="xs">Holidays (closed)</Title>
        {holidays.length === 0 && <Text size="sm" c="dimmed">No holidays.</Text>}
        <Stack gap="xs">
          {holidays.map((h, i) => (
            <Group key={i} gap="sm" wrap="wrap">
              <TextInput type="date" size="xs" aria-label={`Holiday ${i + 1} date`} value={h.date} readOnly={readOnly} onChange={(e) => s.set({ holidays: holidays.map((x, j) => (j === i ? { ...x, date: e.currentTarget.value } : x)) })} w={160} />
              <TextInput size="xs" aria-label={`Holiday ${i + 1} name`} value={h.name} maxLength={120} readOnly={readOnly} onChange={(e) => s.set({ holidays: holidays.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)) })} w={240} />
              {!readOnly && <ActionIcon variant="subtle" color="red" aria-label={`Remove holiday ${i + 1}`} onClick={() => s.set({ holidays: holidays.filter((_, j) => j !== i) })}>×</ActionIcon>}
            </Group>
          ))}
        </Stack>
        {!readOnly && <Button mt="xs" size="compact-sm" variant="light" onClick={() => s.set({ holidays: [...holidays, { date: today, name: 'Holiday' }] })}>Add a holiday</Button>}
      </div>
      {!readOnly && <SaveBar dirty={s.dirty} saving={s.saving} error={s.error} onSave={s.save} onReset={s.reset} label="Save dates" />}
    </Stack>
  );
}
