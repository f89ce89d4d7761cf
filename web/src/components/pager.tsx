import { Button, Group, Text } from '@mantine/core';

/** Previous / next over an offset-paged list (the API says whether a next page exists). */
export function Pager({ page, hasMore, onPage, label }: { page: number; hasMore: boolean; onPage: (page: number) => void; label: string }) {
  if (page === 1 && !hasMore) return null;
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={`${label} pages`}>
      <Button variant="default" disabled={page === 1} onClick={() => onPage(page - 1)}>Previous</Button>
      <Text size="sm" c="dimmed">Page {page}</Text>
      <Button variant="default" disabled={!hasMore} onClick={() => onPage(page + 1)}>Next</Button>
    </Group>
  );
}
