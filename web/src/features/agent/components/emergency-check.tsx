import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorText } from '../../../lib/api-error.ts';
import { useCheckEmergency } from '../api/check-emergency.ts';

/** "Try a sentence": whether the agent would treat it as an emergency, and by which rule. */
export function EmergencyCheck({ companyId }: { companyId: string }) {
  const [text, setText] = useState('');
  const check = useCheckEmergency(companyId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== '') check.mutate(text.trim());
  };
  const found = check.data?.emergency;
  return (
    <Stack gap="xs" component="section" aria-labelledby="emergency-check-title">
      <Title order={3} id="emergency-check-title">Try a sentence</Title>
      <form onSubmit={submit} aria-label="Try a sentence">
        <Group align="flex-end">
          <TextInput label="What a caller might say" value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={500} style={{ flex: 1 }} />
          <Button type="submit" loading={check.isPending} disabled={text.trim() === ''}>Check</Button>
        </Group>
      </form>
      {check.isError && <Alert color="red" role="alert">{errorText(check.error)}</Alert>}
      {check.isSuccess && (found ? (
        <Alert color="red" title={`Emergency: ${found.name}`} role="status">
          <Text size="sm">Matched “{found.matchedTrigger}”, {found.source === 'company' ? "one of your company's own emergencies" : `from the ${found.tradeCategory} trade`} ({found.severity === 'life_safety' ? 'life safety' : 'urgent'}).</Text>
          <Text size="sm" mt="xs">The caller hears first: {found.safetyInstruction}</Text>
        </Alert>
      ) : (
        <Alert color="gray" title="Not an emergency" role="status">The agent would handle this sentence as an ordinary call.</Alert>
      ))}
    </Stack>
  );
}
