import { Checkbox, Group, SegmentedControl, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { MessageList } from './message-list.tsx';

type View = 'new' | 'handled' | 'all';
const VIEWS = [{ value: 'new', label: 'Waiting' }, { value: 'handled', label: 'Handled' }, { value: 'all', label: 'All' }];

/** Messages the agent took: waiting ones first, each one tap from calling back. Filters live in the URL. */
export default function MessagesPage() {
  const company = useCompany();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('status') === 'handled' ? 'handled' : params.get('status') === 'all' ? 'all' : 'new';
  const urgent = params.get('urgent') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === null) next.delete(k); else next.set(k, v);
    setParams(next, { replace: true });
  };
  const onPage = (p: number) => set({ page: p > 1 ? String(p) : null });
  const common = { companyId: company.id, timeZone: company.timeZone, onPage };
  const urgency = urgent ? { urgent: true } : {};

  return (
    <>
      <PageHeader title="Messages" description="Messages the agent took for you. Mark each one handled once you have called back." />
      <Group mb="md" gap="md" wrap="wrap">
        <SegmentedControl aria-label="Show messages" data={VIEWS} value={view} onChange={(v) => set({ status: v === 'new' ? null : v, page: null })} />
        <Checkbox label="Urgent only" checked={urgent} onChange={(e) => set({ urgent: e.currentTarget.checked ? 'true' : null, page: null })} />
      </Group>
      <Stack gap="lg">
        {view !== 'handled' && (
          <MessageList title="Waiting" query={{ status: 'new', ...urgency }} emptyText="No messages waiting" {...common}
            page={view === 'new' ? page : 1} onPage={(p) => set({ status: null, page: p > 1 ? String(p) : null })} />
        )}
        {view !== 'new' && (
          <MessageList title="Handled" query={{ status: 'handled', ...urgency }} page={page} emptyText="No handled messages" {...common} />
        )}
      </Stack>
    </>
  );
}
