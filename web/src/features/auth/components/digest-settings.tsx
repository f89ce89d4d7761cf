import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { useDigestSubscription, useSaveDigestSubscription } from '../api/digest-subscription.ts';

/** An owner's daily digest: each morning at 7:00 company time, yesterday's figures by email and/or text. */
export function DigestSettings({ companyId }: { companyId: string }) {
  const current = useDigestSubscription(companyId);
  const save = useSaveDigestSubscription(companyId);
  const [email, setEmail] = useState(false);
  const [sms, setSms] = useState(false);
  const [number, setNumber] = useState('');
  useEffect(() => {
    if (!current.data) return;
    setEmail(current.data.email);
    setSms(current.data.sms);
    setNumber(current.data.smsNumber ?? '');
  }, [current.data]);
  const fields = save.error instanceof ApiError ? save.error.fields : {};

  if (current.isPending) return <Loading label="Loading your daily digest" />;
  if (current.isError) return <LoadError error={current.error} retry={() => void current.refetch()} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ email, sms, smsNumber: number.trim() === '' ? null : number.trim() });
  };
  return (
    <Paper withBorder p="md" maw={480} mt="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text fw={600} component="h2" m={0} size="md">Daily digest</Text>
          <Text size="sm" c="dimmed">Each morning at 7:00 company time: yesterday's calls, bookings and their value, emergencies, unbooked leads and messages to return.</Text>
          {save.isSuccess && <Alert color="green" role="status">Daily digest saved.</Alert>}
          {save.isError && !fields.smsNumber && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
          <Checkbox label={`By email to ${current.data.emailAddress}`} checked={email} onChange={(e) => setEmail(e.currentTarget.checked)} />
          <Checkbox label="By text message" checked={sms} onChange={(e) => setSms(e.currentTarget.checked)} />
          <TextInput label="Mobile number for the text" type="tel" autoComplete="tel" value={number} onChange={(e) => setNumber(e.currentTarget.value)}
            required={sms} error={fields.smsNumber ?? (sms && number.trim() === '' ? 'A number is needed for the text' : undefined)} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={sms && number.trim() === ''}>Save digest</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
