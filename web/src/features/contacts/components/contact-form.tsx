import { Alert, Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { formatPhone } from '../../../lib/format.ts';
import type { Contact } from '../api/list-contacts.ts';
import { useUpdateContact, type ContactPatch } from '../api/update-contact.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ZIP = /^[0-9]{5}(-[0-9]{4})?$/;
const list = (s: string) => s.split(/[,\n]/).map((x) => x.trim()).filter(Boolean);

interface Values { name: string; phones: string; email: string; address: string; zip: string; notes: string; tags: string }

const valuesOf = (c: Contact): Values => ({ name: c.name, phones: c.phones.map(formatPhone).join(', '), email: c.email ?? '', address: c.address ?? '', zip: c.zip ?? '', notes: c.notes, tags: c.tags.join(', ') });

/** The checks the API makes, so most mistakes are shown before anything is sent. */
function check(v: Values): Partial<Record<keyof Values, string>> {
  const errors: Partial<Record<keyof Values, string>> = {};
  if (v.name.length > 200) errors.name = 'At most 200 characters.';
  const phones = list(v.phones);
  if (phones.length > 10) errors.phones = 'At most 10 numbers.';
  else if (phones.some((p) => p.length > 40)) errors.phones = 'A number is too long.';
  if (v.email.trim() && !EMAIL.test(v.email.trim())) errors.email = 'Not an email address.';
  if (v.address.length > 500) errors.address = 'At most 500 characters.';
  if (v.zip.trim() && !ZIP.test(v.zip.trim())) errors.zip = 'Five digits (or ZIP+4).';
  if (v.notes.length > 5000) errors.notes = 'At most 5000 characters.';
  const tags = list(v.tags);
  if (tags.length > 20 || tags.some((t) => t.length > 40)) errors.tags = 'At most 20 tags of 40 characters.';
  return errors;
}

/** The API's complaint about a field: its own message, or the phone codes, which name the phones. */
function serverError(error: unknown, field: keyof Values): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (field === 'phones' && (error.code === 'INVALID_PHONE_NUMBER' || error.code === 'CONTACT_PHONE_EXISTS')) return errorText(error);
  const key = Object.keys(error.fields).find((k) => k === field || k.startsWith(`${field}.`));
  return key ? error.fields[key] : undefined;
}

export function ContactForm({ contact, companyId }: { contact: Contact; companyId: string }) {
  const [values, setValues] = useState(() => valuesOf(contact));
  const [checked, setChecked] = useState<Partial<Record<keyof Values, string>>>({});
  const update = useUpdateContact(companyId, contact.id);

  const field = (name: keyof Values) => ({
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [name]: e.currentTarget.value }),
    error: checked[name] ?? serverError(update.error, name),
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errors = check(values);
    setChecked(errors);
    if (Object.keys(errors).length > 0) return;
    const body: ContactPatch = {
      name: values.name.trim(),
      phones: list(values.phones),
      email: values.email.trim() || null,
      address: values.address.trim() || null,
      zip: values.zip.trim() || null,
      notes: values.notes,
      tags: list(values.tags),
    };
    update.mutate(body, { onSuccess: (saved) => setValues(valuesOf(saved)) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit contact">
      <Stack gap="sm">
        {update.isError && <Alert color="red" role="alert" title="Not saved">{errorText(update.error)}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Name" maxLength={200} {...field('name')} />
          <TextInput label="Phone numbers" description="Separate numbers with commas" {...field('phones')} />
          <TextInput label="Email" type="email" {...field('email')} />
          <TextInput label="Zip code" inputMode="numeric" {...field('zip')} />
        </SimpleGrid>
        <TextInput label="Address" maxLength={500} {...field('address')} />
        <Textarea label="Notes" autosize minRows={2} maxLength={5000} {...field('notes')} />
        <TextInput label="Tags" description="Separate tags with commas" {...field('tags')} />
        <Group><Button type="submit" loading={update.isPending}>Save contact</Button></Group>
      </Stack>
    </form>
  );
}
