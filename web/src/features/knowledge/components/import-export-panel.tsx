import { Alert, Button, FileInput, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { exportKnowledge } from '../api/export-knowledge.ts';
import { useImportKnowledge } from '../api/import-knowledge.ts';

interface RowError {
  row: number;
  field?: string;
  message: string;
}

const rowErrorsOf = (error: unknown): RowError[] =>
  error instanceof ApiError && Array.isArray(error.details.rows) ? (error.details.rows as RowError[]) : [];

/** CSV or JSON in (all or nothing, every bad row shown), and the same formats out. */
export function ImportExportPanel({ companyId, canImport }: { companyId: string; canImport: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'append' | 'replace'>('append');
  const run = useImportKnowledge(companyId);
  const rows = rowErrorsOf(run.error);

  const start = async () => {
    if (!file) return;
    const text = await file.text();
    const format = /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'csv';
    run.mutate({ text, format, mode }, {
      onSuccess: (r) => notifications.show({ color: 'green', title: 'Imported', message: `${r.created} entries added${r.deleted ? `, ${r.deleted} replaced` : ''}.` }),
    });
  };
  const download = (format: 'csv' | 'json') => exportKnowledge(companyId, format).catch((error: unknown) => notifications.show({ color: 'red', title: 'Export failed', message: errorText(error) }));

  return (
    <Stack gap="lg">
      <section aria-labelledby="kb-export">
        <Title order={2} size="h4" id="kb-export" mb="xs">Export</Title>
        <Group>
          <Button variant="light" onClick={() => void download('csv')}>Download CSV</Button>
          <Button variant="light" onClick={() => void download('json')}>Download JSON</Button>
        </Group>
      </section>
      {canImport && (
        <section aria-labelledby="kb-import">
          <Title order={2} size="h4" id="kb-import" mb="xs">Import</Title>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">CSV with a header row (question, answer, alternatives, tags, enabled; alternatives and tags separated by |), or JSON as exported. A file with any bad row changes nothing.</Text>
            <FileInput label="File" description="A .csv or .json file" accept=".csv,.json,text/csv,application/json" value={file} onChange={(f) => { setFile(f); run.reset(); }} clearable clearButtonProps={{ 'aria-label': 'Remove the file' }} />
            <SegmentedControl
              aria-label="Import mode" value={mode} onChange={(v) => setMode(v as 'append' | 'replace')}
              data={[{ value: 'append', label: 'Add to my entries' }, { value: 'replace', label: 'Replace my entries' }]}
            />
            <Group><Button onClick={() => void start()} disabled={!file} loading={run.isPending}>Import</Button></Group>
            {run.isSuccess && <Alert color="green" role="status">{run.data.created} entries imported{run.data.deleted ? `; ${run.data.deleted} old entries removed` : ''}.</Alert>}
            {run.isError && (
              <Alert color="red" role="alert" title={rows.length ? run.error.message : undefined}>
                {rows.length === 0 ? errorText(run.error) : (
                  <Table.ScrollContainer minWidth={360}>
                    <Table aria-label="Rows that could not be imported" verticalSpacing={4}>
                      <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Field</Table.Th><Table.Th>Problem</Table.Th></Table.Tr></Table.Thead>
                      <Table.Tbody>
                        {rows.map((r, i) => (
                          <Table.Tr key={i} data-testid="import-row-error"><Table.Td>{r.row}</Table.Td><Table.Td>{r.field ?? '—'}</Table.Td><Table.Td>{r.message}</Table.Td></Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Alert>
            )}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
