import { Accordion, Badge, Group, Table, Text } from '@mantine/core';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { type AgentSettingsVersion, useAgentHistory } from '../api/get-agent-history.ts';
import { settingsChanges } from './agent-fields.ts';

function Changes({ version, previous }: { version: AgentSettingsVersion; previous: AgentSettingsVersion | undefined }) {
  const changes = settingsChanges(previous?.settings ?? null, version.settings);
  if (changes.length === 0) return <Text size="sm" c="dimmed">Saved without changes.</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing="xs" aria-label={`Changes in version ${version.version}`}>
        <Table.Thead>
          <Table.Tr><Table.Th>Setting</Table.Th><Table.Th>{previous ? `Version ${previous.version}` : 'Before'}</Table.Th><Table.Th>Version {version.version}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.field}>
              <Table.Td fw={500}>{c.label}</Table.Td>
              <Table.Td><Text size="sm" td={previous ? 'line-through' : undefined} c="dimmed" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{c.before}</Text></Table.Td>
              <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{c.after}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every saved version, newest first; opening one shows what it changed from the version before. */
export function VersionHistory({ companyId, currentVersion }: { companyId: string; currentVersion: number }) {
  const company = useCompany();
  const history = useAgentHistory(companyId);
  if (history.isPending) return <Loading label="Loading versions" />;
  if (history.isError) return <LoadError error={history.error} retry={() => void history.refetch()} />;
  const items = history.data.items;
  if (items.length === 0) return <Empty title="No saved versions yet">The agent uses the default settings until you save them.</Empty>;
  return (
    <Accordion variant="separated" defaultValue={String(items[0]!.version)}>
      {items.map((v, i) => {
        const previous = items[i + 1];
        const count = settingsChanges(previous?.settings ?? null, v.settings).length;
        return (
          <Accordion.Item key={v.version} value={String(v.version)}>
            <Accordion.Control>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>Version {v.version}</Text>
                {v.version === currentVersion && <Badge variant="light" color="green">In use</Badge>}
                <Text size="sm" c="dimmed">{formatDateTime(v.createdAt, company.timeZone)} · {v.actor.label || v.actor.type}</Text>
                <Text size="sm" c="dimmed">· {previous || v.version === 1 ? `${count} change${count === 1 ? '' : 's'}` : 'older versions not shown'}</Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {v.version === 1 && <Text size="sm" c="dimmed" mb="xs">The first saved version: every setting as saved.</Text>}
              <Changes version={v} previous={previous} />
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
