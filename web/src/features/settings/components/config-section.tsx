import { Alert, Button, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { getCompanyConfig, useUploadCompanyConfig } from '../api/company-config.ts';

function save(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

/** Problems by their path in the document (booking.services[2].durationMinutes). */
const problemsOf = (error: unknown): [string, string][] => (error instanceof ApiError ? Object.entries(error.fields) : []);

/** The whole configuration as one JSON document: download it, edit it, upload it (all or nothing). */
export function ConfigSection({ companyId, slug }: { companyId: string; slug: string }) {
  const upload = useUploadCompanyConfig(companyId);
  const [file, setFile] = useState<File | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const problems = problemsOf(upload.error);

  const download = () => getCompanyConfig(companyId).then((doc) => save(`${slug}-config.json`, doc))
    .catch((error: unknown) => notifications.show({ color: 'red', title: 'Download failed', message: errorText(error) }));
  const send = async () => {
    if (!file) return;
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      setParseError('This file is not JSON. Download the configuration to see the format.');
      return;
    }
    setParseError(null);
    upload.mutate(doc, { onSuccess: () => notifications.show({ color: 'green', title: 'Configuration applied', message: 'Everything in the document is in effect now.' }) });
  };

  return (
    <Stack gap="lg" maw={720}>
      <section aria-labelledby="config-download">
        <Title order={2} size="h4" id="config-download" mb="xs">Download</Title>
        <Text size="sm" c="dimmed" mb="xs">Profile, phone numbers, agent and voice, booking rules, services, technicians and knowledge — no secrets.</Text>
        <Button variant="light" onClick={() => void download()}>Download configuration</Button>
      </section>
      <section aria-labelledby="config-upload">
        <Title order={2} size="h4" id="config-upload" mb="xs">Upload</Title>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">Replaces the whole configuration with the document. Everything is checked first: with any problem nothing changes.</Text>
          <FileInput label="Configuration file" description="A .json file" accept=".json,application/json" value={file} onChange={(f) => { setFile(f); upload.reset(); setParseError(null); }} clearable clearButtonProps={{ 'aria-label': 'Remove the file' }} />
          <Group><Button onClick={() => void send()} disabled={!file} loading={upload.isPending}>Upload and apply</Button></Group>
          {parseError && <Alert color="red" role="alert">{parseError}</Alert>}
          {upload.isError && (
            <Alert color="red" role="alert" title={problems.length ? 'The document was not applied' : undefined}>
              {problems.length === 0 ? errorText(upload.error) : (
                <List size="sm" spacing={4}>
                  {problems.map(([path, message]) => <List.Item key={path} data-testid="config-problem"><Text span ff="monospace" size="sm">{path}</Text> {message}</List.Item>)}
                </List>
              )}
            </Alert>
          )}
        </Stack>
      </section>
    </Stack>
  );
}
