import { Alert, Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorText } from '../../../../lib/api-error.ts';
import type { Service } from '../../api/list-services.ts';
import { type ServiceChange, useSaveService } from '../../api/save-service.ts';

const blank: ServiceChange = { name: '', description: '', durationMinutes: 60, priceText: '', requiredSkills: [], emergency: false, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, slotIntervalMinutes: 30, active: true };

/** Add or change a service: what it takes (minutes, skills, buffers) and what callers hear (price). */
export function ServiceForm({ companyId, service, onClose }: { companyId: string; service: Service | null; onClose: () => void }) {
  const [f, setF] = useState<ServiceChange>(service ? { ...service } : blank);
  const save = useSaveService(companyId);
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const num = (key: keyof ServiceChange) => (v: string | number) => setF({ ...f, [key]: typeof v === 'number' ? v : Number(v) || 0 });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { name, description, durationMinutes, priceText, requiredSkills, emergency, bufferBeforeMinutes, bufferAfterMinutes, slotIntervalMinutes, active } = f;
    save.mutate({ id: service?.id ?? null, body: { name: name?.trim(), description, durationMinutes, priceText, requiredSkills, emergency, bufferBeforeMinutes, bufferAfterMinutes, slotIntervalMinutes, active } }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={service ? `Change ${service.name}` : 'Add a service'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
          <TextInput label="Name" required maxLength={120} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} error={fields.name ?? (f.name?.trim() ? undefined : 'Required')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label="Duration (minutes)" required min={5} max={1440} value={f.durationMinutes} onChange={num('durationMinutes')} error={fields.durationMinutes} />
            <TextInput label="Price (read to callers)" maxLength={200} value={f.priceText} onChange={(e) => setF({ ...f, priceText: e.currentTarget.value })} error={fields.priceText} />
            <NumberInput label="Buffer before (minutes)" min={0} max={480} value={f.bufferBeforeMinutes} onChange={num('bufferBeforeMinutes')} error={fields.bufferBeforeMinutes} />
            <NumberInput label="Buffer after (minutes)" min={0} max={480} value={f.bufferAfterMinutes} onChange={num('bufferAfterMinutes')} error={fields.bufferAfterMinutes} />
            <NumberInput label="Start times every (minutes)" min={5} max={1440} value={f.slotIntervalMinutes} onChange={num('slotIntervalMinutes')} error={fields.slotIntervalMinutes} />
            <TagsInput label="Required skills" value={f.requiredSkills} onChange={(requiredSkills) => setF({ ...f, requiredSkills })} maxTags={30} />
          </SimpleGrid>
          <Textarea label="Description" maxLength={2000} autosize minRows={2} value={f.description} onChange={(e) => setF({ ...f, description: e.currentTarget.value })} />
          <Group>
            <Checkbox label="Emergency service" checked={f.emergency} onChange={(e) => setF({ ...f, emergency: e.currentTarget.checked })} />
            <Checkbox label="Offered to callers" checked={f.active} onChange={(e) => setF({ ...f, active: e.currentTarget.checked })} />
          </Group>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>Close</Button>
            <Button type="submit" loading={save.isPending} disabled={!f.name?.trim()}>Save service</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
