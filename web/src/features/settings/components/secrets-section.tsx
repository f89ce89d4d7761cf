import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { type SecretField, type SecretStatus, useSecrets, useUpdateSecret } from '../api/secrets.ts';

const SECRETS: { field: SecretField; name: SecretStatus['name']; label: string; help: string }[] = [
  { field: 'elevenLabsApiKey', name: 'elevenlabs_api_key', label: 'ElevenLabs API key', help: 'Your own voice account (Agent → Voice → use own key)' },
  { field: 'twilioAuthToken', name: 'twilio_auth_token', label: 'Twilio auth token', help: "Your own Twilio account's token, to check its webhooks" },
  { field: 'llmApiKey', name: 'llm_api_key', label: 'Language model key', help: 'Your own key for the language model' },
];
// As the API checks it: 8 to 512 printable characters without spaces.
const VALID = /^[!-~]{8,512}$/;

function SecretRow({ companyId, spec, status }: { companyId: string; spec: (typeof SECRETS)[number]; status: SecretStatus | undefined }) {
  const update = useUpdateSecret(companyId);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const apiProblem = update.error instanceof ApiError ? update.error.fields[spec.field] : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = value.trim();
    if (!VALID.test(v)) { setProblem('must be 8 to 512 characters without spaces'); return; }
    setProblem(undefined);
    update.mutate({ field: spec.field, value: v }, {
      onSuccess: () => { setValue(''); notifications.show({ color: 'green', title: `${spec.label} set`, message: 'Only its last four characters are ever shown.' }); },
      onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) }),
    });
  };
  const clear = () => update.mutate({ field: spec.field, value: null }, {
    onSuccess: () => notifications.show({ color: 'green', title: `${spec.label} cleared`, message: 'The platform default is used again.' }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not cleared', message: errorText(error) }),
  });
  return (
    <Card withBorder padding="sm" data-testid={`secret-${spec.field}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>{spec.label}</Text>
            {status?.set ? <Badge variant="light" color="green" data-testid="secret-status">Set · …{status.last4}</Badge> : <Badge variant="outline" color="gray.8" data-testid="secret-status">Not set</Badge>}
          </Group>
          <Text size="sm" c="dimmed">{spec.help}</Text>
          <Group align="flex-end" wrap="wrap">
            <PasswordInput label={status?.set ? `New ${spec.label}` : spec.label} autoComplete="off" maxLength={600} value={value} error={problem ?? apiProblem} onChange={(e) => setValue(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
            <Button type="submit" loading={update.isPending && update.variables?.value !== null} disabled={!value.trim()}>{status?.set ? 'Replace' : 'Set'}</Button>
            {status?.set && <Button variant="subtle" color="red" onClick={clear} loading={update.isPending && update.variables?.value === null}>Clear</Button>}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The company's own credentials. The server never sends them back: only whether each is set and its last four. */
export function SecretsSection({ companyId }: { companyId: string }) {
  const secrets = useSecrets(companyId);
  if (secrets.isPending) return <Loading label="Loading secrets" />;
  if (secrets.isError) return <LoadError error={secrets.error} retry={() => void secrets.refetch()} />;
  return (
    <Stack maw={720}>
      <Alert color="indigo" role="note">Keys are stored encrypted. Once saved they cannot be shown again, only replaced or cleared.</Alert>
      {SECRETS.map((spec) => <SecretRow key={spec.field} companyId={companyId} spec={spec} status={secrets.data.items.find((s) => s.name === spec.name)} />)}
    </Stack>
  );
}
