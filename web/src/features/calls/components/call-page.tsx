import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { EmergencyBadge, OutcomeBadge } from '../../../components/outcome-badge.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Empty, LoadError, Loading, NotFound } from '../../../components/page-states.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { formatDateTime, formatDuration, formatPhone } from '../../../lib/format.ts';
import { isUuid } from '../../../lib/ids.ts';
import { useCall } from '../api/get-call.ts';
import { CallResults } from './call-results.tsx';
import { Transcript } from './transcript.tsx';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

/** One call: who called, what came of it, and the conversation turn by turn. */
export default function CallPage() {
  const { callId } = useParams();
  return isUuid(callId) ? <CallView callId={callId} /> : <NotFound />;
}

function CallView({ callId }: { callId: string }) {
  const company = useCompany();
  const call = useCall(company.id, callId);
  const base = `/companies/${company.id}`;

  if (call.isPending) return <Loading label="Loading the call" />;
  if (call.isError) return <LoadError error={call.error} retry={() => void call.refetch()} />;
  const c = call.data;
  const caller = c.callerName || formatPhone(c.fromNumber);

  return (
    <>
      <Anchor component={Link} to={`${base}/calls`} size="sm">← All calls</Anchor>
      <PageHeader title={`Call from ${caller === '—' ? 'an unknown caller' : caller}`} description={formatDateTime(c.startedAt as string, company.timeZone)} />
      <Stack gap="md">
        <Card withBorder>
          <Group gap="xs" mb="sm"><OutcomeBadge outcome={c.outcome} />{c.emergency && c.outcome !== 'emergency' && <EmergencyBadge />}</Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Fact label="Caller">
              {c.contactId ? <Anchor component={Link} to={`${base}/contacts/${c.contactId}`}>{c.callerName || 'Open contact'}</Anchor> : 'No contact'}
            </Fact>
            <Fact label="From">{c.fromNumber ? <Anchor href={`tel:${c.fromNumber}`}>{formatPhone(c.fromNumber)}</Anchor> : '—'}</Fact>
            <Fact label="To">{formatPhone(c.toNumber)}</Fact>
            <Fact label="Length">{c.endedAt ? formatDuration(c.durationSeconds) : 'In progress'}</Fact>
          </SimpleGrid>
        </Card>
        <CallResults call={c} companyId={company.id} timeZone={company.timeZone} />
        <div>
          <Title order={2} size="h4" mb="sm">Transcript</Title>
          {c.transcript.length === 0 ? <Empty title="Nothing was said yet" /> : <Transcript turns={c.transcript} timeZone={company.timeZone} />}
        </div>
      </Stack>
    </>
  );
}
