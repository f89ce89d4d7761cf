import { Alert, Badge, Button, Group, Paper, Select, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import type { AgentSettings, AgentSettingsDocument } from '../api/get-agent-settings.ts';
import { useTradeEmergencies } from '../api/get-trade-emergencies.ts';
import { useSaveEmergencies } from '../api/save-emergencies.ts';

type Own = AgentSettings['emergencies'][number];
type Draft = { name: string; severity: Own['severity']; triggers: string; safetyInstruction: string };

const toDraft = (e: Own): Draft => ({ name: e.name, severity: e.severity, triggers: e.triggers.join('\n'), safetyInstruction: e.safetyInstruction });
const fromDraft = (d: Draft): Own => ({ name: d.name, severity: d.severity, triggers: d.triggers.split(/\n|,/).map((t) => t.trim()).filter(Boolean), safetyInstruction: d.safetyInstruction });
const SEVERITIES = [{ value: 'urgent', label: 'Urgent' }, { value: 'life_safety', label: 'Life safety' }];
const refId = (r: { tradeCategory: string; key: string }) => `${r.tradeCategory}/${r.key}`;

/** The trades' emergencies (urgent ones may be switched off) and the company's own, saved together as a new settings version. */
export function OwnEmergenciesForm({ companyId, document, editable }: { companyId: string; document: AgentSettingsDocument; editable: boolean }) {
  const trade = useTradeEmergencies(companyId);
  const [own, setOwn] = useState<Draft[]>(document.settings.emergencies.map(toDraft));
  const [off, setOff] = useState<Set<string>>(new Set(document.settings.tradeEmergenciesOff.map(refId)));
  const save = useSaveEmergencies(companyId);
  const locked = !editable || save.isPending;
  const problems = save.error instanceof ApiError ? Object.entries(save.error.fields) : [];
  const edit = (i: number, patch: Partial<Draft>) => setOwn((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tradeEmergenciesOff = [...off].map((id) => ({ tradeCategory: id.split('/')[0]!, key: id.split('/')[1]! }));
    save.mutate({ settings: { emergencies: own.map(fromDraft), tradeEmergenciesOff }, expectedVersion: document.version }, {
      onSuccess: (saved) => notifications.show({ color: 'green', title: 'Emergencies saved', message: `Version ${saved.version} of the agent settings is live.` }),
      onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) }),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Emergencies">
      <Stack gap="lg">
        <Stack gap="xs" component="section" aria-labelledby="trade-emergencies-title">
          <Title order={3} id="trade-emergencies-title">From your trades</Title>
          <Text size="sm" c="dimmed">The caller hears the safety instruction first, then goes to your on-call number. Life-safety emergencies are always on.</Text>
          {trade.isPending ? <Loading label="Loading the trade emergencies" /> : trade.isError ? <LoadError error={trade.error} retry={() => void trade.refetch()} /> : (
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Thead><Table.Tr><Table.Th>Emergency</Table.Th><Table.Th>Trade</Table.Th><Table.Th>Caller says, e.g.</Table.Th><Table.Th>Listen for it</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {trade.data.items.map((e) => (
                    <Table.Tr key={refId(e)}>
                      <Table.Td>{e.name} {e.severity === 'life_safety' && <Badge color="red" variant="light">Life safety</Badge>}</Table.Td>
                      <Table.Td>{e.tradeCategory}</Table.Td>
                      <Table.Td><Text size="sm">{e.triggers.slice(0, 3).join(', ')}</Text></Table.Td>
                      <Table.Td>
                        <Switch aria-label={`Listen for ${e.name} (${e.tradeCategory})`} checked={e.severity === 'life_safety' || !off.has(refId(e))} disabled={locked || e.severity === 'life_safety'}
                          onChange={(ev) => { const on = ev.currentTarget.checked; setOff((s) => { const n = new Set(s); if (on) n.delete(refId(e)); else n.add(refId(e)); return n; }); }} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="own-emergencies-title">
          <Title order={3} id="own-emergencies-title">Your own</Title>
          <Text size="sm" c="dimmed">Phrases your callers use for emergencies your trades do not cover, matched the same way (“no, nothing is sparking” does not count).</Text>
          {own.length === 0 && <Text size="sm">None yet.</Text>}
          {own.map((d, i) => (
            <Paper key={i} withBorder p="md" component="fieldset" aria-label={`Emergency ${i + 1}`}>
              <Stack gap="sm">
                <Group grow align="flex-start">
                  <TextInput label="Name" required value={d.name} maxLength={200} disabled={locked} onChange={(e) => edit(i, { name: e.currentTarget.value })} />
                  <Select label="Severity" data={SEVERITIES} value={d.severity} allowDeselect={false} disabled={locked} onChange={(v) => edit(i, { severity: (v ?? 'urgent') as Own['severity'] })} />
                </Group>
                <Textarea label="Trigger phrases" description="One per line, as a caller would say them" autosize minRows={2} value={d.triggers} disabled={locked} onChange={(e) => edit(i, { triggers: e.currentTarget.value })} />
                <Textarea label="Safety instruction" description="Read to the caller first, word for word" autosize minRows={2} maxLength={2000} value={d.safetyInstruction} disabled={locked} onChange={(e) => edit(i, { safetyInstruction: e.currentTarget.value })} />
                {editable && <Group><Button variant="subtle" color="red" disabled={locked} onClick={() => setOwn((list) => list.filter((_, j) => j !== i))}>Remove {d.name || 'this emergency'}</Button></Group>}
              </Stack>
            </Paper>
          ))}
          {editable && <Group><Button variant="default" disabled={locked} onClick={() => setOwn((list) => [...list, { name: '', severity: 'urgent', triggers: '', safetyInstruction: '' }])}>Add an emergency</Button></Group>}
        </Stack>
        {problems.length > 0 && (
          <Alert color="red" title="Not saved" role="alert">
            {problems.map(([field, message]) => <Text key={field} size="sm">{field.replace(/^settings\./, '')}: {message}</Text>)}
          </Alert>
        )}
        {editable && <Group><Button type="submit" loading={save.isPending}>Save emergencies</Button></Group>}
      </Stack>
    </form>
  );
}
