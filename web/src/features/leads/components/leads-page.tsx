import { Anchor, Badge, Card, Checkbox, Group, Stack, Switch, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { formatDateTime, formatPhone } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnbookedLeads, type Lead } from '../api/list-unbooked-leads.ts';
import { useSetFollowedUp } from '../api/set-followed-up.ts';

const PAGE_SIZE = 25;

/** Callers who wanted a job done and were not booked: the last 30 days, newest first, each one call back away. */
export default function LeadsPage() {
  const company = useCompany();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const all = params.get('all') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const leads = useUnbookedLeads(company.id, { includeFollowedUp: all, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const toggle = useSetFollowedUp(company.id, me.data?.email ?? 'you');
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === null) next.delete(k); else next.set(k, v);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title="Leads" description={<>Calls from people who wanted a job done and were not booked, last 30 days. Times in {company.timeZone.replace('_', ' ')}.</>} />
      <Checkbox mb="md" label="Show followed-up leads too" checked={all} onChange={(e) => set({ all: e.currentTarget.checked ? '1' : null, page: null })} />
      {leads.isPending ? <Loading label="Loading leads" />
        : leads.isError ? <LoadError error={leads.error} retry={() => void leads.refetch()} />
        : leads.data.items.length === 0 ? (
          <Empty title={all ? 'No unbooked leads' : 'No leads waiting'}>{all ? 'Every caller who wanted a job in the last 30 days was booked.' : 'Every unbooked lead has been followed up.'}</Empty>
        ) : (
          <>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Unbooked leads">
              {leads.data.items.map((lead) => (
                <LeadCard key={lead.callId} lead={lead} companyId={company.id} timeZone={company.timeZone}
                  onToggle={(followedUp) => toggle.mutate({ lead, followedUp })} />
              ))}
            </Stack>
            <Pager label="Leads" page={page} hasMore={leads.data.hasMore} onPage={(p) => set({ page: p > 1 ? String(p) : null })} />
          </>
        )}
    </>
  );
}

function LeadCard({ lead, companyId, timeZone, onToggle }: { lead: Lead; companyId: string; timeZone: string; onToggle: (followedUp: boolean) => void }) {
  const who = lead.contact.name || (lead.contact.phone ? formatPhone(lead.contact.phone) : 'Unknown caller');
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text fw={600}>{who}</Text>
            {lead.contact.name && lead.contact.phone && <Anchor href={`tel:${lead.contact.phone}`} size="sm">{formatPhone(lead.contact.phone)}</Anchor>}
            {lead.emergency && <Badge color="red" variant="light">Emergency</Badge>}
          </Group>
          <Text size="sm">{lead.wanted}</Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(lead.startedAt as string, timeZone)} · <Anchor component={Link} to={`/companies/${companyId}/calls/${lead.callId}`} size="sm" underline="always">Transcript</Anchor>
            {lead.followedUp && <> · followed up by {lead.followedUp.by} {formatDateTime(lead.followedUp.at as string, timeZone)}</>}
          </Text>
        </Stack>
        <Switch label="Followed up" aria-label={`Followed up: ${who}`} checked={lead.followedUp !== null} onChange={(e) => onToggle(e.currentTarget.checked)} />
      </Group>
    </Card>
  );
}
