import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Service } from '../../api/list-services.ts';
import { SlotPicker } from '../slot-picker.tsx';

/** What a caller would be offered for a service at a zip, with the rules as saved. */
export function AvailabilityPreview({ companyId, timeZone, services, defaultZip }: { companyId: string; timeZone: string; services: Service[]; defaultZip: string }) {
  const [serviceId, setServiceId] = useState(services.find((s) => s.active)?.id ?? '');
  const [zip, setZip] = useState(defaultZip);
  return (
    <>
      <Group gap="md" mb="sm" align="flex-end" wrap="wrap">
        <Select label="Preview service" data={services.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))} value={serviceId || null} onChange={(v) => setServiceId(v ?? '')} allowDeselect={false} w={280} />
        <TextInput label="Preview zip code" value={zip} onChange={(e) => setZip(e.currentTarget.value)} maxLength={10} inputMode="numeric" w={150} />
      </Group>
      <SlotPicker companyId={companyId} timeZone={timeZone} serviceId={serviceId} zip={zip} />
    </>
  );
}
