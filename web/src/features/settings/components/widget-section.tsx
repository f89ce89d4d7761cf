import { Alert, Button, Code, CopyButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError, errorText } from '../../../lib/api-error.ts';
import { useChangeWidget, useWidgetSettings } from '../api/widget.ts';

const origins = (text: string) => text.split(/[\s,]+/).map((o) => o.trim()).filter(Boolean);

/** The website chat: the line to paste, the sites allowed to use it, and the key's rotation. */
export function WidgetSection({ companyId }: { companyId: string }) {
  const widget = useWidgetSettings(companyId);
  const change = useChangeWidget(companyId);
  const [text, setText] = useState<string | null>(null);
  if (widget.isPending) return <Loading label="Loading the website chat" />;
  if (widget.isError) return <LoadError error={widget.error} retry={() => void widget.refetch()} />;
  const { snippet, allowedOrigins, version } = widget.data;
  const field = change.error instanceof ApiError ? change.error.fields.allowedOrigins : undefined;
  const done = (message: string) => ({
    onSuccess: () => { setText(null); notifications.show({ color: 'green', message }); },
    onError: (error: unknown) => notifications.show({ color: 'red', title: 'Not saved', message: errorText(error) }),
  });

  return (
    <Stack maw={720}>
      <Text size="sm">Paste this line into your website's pages, before <Code>&lt;/body&gt;</Code>: a chat bubble with your agent appears in the corner.</Text>
      <Group align="flex-start" wrap="nowrap">
        <Code block flex={1} tabIndex={0} aria-label="Widget snippet">{snippet}</Code>
        <CopyButton value={snippet}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
      </Group>
      {allowedOrigins.length === 0 && <Alert color="yellow" role="note">No website is allowed yet: add yours below, or browsers will refuse the chat.</Alert>}
      <Textarea
        label="Websites allowed to use the chat"
        description="One per line, as the browser shows them: https://www.example.com"
        autosize minRows={2}
        value={text ?? allowedOrigins.join('\n')}
        onChange={(e) => setText(e.currentTarget.value)}
        error={field}
      />
      <Group justify="space-between">
        <Button variant="subtle" color="red" loading={change.isPending && 'rotate' in (change.variables ?? {})}
          onClick={() => window.confirm('Replace the key? The chat stops working on your site until you paste the new line.') && change.mutate({ rotate: true, expectedVersion: version }, done('New key made: paste the new line into your website.'))}>
          Replace the key
        </Button>
        <Button disabled={text === null} loading={change.isPending && !('rotate' in (change.variables ?? {}))}
          onClick={() => change.mutate({ allowedOrigins: origins(text ?? ''), expectedVersion: version }, done('Websites saved.'))}>
          Save websites
        </Button>
      </Group>
    </Stack>
  );
}
