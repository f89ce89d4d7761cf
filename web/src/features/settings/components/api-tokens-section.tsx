import { Alert, Button, Code, CopyButton, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { useCompany } from '../../../lib/company-context.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { type ApiToken, type TokenScope, useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/api-tokens.ts';

const SCOPES = [{ value: 'read', label: 'Read only' }, { value: 'full', label: 'Read and change' }];

/** Tokens for integrations: the token itself is shown once, when created; afterwards only its last four. */
export function ApiTokensSection({ companyId }: { companyId: string }) {
  const company = useCompany();
  const tokens = useApiTokens(companyId);
  const create = useCreateApiToken(companyId);
  const revoke = useRevokeApiToken(companyId);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), scope }, { onSuccess: (t) => { setShown({ name: t.name, token: t.token }); setName(''); } });
  };
  const doRevoke = (t: ApiToken) => {
    if (!window.confirm(`Revoke "${t.name}"? Integrations using it stop working at once.`)) return;
    revoke.mutate(t.id, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Token revoked', message: t.name }),
      onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: errorText(error) }),
    });
  };

  return (
    <Stack gap="lg">
      {shown && (
        <Alert color="green" title={`Your new token "${shown.name}"`} role="status" withCloseButton closeButtonLabel="I have stored it" onClose={() => setShown(null)}>
          <Text size="sm" mb="xs">Copy it now: it is shown only this once and cannot be read again.</Text>
          <Group gap="xs" wrap="nowrap">
            <Code data-testid="new-token" style={{ wordBreak: 'break-all' }}>{shown.token}</Code>
            <CopyButton value={shown.token}>{({ copied, copy }) => <Button size="compact-xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label="Create an API token">
        <Stack gap="xs" maw={560}>
          <Title order={2} size="h4">New token</Title>
          {create.isError && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
          <Group align="flex-end" wrap="wrap">
            <TextInput label="Token name" description="What uses it, e.g. Zapier" required maxLength={100} value={name} error={fields.name} onChange={(e) => setName(e.currentTarget.value)} />
            <Select label="Access" data={SCOPES} allowDeselect={false} value={scope} error={fields.scope} onChange={(v) => v && setScope(v as TokenScope)} w={180} />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>Create token</Button>
          </Group>
        </Stack>
      </form>
      {tokens.isPending ? <Loading label="Loading tokens" /> : tokens.isError ? <LoadError error={tokens.error} retry={() => void tokens.refetch()} />
        : tokens.data.items.length === 0 ? <Empty title="No API tokens">Create one for each integration, so you can revoke it alone.</Empty> : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="API tokens" verticalSpacing="xs">
              <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Token</Table.Th><Table.Th>Access</Table.Th><Table.Th>Created</Table.Th><Table.Th>Last used</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td><Code>…{t.lastFour}</Code></Table.Td>
                    <Table.Td>{SCOPES.find((s) => s.value === t.scope)?.label ?? t.scope}</Table.Td>
                    <Table.Td>{formatDateTime(t.createdAt, company.timeZone)}</Table.Td>
                    <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt, company.timeZone) : 'Never'}</Table.Td>
                    <Table.Td>{t.revokedAt ? <Text size="sm">Revoked {formatDateTime(t.revokedAt, company.timeZone)}</Text>
                      : <Button size="compact-xs" variant="light" color="red" onClick={() => doRevoke(t)} aria-label={`Revoke ${t.name}`}>Revoke</Button>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
    </Stack>
  );
}
