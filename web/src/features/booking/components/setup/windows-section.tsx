import { ActionIcon, Button, Group, MultiSelect, NumberInput, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { BookingSettings } from '../../api/get-booking-settings.ts';
import type { Service } from '../../api/list-services.ts';
import { SaveBar } from './save-bar.tsx';
import { useSettingsDraft } from './settings-section.ts';
import { WeeklyHoursEditor } from './weekly-hours-editor.tsx';

type Window = BookingSettings['arrivalWindows'][number];

/** Arrival windows (regular hours offered as windows) and on-call hours with their surcharge note. */
export function WindowsSection({ companyId, settings, services, readOnly }: { companyId: string; settings: BookingSettings; services: Service[]; readOnly: boolean }) {
  const s = useSettingsDraft(companyId, settings, (x) => ({ arrivalWindows: x.arrivalWindows, onCall: x.onCall }));
  const windows = s.draft.arrivalWindows!;
  const onCall = s.draft.onCall ?? null;
  const setWindow = (i: number, patch: Partial<Window>) => s.set({ arrivalWindows: windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h5" mb={4}>Arrival windows</Title>
        <Text size="sm" c="dimmed" mb="xs">When set, callers are offered these windows instead of exact times, each with room for so many jobs.</Text>
        <Stack gap="xs">
          {windows.length === 0 && <Text size="sm" c="dimmed">No windows: exact start times are offered.</Text>}
          {windows.map((w, i) => (
            <Group key={i} gap="xs" wrap="wrap" align="flex-end">
              <TextInput type="time" size="xs" label={`Window ${i + 1} starts`} value={w.start} readOnly={readOnly} onChange={(e) => setWindow(i, { start: e.currentTarget.value })} w={120} />
              <TextInput type="time" size="xs" label={`Window ${i + 1} ends`} value={w.end} readOnly={readOnly} onChange={(e) => setWindow(i, { end: e.currentTarget.value })} w={120} />
              <NumberInput size="xs" label={`Window ${i + 1} jobs`} min={1} max={100} value={w.capacity} readOnly={readOnly} onChange={(v) => setWindow(i, { capacity: Number(v) || 1 })} w={110} />
              {!readOnly && <ActionIcon variant="subtle" color="red" mb={4} aria-label={`Remove window ${i + 1}`} onClick={() => s.set({ arrivalWindows: windows.filter((_, j) => j !== i) })}>×</ActionIcon>}
            </Group>
          ))}
        </Stack>
        {!readOnly && <Button mt="xs" size="compact-sm" variant="light" onClick={() => s.set({ arrivalWindows: [...windows, { start: '08:00', end: '12:00', capacity: 3 }] })}>Add a window</Button>}
      </div>
      <div>
        <Title order={2} size="h5" mb={4}>On-call hours</Title>
        <Switch
          label="Take emergency bookings outside business hours"
          checked={onCall !== null}
          disabled={readOnly}
          mb="xs"
          onChange={(e) => s.set({ onCall: e.currentTarget.checked ? (settings.onCall ?? { weeklyHours: {}, serviceIds: [], surchargeNote: '' }) : null })}
        />
        {onCall && (
          <Stack gap="xs">
            <WeeklyHoursEditor caption="On-call hours" value={onCall.weeklyHours} readOnly={readOnly} onChange={(weeklyHours) => s.set({ onCall: { ...onCall, weeklyHours } })} />
            <MultiSelect label="Services bookable on call" data={services.map((x) => ({ value: x.id, label: x.name }))} value={onCall.serviceIds} readOnly={readOnly} onChange={(serviceIds) => s.set({ onCall: { ...onCall, serviceIds } })} maw={520} />
            <Textarea label="Surcharge note (read to the caller)" maxLength={500} autosize value={onCall.surchargeNote} readOnly={readOnly} onChange={(e) => s.set({ onCall: { ...onCall, surchargeNote: e.currentTarget.value } })} maw={520} />
          </Stack>
        )}
      </div>
      {!readOnly && <SaveBar dirty={s.dirty} saving={s.saving} error={s.error} onSave={s.save} onReset={s.reset} label="Save windows and on-call" />}
    </Stack>
  );
}
