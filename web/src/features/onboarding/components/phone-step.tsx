import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorText } from '../../../lib/api-error.ts';
import { formatPhone } from '../../../lib/format.ts';
import { useAddPhoneNumber, usePhoneNumbers } from '../api/phone-numbers.ts';

export function PhoneStep({ companyId, onDone }: { companyId: string; onDone: () => void }) {
  const numbers = usePhoneNumbers(companyId);
  const add = useAddPhoneNumber(companyId);
  const [number, setNumber] = useState('');
  const items = numbers.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm">Calls to these numbers are answered by your agent. Point the number's voice webhook at this platform in Twilio, or ask the platform admin to assign one.</Text>
      {items.length > 0 && <List size="sm">{items.map((n) => <List.Item key={n.id}>{formatPhone(n.number)}</List.Item>)}</List>}
      {add.isError && <Alert color="red" role="alert">{errorText(add.error)}</Alert>}
      <Group align="flex-end" wrap="wrap">
        <TextInput label="Add your business number" placeholder="(312) 555-0142" value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
        <Button variant="light" loading={add.isPending} disabled={!number.trim()} onClick={() => add.mutate(number.trim(), { onSuccess: () => setNumber('') })}>Add number</Button>
      </Group>
      <Group justify="flex-end"><Button onClick={onDone}>{items.length > 0 ? 'Continue' : 'Skip for now'}</Button></Group>
    </Stack>
  );
}
