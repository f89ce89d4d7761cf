import { Checkbox, NumberInput, SimpleGrid, Text } from '@mantine/core';
import type { BookingSettings } from '../../api/get-booking-settings.ts';
import { SaveBar } from './save-bar.tsx';
import { useSettingsDraft } from './settings-section.ts';

type NumberRule = 'minNoticeMinutes' | 'horizonDays' | 'maxJobsPerTechnicianPerDay' | 'holdMinutes';
const RULES: { key: NumberRule; label: string; min: number; max: number; hint: string }[] = [
  { key: 'minNoticeMinutes', label: 'Notice needed (minutes)', min: 0, max: 20160, hint: 'The soonest a caller can book from now.' },
  { key: 'horizonDays', label: 'Book ahead (days)', min: 0, max: 365, hint: 'How far ahead times are offered.' },
  { key: 'maxJobsPerTechnicianPerDay', label: 'Jobs per technician per day', min: 0, max: 100, hint: '0 means no limit.' },
  { key: 'holdMinutes', label: 'Hold a time while confirming (minutes)', min: 1, max: 60, hint: 'How long a caller has to say yes.' },
];

/** How soon, how far ahead and how much a day: the limits every offered time respects. */
export function RulesSection({ companyId, settings, readOnly }: { companyId: string; settings: BookingSettings; readOnly: boolean }) {
  const s = useSettingsDraft(companyId, settings, (x) => ({
    minNoticeMinutes: x.minNoticeMinutes, horizonDays: x.horizonDays, maxJobsPerTechnicianPerDay: x.maxJobsPerTechnicianPerDay, holdMinutes: x.holdMinutes, smsConfirmations: x.smsConfirmations,
  }));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
        {RULES.map((r) => (
          <NumberInput key={r.key} label={r.label} description={r.hint} min={r.min} max={r.max} allowDecimal={false} readOnly={readOnly} value={s.draft[r.key]} onChange={(v) => s.set({ [r.key]: typeof v === 'number' ? v : Number(v) || 0 })} />
        ))}
      </SimpleGrid>
      <Checkbox mt="md" label="Text the caller a confirmation when the agent books" checked={s.draft.smsConfirmations} disabled={readOnly} onChange={(e) => s.set({ smsConfirmations: e.currentTarget.checked })} />
      <Text size="xs" c="dimmed" mt={4}>Texts need a Twilio account on the platform.</Text>
      {!readOnly && <SaveBar dirty={s.dirty} saving={s.saving} error={s.error} onSave={s.save} onReset={s.reset} label="Save rules" />}
    </>
  );
}
