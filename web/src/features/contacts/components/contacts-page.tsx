import { Anchor, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { formatPhone } from '../../../lib/format.ts';
import { useContacts } from '../api/list-contacts.ts';

const PAGE_SIZE = 25;

/** Everyone who called or was added, searchable by name or number (the search is in the URL). */
export default function ContactsPage() {
  const company = useCompany();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.slice(0, 200) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const push = useDebouncedCallback((value: string) => setParams(value.trim() ? { q: value } : {}, { replace: true }), 300);
  const contacts = useContacts(company.id, { ...(q.trim() ? { q: q.trim() } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <>
      <PageHeader title="Contacts" description="Callers are added as they call; the agent fills in what it learns." />
      <TextInput
        label="Search contacts"
        placeholder="Name or phone number"
        type="search"
        mb="md"
        maw={420}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          push(e.currentTarget.value);
        }}
      />
      {contacts.isPending ? <Loading label="Loading contacts" />
        : contacts.isError ? <LoadError error={contacts.error} retry={() => void contacts.refetch()} />
        : contacts.data.items.length === 0 ? <Empty title={q ? `No contact matches “${q}”` : 'No contacts yet'}>{q ? 'Try part of the name or the last digits of the number.' : 'Callers appear here after their first call.'}</Empty>
        : (
          <>
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Contacts">
              {contacts.data.items.map((c) => (
                <Card component="li" key={c.id} withBorder padding="sm">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Anchor component={Link} to={`/companies/${company.id}/contacts/${c.id}`} fw={600}>{c.name || 'No name'}</Anchor>
                    <Text size="sm" c="dimmed">{c.phones.map(formatPhone).join(', ') || 'No number'}</Text>
                  </Group>
                  {(c.address || c.email) && <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{[c.address, c.zip, c.email].filter(Boolean).join(' · ')}</Text>}
                </Card>
              ))}
            </Stack>
            <Pager label="Contacts" page={page} hasMore={contacts.data.hasMore} onPage={(p) => setParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })} />
          </>
        )}
    </>
  );
}
