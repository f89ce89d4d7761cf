import { Alert, Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { useCreateFromTemplate } from '../api/create-from-template.ts';
import { useTemplates } from '../api/list-templates.ts';

const ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
  'America/Anchorage', 'Pacific/Honolulu',
];

/** A new company from a trade template with its first owner: one form, one request. */
export function CreateCompanyForm({ onCreated }: { onCreated: (companyId: string) => void }) {
  const templates = useTemplates();
  const create = useCreateFromTemplate();
  const [form, setForm] = useState({ template: '', name: '', timeZone: 'America/Chicago', email: '', ownerName: '', password: '' });
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value ?? '' }));
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { template: form.template, name: form.name.trim(), timeZone: form.timeZone, owner: { email: form.email.trim(), password: form.password, ...(form.ownerName ? { name: form.ownerName } : {}) } },
      { onSuccess: (created) => onCreated(created.company.id) },
    );
  };

  const templateOptions = (templates.data ?? []).map((t) => ({ value: t.key, label: `${t.tradeCategories.join(', ') || t.key} — like ${t.name}` }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {create.isError && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
        <Select label="Trade template" placeholder="Pick a trade" required data={templateOptions} value={form.template || null} onChange={set('template')} error={fields.template} disabled={templates.isPending} />
        <TextInput label="Company name" required maxLength={200} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} error={fields.name} />
        <Select label="Time zone" required data={ZONES} searchable value={form.timeZone} onChange={set('timeZone')} error={fields.timeZone} />
        <TextInput label="Owner's email" type="email" required value={form.email} onChange={(e) => set('email')(e.currentTarget.value)} error={fields['owner.email']} />
        <TextInput label="Owner's name" value={form.ownerName} onChange={(e) => set('ownerName')(e.currentTarget.value)} />
        <PasswordInput label="Owner's first password" description="At least 10 characters; give it to the owner, who changes it" required value={form.password} onChange={(e) => set('password')(e.currentTarget.value)} error={fields['owner.password']} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={!form.template || !form.name || !form.email || form.password.length < 10}>Create company</Button>
        </Group>
      </Stack>
    </form>
  );
}
