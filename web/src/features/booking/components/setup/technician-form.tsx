import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorText } from '../../../../lib/api-error.ts';
import type { WeeklyHours } from '../../api/get-booking-settings.ts';
import type { Technician } from '../../api/list-technicians.ts';
import { type TechnicianChange, useSaveTechnician } from '../../api/save-technician.ts';
import { parseZips } from './service-area-section.tsx';
import { TimeOffEditor } from './time-off-editor.tsx';
import { WeeklyHoursEditor } from './weekly-hours-editor.tsx';

/** Add or change a technician: skills, the zips they cover, their own hours, time off. */
export function TechnicianForm({ companyId, technician, companyHours, timeZone, onClose }: {
  companyId: string; technician: Technician | null; companyHours: WeeklyHours; timeZone: string; onClose: () => void;
}) {
  const [f, setF] = useState({
    name: technician?.name ?? '', phone: technician?.phone ?? '', skills: technician?.skills ?? [], active: technician?.active ?? true,
    weeklyHours: technician?.weeklyHours ?? null, timeOff: technician?.timeOff ?? [],
  });
  const [zipText, setZipText] = useState((technician?.zips ?? []).join('\n'));
  const [now] = useState(() => new Date());
  const save = useSaveTechnician(companyId);
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body: TechnicianChange = { ...f, name: f.name.trim(), phone: f.phone.trim() || null, zips: parseZips(zipText), timeOff: f.timeOff.map((t) => ({ start: t.start, end: t.end, ...(t.reason ? { reason: t.reason } : {}) })) };
    save.mutate({ id: technician?.id ?? null, body }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={technician ? `Change ${technician.name}` : 'Add a technician'} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" required maxLength={120} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} error={fields.name} />
            <TextInput label="Phone" type="tel" maxLength={40} value={f.phone} onChange={(e) => setF({ ...f, phone: e.currentTarget.value })} error={fields.phone} />
            <TagsInput label="Skills" value={f.skills} onChange={(skills) => setF({ ...f, skills })} maxTags={30} />
            <Textarea label="Zip codes covered (empty: the whole service area)" autosize minRows={2} maxRows={6} value={zipText} onChange={(e) => setZipText(e.currentTarget.value)} error={fields.zips} />
          </SimpleGrid>
          <Switch label="Own hours (otherwise the company's)" checked={f.weeklyHours !== null} onChange={(e) => setF({ ...f, weeklyHours: e.currentTarget.checked ? companyHours : null })} />
          {f.weeklyHours && <WeeklyHoursEditor caption={`${f.name || 'Technician'}'s hours`} value={f.weeklyHours} readOnly={false} onChange={(weeklyHours) => setF({ ...f, weeklyHours })} />}
          <TimeOffEditor value={f.timeOff} onChange={(timeOff) => setF({ ...f, timeOff })} timeZone={timeZone} now={now} />
          <Checkbox label="Takes bookings" checked={f.active} onChange={(e) => setF({ ...f, active: e.currentTarget.checked })} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>Close</Button>
            <Button type="submit" loading={save.isPending} disabled={!f.name.trim()}>Save technician</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
