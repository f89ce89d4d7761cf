import { Alert, Badge, Button, Group, PasswordInput, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { useCompany } from '../../../lib/company-context.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { type CompanyUser, type UserChange, useChangeUser, useUsers } from '../api/users.ts';

const ROLES = [{ value: 'owner', label: 'Owner' }, { value: 'staff', label: 'Staff' }];

function InviteForm({ companyId }: { companyId: string }) {
  const change = useChangeUser(companyId);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'owner' | 'staff'>('staff');
  const [tried, setTried] = useState(false);
  const fields = change.error instanceof ApiError ? change.error.fields : {};
  const problems = {
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : 'must be an email address',
    password: password.length >= 10 ? undefined : 'must be at least 10 characters',
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.email || problems.password) return;
    change.mutate({ create: { email: email.trim(), name: name.trim(), password, role } }, {
      onSuccess: (u) => {
        setEmail(''); setName(''); setPassword(''); setTried(false);
        notifications.show({ color: 'green', title: 'User added', message: `${u.email} can sign in with the password you chose; ask them to change it.` });
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Invite a user">
      <Stack gap="xs" maw={560}>
        <Title order={2} size="h4">Invite someone</Title>
        {change.isError && <Alert color="red" role="alert">{errorText(change.error)}</Alert>}
        <TextInput label="Email" type="email" required maxLength={254} value={email} error={(tried && problems.email) || fields.email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <TextInput label="Name" maxLength={200} value={name} error={fields.name} onChange={(e) => setName(e.currentTarget.value)} />
        <PasswordInput label="First password" description="At least 10 characters; give it to them, they change it after signing in" required value={password} error={(tried && problems.password) || fields.password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <Select label="Role" data={ROLES} allowDeselect={false} value={role} onChange={(v) => v && setRole(v as 'owner' | 'staff')} />
        <Group><Button type="submit" loading={change.isPending}>Add user</Button></Group>
      </Stack>
    </form>
  );
}

/** The company's people: roles, who may sign in, and new users. */
export function UsersSection({ companyId, editable }: { companyId: string; editable: boolean }) {
  const company = useCompany();
  const me = useMe();
  const users = useUsers(companyId);
  const change = useChangeUser(companyId);
  const apply = (u: CompanyUser, c: UserChange, done: string) => change.mutate({ id: u.id, change: c }, {
    onSuccess: () => notifications.show({ color: 'green', title: done, message: u.email }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not changed', message: errorText(error) }),
  });

  return (
    <Stack gap="xl">
      {users.isPending ? <Loading label="Loading users" /> : users.isError ? <LoadError error={users.error} retry={() => void users.refetch()} /> : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Users" verticalSpacing="xs">
            <Table.Thead><Table.Tr><Table.Th>Person</Table.Th><Table.Th>Role</Table.Th><Table.Th>Can sign in</Table.Th><Table.Th>Last sign-in</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => {
                const self = u.id === me.data?.id;
                return (
                  <Table.Tr key={u.id}>
                    <Table.Td><Text size="sm" fw={500}>{u.name || u.email}</Text>{u.name && <Text size="xs" c="dimmed">{u.email}</Text>}</Table.Td>
                    <Table.Td>
                      {editable && !self ? (
                        <Select size="xs" w={110} aria-label={`Role of ${u.email}`} data={ROLES} allowDeselect={false} value={u.role} onChange={(v) => v && v !== u.role && apply(u, { role: v as 'owner' | 'staff' }, 'Role changed')} />
                      ) : <Badge variant="light" color="indigo">{u.role}</Badge>}
                    </Table.Td>
                    <Table.Td>
                      {editable && !self
                        ? <Switch aria-label={`${u.email} can sign in`} checked={!u.disabled} onChange={(e) => apply(u, { disabled: !e.currentTarget.checked }, e.currentTarget.checked ? 'User enabled' : 'User disabled')} />
                        : <Text size="sm">{u.disabled ? 'No (disabled)' : 'Yes'}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, company.timeZone) : 'Never'}</Text></Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && <InviteForm companyId={companyId} />}
    </Stack>
  );
}
