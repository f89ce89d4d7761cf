import { Stack } from '@mantine/core';
import type { AgentSettingsDocument } from '../api/get-agent-settings.ts';
import { EmergencyCheck } from './emergency-check.tsx';
import { OwnEmergenciesForm } from './own-emergencies-form.tsx';

/** The Agent page's Emergencies tab: the trades' emergencies and the company's own, and a sentence to try. */
export function EmergenciesPanel({ companyId, document, editable }: { companyId: string; document: AgentSettingsDocument; editable: boolean }) {
  return (
    <Stack gap="xl">
      <OwnEmergenciesForm key={document.version} companyId={companyId} document={document} editable={editable} />
      <EmergencyCheck companyId={companyId} />
    </Stack>
  );
}
