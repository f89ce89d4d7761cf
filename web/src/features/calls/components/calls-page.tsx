import { Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { CsvDownload } from '../../../components/csv-download.tsx';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { useCalls } from '../api/list-calls.ts';
import { hasFilters, queryOf, readFilters, searchOf, type CallFilters } from './call-filters.ts';
import { CallsFilterBar } from './calls-filter-bar.tsx';
import { CallsList } from './calls-list.tsx';

/** The call log, newest first; filters live in the URL and new calls appear as they come in. */
export default function CallsPage() {
  const company = useCompany();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const calls = useCalls(company.id, queryOf(filters, company.timeZone));

  const change = (patch: Partial<CallFilters>) => setParams(searchOf({ ...filters, page: 1, ...patch }), { replace: true });

  return (
    <>
      <PageHeader
        title="Calls"
        description={<>Times in {company.timeZone.replace('_', ' ')}. New calls appear here as they come in.</>}
        actions={<CsvDownload companyId={company.id} timeZone={company.timeZone} what="calls" label="Calls" />}
      />
      <CallsFilterBar filters={filters} onChange={change} />
      {calls.isPending ? <Loading label="Loading calls" />
        : calls.isError ? <LoadError error={calls.error} retry={() => void calls.refetch()} />
        : calls.data.items.length === 0 ? (
          <Empty title={hasFilters(filters) ? 'No calls match these filters' : 'No calls yet'}>
            {hasFilters(filters) ? 'Clear a filter to see more calls.' : 'Calls to your numbers show up here as soon as they are answered.'}
          </Empty>
        ) : (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {calls.data.items.length}{calls.data.hasMore ? '+' : ''} {calls.data.items.length === 1 ? 'call' : 'calls'}{filters.page > 1 ? ` on page ${filters.page}` : ''}
            </Text>
            <CallsList calls={calls.data.items} companyId={company.id} timeZone={company.timeZone} />
            <Pager label="Calls" page={filters.page} hasMore={calls.data.hasMore} onPage={(page) => setParams(searchOf({ ...filters, page }))} />
          </>
        )}
    </>
  );
}
