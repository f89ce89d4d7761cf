import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { PageHeader } from '../../../components/page-header.tsx';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { usePlatformStatus } from '../api/platform-status.ts';

const formatUptime = (s: number) => (s >= 86_400 ? `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h` : s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min` : `${Math.floor(s / 60)} min`);

export default function PlatformPage() {
  const status = usePlatformStatus();
  if (status.isPending) return <Loading label="Checking the platform" />;
  if (status.isError) return <LoadError error={status.error} retry={() => void status.refetch()} />;
  const { version, uptimeSeconds, database, jobs } = status.data;
  return (
    <>
      <PageHeader title="Platform" description="Health of this deployment, refreshed every 15 seconds" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <Card withBorder><Text size="sm" c="dimmed">Version</Text><Text fw={700}>{version}</Text><Text size="xs" c="dimmed">up {formatUptime(uptimeSeconds)}</Text></Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">Database</Text>
          <Badge color={database.ready ? 'green' : 'red'} size="lg" variant="light">{database.ready ? 'Ready' : 'Not ready'}</Badge>
          {database.pendingMigrations.length > 0 && <Text size="xs">Pending migrations: {database.pendingMigrations.join(', ')}</Text>}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">Job queue</Text>
          {jobs.available
            ? <Group gap={6} mt={4}>{Object.entries(jobs.counts).map(([state, n]) => <Badge key={state} variant="outline" color={state === 'failed' ? 'red' : 'gray'}>{state}: {n}</Badge>)}</Group>
            : <Text size="sm">Not started in this process</Text>}
        </Card>
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={2} size="h4">Failed jobs</Title>
        {jobs.failed.length === 0 ? <Empty title="No failed jobs" /> : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead><Table.Tr><Table.Th>Job</Table.Th><Table.Th>Error</Table.Th><Table.Th>Failed at</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {jobs.failed.map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Td><Text size="sm" ff="monospace">{job.name}</Text></Table.Td>
                    <Table.Td><Text size="sm">{job.error}</Text></Table.Td>
                    <Table.Td><Text size="sm">{job.failedAt ? new Date(job.failedAt).toLocaleString() : '—'}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}
