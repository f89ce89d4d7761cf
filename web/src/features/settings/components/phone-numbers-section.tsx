import { ActionIcon, Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { formatPhone } from '../../../lib/format.ts';
import { type PhoneNumber, useChangePhoneNumber, usePhoneNumbers } from '../api/phone-numbers.ts';

function LabelCell({ companyId, number, editable }: { companyId: string; number: PhoneNumber; editable: boolean }) {
  const [label, setLabel] = useState(number.label);
  const change = useChangePhoneNumber(companyId);
  if (!editable) return <>{number.label || '—'}</>;
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput size="xs" aria-label={`Label of ${formatPhone(number.number)}`} maxLength={100} value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
      {label !== number.label && (
        <Button size="compact-xs" loading={change.isPending} onClick={() => change.mutate({ id: number.id, label }, {
          onSuccess: () => notifications.show({ color: 'green', title: 'Label saved', message: formatPhone(number.number) }),
          onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) }),
        })}>Save</Button>
      )}
    </Group>
  );
}

/** The numbers whose calls the agent answers. */
export function PhoneNumbersSection({ companyId, editable }: { companyId: string; editable: boolean }) {
  const numbers = usePhoneNumbers(companyId);
  const change = useChangePhoneNumber(companyId);
  const [number, setNumber] = useState('');
  const [label, setLabel] = useState('');
  const fields = change.error instanceof ApiError ? change.error.fields : {};

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim()) return;
    change.mutate({ add: { number: number.trim(), label: label.trim() } }, {
      onSuccess: () => { setNumber(''); setLabel(''); notifications.show({ color: 'green', title: 'Number added', message: 'The agent answers it once calls are routed here.' }); },
    });
  };
  const remove = (n: PhoneNumber) => {
    if (!window.confirm(`Remove ${formatPhone(n.number)}? The agent stops answering it.`)) return;
    change.mutate({ remove: n.id }, { onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: errorText(error) }) });
  };

  return (
    <Stack>
      {numbers.isPending ? <Loading label="Loading phone numbers" />
        : numbers.isError ? <LoadError error={numbers.error} retry={() => void numbers.refetch()} />
        : numbers.data.items.length === 0 ? <Empty title="No phone numbers">Add the number callers dial.</Empty>
        : (
          <Table.ScrollContainer minWidth={360}>
            <Table aria-label="Phone numbers">
              <Table.Thead><Table.Tr><Table.Th>Number</Table.Th><Table.Th>Label</Table.Th>{editable && <Table.Th><Text size="sm" fw={700} span>Remove</Text></Table.Th>}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {numbers.data.items.map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Td><a href={`tel:${n.number}`}>{formatPhone(n.number)}</a></Table.Td>
                    <Table.Td><LabelCell companyId={companyId} number={n} editable={editable} /></Table.Td>
                    {editable && <Table.Td><ActionIcon variant="subtle" color="red" aria-label={`Remove ${formatPhone(n.number)}`} onClick={() => remove(n)}>✕</ActionIcon></Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      {editable && (
        <form onSubmit={add} noValidate aria-label="Add a phone number">
          <Stack gap="xs" maw={560}>
            {change.isError && !('remove' in (change.variables ?? {})) && <Alert color="red" role="alert">{errorText(change.error)}</Alert>}
            <Group align="flex-start" wrap="wrap">
              <TextInput label="Phone number" type="tel" placeholder="(312) 555-0100" maxLength={40} value={number} error={fields.number} onChange={(e) => setNumber(e.currentTarget.value)} />
              <TextInput label="Label" placeholder="Main line" maxLength={100} value={label} error={fields.label} onChange={(e) => setLabel(e.currentTarget.value)} />
            </Group>
            <Group><Button type="submit" loading={change.isPending} disabled={!number.trim()}>Add number</Button></Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
