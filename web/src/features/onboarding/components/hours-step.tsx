import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorText } from '../../../lib/api-error.ts';
import { useUpdateBookingSettings, type WeeklyHours } from '../api/booking-settings.ts';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Day = (typeof DAYS)[number];
interface DayHours { open: boolean; start: string; end: string; more: boolean }

// The first range of each day is edited here; a day with several ranges (a lunch break) keeps
// them unless it is changed, and the full grid lives on the booking setup page.
const fromWeekly = (weekly: WeeklyHours): Record<Day, DayHours> => Object.fromEntries(DAYS.map((d) => {
  const ranges = weekly[d] ?? [];
  return [d, { open: ranges.length > 0, start: ranges[0]?.start ?? '08:00', end: ranges[0]?.end ?? '17:00', more: ranges.length > 1 }];
})) as Record<Day, DayHours>;

export function HoursStep({ companyId, weeklyHours, onDone }: { companyId: string; weeklyHours: WeeklyHours; onDone: () => void }) {
  const [days, setDays] = useState(() => fromWeekly(weeklyHours));
  const update = useUpdateBookingSettings(companyId);
  const set = (day: Day, change: Partial<DayHours>) => setDays((all) => ({ ...all, [day]: { ...all[day], ...change, more: false } }));
  const save = () => {
    const next: WeeklyHours = {};
    for (const d of DAYS) {
      if (!days[d].open) continue;
      next[d] = days[d].more ? weeklyHours[d] : [{ start: days[d].start, end: days[d].end }];
    }
    update.mutate({ weeklyHours: next }, { onSuccess: onDone });
  };
  return (
    <Stack gap="xs">
      <Text size="sm">When can callers be booked? Times are in your company's time zone.</Text>
      {update.isError && <Alert color="red" role="alert">{errorText(update.error)}</Alert>}
      {DAYS.map((d) => (
        <Group key={d} gap="sm" wrap="wrap">
          <Checkbox w={130} label={d[0]!.toUpperCase() + d.slice(1)} checked={days[d].open} onChange={(e) => set(d, { open: e.currentTarget.checked })} />
          {days[d].open && (
            <>
              <TextInput type="time" aria-label={`${d} opens`} value={days[d].start} onChange={(e) => set(d, { start: e.currentTarget.value })} w={120} />
              <Text size="sm" aria-hidden>to</Text>
              <TextInput type="time" aria-label={`${d} closes`} value={days[d].end} onChange={(e) => set(d, { end: e.currentTarget.value })} w={120} />
              {days[d].more && <Text size="xs" c="dimmed">and more ranges (kept)</Text>}
            </>
          )}
        </Group>
      ))}
      <Group justify="flex-end"><Button loading={update.isPending} onClick={save}>Save hours and continue</Button></Group>
    </Stack>
  );
}
