import { useState } from 'react';
import type { BookingSettings } from '../../api/get-booking-settings.ts';
import { type BookingSettingsChange, useUpdateBookingSettings } from '../../api/update-booking-settings.ts';

/**
 * A section's draft of some booking settings: edited locally, sent as only those fields.
 * The page keys each section by the settings' updatedAt, so a save starts a fresh draft.
 */
export function useSettingsDraft<K extends keyof BookingSettingsChange>(companyId: string, settings: BookingSettings, pick: (s: BookingSettings) => Pick<BookingSettingsChange, K>) {
  const initial = pick(settings);
  const [draft, setDraft] = useState(initial);
  const update = useUpdateBookingSettings(companyId);
  return {
    draft,
    set: (patch: Partial<Pick<BookingSettingsChange, K>>) => setDraft({ ...draft, ...patch }),
    dirty: JSON.stringify(draft) !== JSON.stringify(initial),
    reset: () => { setDraft(initial); update.reset(); },
    save: () => update.mutate(draft),
    saving: update.isPending,
    error: update.error,
  };
}
