import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { formatDateTime, formatTime } from '../../../lib/format.ts';
import { useOverview } from '../api/get-overview.ts';
import { Figure } from './figure.tsx';
import { PeriodFigures } from './period-figures.tsx';
import { WeekLeads } from './week-leads.tsx';

/** The day at a glance: calls today and this week, what waits for a person, the next visits. */
export default function OverviewPage() {
  const company = useCompany();
  const overview = useOverview(company.id);
  const base = `/companies/${company.id}`;

  if (overview.isPending) return <Loading label="Loading the overview" />;
  if (overview.isError) return <LoadError error={overview.error} retry={() => void overview.refetch()} />;
  const o = overview.data;

  return (
    <>
      <PageHeader title="Overview" description={`Company time (${o.timeZone.replace('_', ' ')}); the week starts on Monday.`} />
      <Stack gap="lg">
        <section aria-label="Waiting for you">
          <Title order={2} size="h4" mb="xs">Waiting for you</Title>
          <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
            <Figure label="Messages waiting" value={o.messagesWaiting} to={`${base}/messages?status=new`} hint={o.urgentMessagesWaiting ? `${o.urgentMessagesWaiting} urgent` : undefined} alert={o.urgentMessagesWaiting > 0} />
            <Figure label="Unanswered questions" value={o.unansweredQuestions} to={`${base}/knowledge?tab=unanswered`} hint="Teach the agent the answer" />
          </SimpleGrid>
        </section>
        <PeriodFigures title="Today" period={o.today} companyId={company.id} timeZone={o.timeZone} />
        <PeriodFigures title="This week" period={o.week} companyId={company.id} timeZone={o.timeZone} />
        <WeekLeads companyId={company.id} timeZone={o.timeZone} />
        <Card withBorder component="section" aria-label="Next bookings">
          <Title order={2} size="h4" mb="xs">Next bookings</Title>
          {o.nextBookings.length === 0 ? <Empty title="No visits booked ahead" /> : (
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="xs">
                <Table.Tbody>
                  {o.nextBookings.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`${base}/bookings/${b.id}`}>{formatDateTime(b.start, o.timeZone)}–{formatTime(b.end, o.timeZone)}</Anchor>
                        <Text size="sm">{b.customerName || 'No name'} · {b.serviceName}{b.emergency ? ' · Emergency' : ''}</Text>
                        <Text size="xs" c="dimmed">{b.technicianName}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>
    </>
  );
}
