import { Alert, Button, Chip, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Loading } from '../../../components/page-states.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { localDate } from '../../../lib/format.ts';
import { addDays, clockLabel, dayLabel, localDaysSpan } from '../../../lib/local-day.ts';
import { type Slot, useAvailability } from '../api/get-availability.ts';

const DAYS = 7;

export const slotLabel = (s: Slot) =>
  (s.arrivalWindow ? `${clockLabel(s.arrivalWindow.start)} – ${clockLabel(s.arrivalWindow.end)} (${s.arrivalWindow.remaining} left)` : clockLabel(s.localStartTime))
  + (s.onCall ? ' · on call' : '');

/**
 * Real availability for a service at a zip, a week at a time: pick a day, then a time. With
 * no `onChange` it only shows the times (the setup page's preview).
 */
export function SlotPicker({ companyId, timeZone, serviceId, zip, value, onChange }: {
  companyId: string; timeZone: string; serviceId: string; zip: string; value?: Slot | null; onChange?: (slot: Slot | null) => void;
}) {
  const today = localDate(new Date(), timeZone);
  const [start, setStart] = useState(today);
  const [day, setDay] = useState<string | null>(null);
  const valid = serviceId !== '' && /^\d{5}$/.test(zip.trim());
  const availability = useAvailability(companyId, valid ? { serviceId, zip: zip.trim(), ...localDaysSpan(start, DAYS, timeZone) } : null);

  if (!valid) return <Text c="dimmed" size="sm">Choose a service and a 5-digit zip code to see open times.</Text>;
  if (availability.isPending) return <Loading label="Finding open times" />;
  if (availability.isError) return <Alert color="red" role="alert" title="No times to show">{errorText(availability.error)}</Alert>;

  const slots = availability.data.slots;
  const byDay = new Map<string, Slot[]>();
  for (const s of slots) byDay.set(s.localDate, [...(byDay.get(s.localDate) ?? []), s]);
  const shownDay = day !== null && byDay.has(day) ? day : (byDay.keys().next().value ?? null);
  const move = (days: number) => { setStart(addDays(start, days)); setDay(null); onChange?.(null); };

  return (
    <Stack gap="sm" style={{ opacity: availability.isPlaceholderData ? 0.6 : 1 }}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600}>{dayLabel(start)} to {dayLabel(addDays(start, DAYS - 1))}</Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={start <= today} onClick={() => move(-DAYS)}>Earlier week</Button>
          <Button size="xs" variant="default" onClick={() => move(DAYS)}>Later week</Button>
        </Group>
      </Group>
      {byDay.size === 0 ? <Text size="sm" c="dimmed">No open times in these days. Try a later week.</Text> : (
        <>
          <Chip.Group multiple={false} value={shownDay} onChange={(d) => setDay(d)}>
            <Group gap={6} role="radiogroup" aria-label="Day">
              {[...byDay].map(([d, list]) => <Chip key={d} value={d} size="sm" variant="outline">{`${dayLabel(d)} (${list.length})`}</Chip>)}
            </Group>
          </Chip.Group>
          {onChange ? (
            <Chip.Group multiple={false} value={value?.start ?? null} onChange={(v) => onChange(slots.find((s) => s.start === v) ?? null)}>
              <Group gap={6} role="radiogroup" aria-label="Time">
                {(byDay.get(shownDay!) ?? []).map((s) => <Chip key={s.start} value={s.start} size="sm">{slotLabel(s)}</Chip>)}
              </Group>
            </Chip.Group>
          ) : (
            <Group gap={6} aria-label="Open times" role="list">
              {(byDay.get(shownDay!) ?? []).map((s) => <Text key={s.start} role="listitem" size="sm" px={8} py={2} bd="1px solid var(--mantine-color-gray-4)" style={{ borderRadius: 12 }}>{slotLabel(s)}</Text>)}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
