import { Alert, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { useMe } from '../../../lib/session.ts';
import { useChangePassword } from '../api/change-password.ts';
import { DigestSettings } from './digest-settings.tsx';

const MIN_LENGTH = 10;

export default function AccountPage() {
  const me = useMe();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && repeat !== next;
  const fields = change.error instanceof ApiError ? change.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || next.length < MIN_LENGTH) return;
    change.mutate({ currentPassword: current, newPassword: next }, {
      onSuccess: () => { setCurrent(''); setNext(''); setRepeat(''); },
    });
  };

  return (
    <>
      <PageHeader title="Your account" description={me.data?.email} />
      <Paper withBorder p="md" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text fw={600}>Change your password</Text>
            {change.isSuccess && (
              <Alert color="green" role="status">
                Password changed. {change.data.sessionsEnded > 0 ? `${change.data.sessionsEnded} other session${change.data.sessionsEnded === 1 ? ' was' : 's were'} signed out.` : ''}
              </Alert>
            )}
            {change.isError && <Alert color="red" role="alert">{change.error instanceof ApiError && change.error.code === 'WRONG_PASSWORD' ? 'Your current password is not right.' : errorText(change.error)}</Alert>}
            <PasswordInput label="Current password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={fields.currentPassword} />
            <PasswordInput label="New password" description={`At least ${MIN_LENGTH} characters`} autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} error={fields.newPassword} />
            <PasswordInput label="New password again" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={mismatch ? 'The two new passwords differ' : undefined} />
            <Group justify="flex-end">
              <Button type="submit" loading={change.isPending} disabled={!current || next.length < MIN_LENGTH || repeat !== next}>Change password</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {me.data?.companyId && me.data.role === 'owner' && <DigestSettings companyId={me.data.companyId} />}
    </>
  );
}
