import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { BookingSettings } from '../../api/get-booking-settings.ts';
import { SaveBar } from './save-bar.tsx';
import { useSettingsDraft } from './settings-section.ts';

/** Zips pasted in any shape (lines, commas, spaces) become the list the API checks. */
export const parseZips = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).map((z) => z.trim()).filter(Boolean))];

export function ServiceAreaSection({ companyId, settings, readOnly }: { companyId: string; settings: BookingSettings; readOnly: boolean }) {
  const s = useSettingsDraft(companyId, settings, (x) => ({ serviceArea: x.serviceArea }));
  const [text, setText] = useState(settings.serviceArea.join('\n'));
  const zips = s.draft.serviceArea!;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">The zip codes the company serves. Paste a list: one per line, or separated by commas or spaces.</Text>
      <Textarea
        label={`Service area zip codes (${zips.length})`}
        value={text}
        readOnly={readOnly}
        autosize
        minRows={4}
        maxRows={14}
        onChange={(e) => { setText(e.currentTarget.value); s.set({ serviceArea: parseZips(e.currentTarget.value) }); }}
        maw={420}
      />
      {!readOnly && <SaveBar dirty={s.dirty} saving={s.saving} error={s.error} onSave={s.save} onReset={() => { s.reset(); setText(settings.serviceArea.join('\n')); }} label="Save service area" />}
    </>
  );
}
