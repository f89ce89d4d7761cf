import { Text } from '@mantine/core';
import type { BookingSettings } from '../../api/get-booking-settings.ts';
import { SaveBar } from './save-bar.tsx';
import { useSettingsDraft } from './settings-section.ts';
import { WeeklyHoursEditor } from './weekly-hours-editor.tsx';

export function HoursSection({ companyId, settings, readOnly }: { companyId: string; settings: BookingSettings; readOnly: boolean }) {
  const s = useSettingsDraft(companyId, settings, (x) => ({ weeklyHours: x.weeklyHours }));
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">Open hours in {settings.timeZone}. A day can have several ranges; an end at or before the start runs past midnight.</Text>
      <WeeklyHoursEditor caption="Weekly hours" value={s.draft.weeklyHours!} onChange={(weeklyHours) => s.set({ weeklyHours })} readOnly={readOnly} />
      {!readOnly && <SaveBar dirty={s.dirty} saving={s.saving} error={s.error} onSave={s.save} onReset={s.reset} label="Save hours" />}
    </>
  );
}
