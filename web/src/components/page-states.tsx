import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, errorText } from '../lib/api-error.ts';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm" c="dimmed">{label}…</Text>
    </Center>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl">
      <Text fw={600}>{title}</Text>
      {children && <Text c="dimmed" ta="center">{children}</Text>}
    </Stack>
  );
}

/** A failed load in words, with a retry; a 404 is the not-found page. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return (
    <Alert color="red" title="Could not load this" role="alert">
      <Group justify="space-between">
        <Text size="sm">{errorText(error)}</Text>
        {retry && <Button size="xs" variant="light" color="red" onClick={retry}>Try again</Button>}
      </Group>
    </Alert>
  );
}

export function NotFound() {
  return (
    <Stack align="center" py={64} gap="sm">
      <Title order={1} size="h2">Page not found</Title>
      <Text c="dimmed" ta="center">This page does not exist, or it belongs to another company.</Text>
      <Button component={Link} to="/" variant="light">Go to your dashboard</Button>
    </Stack>
  );
}
