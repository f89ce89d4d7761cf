import { SimpleGrid, Title } from '@mantine/core';
import { OUTCOMES, type CallOutcome } from '../../../components/outcome-badge.tsx';
import { localDate } from '../../../lib/format.ts';
import type { Period } from '../api/get-overview.ts';
import { Figure } from './figure.tsx';

/** A period's calls: the total, each outcome, emergencies and bookings — each a link to those calls. */
export function PeriodFigures({ title, period, companyId, timeZone }: { title: string; period: Period; companyId: string; timeZone: string }) {
  // The calls page takes company-local dates, both included: the period ends the instant before `to`.
  const range = { from: localDate(new Date(period.from as string), timeZone), to: localDate(new Date(new Date(period.to as string).getTime() - 1), timeZone) };
  const calls = (filter: Record<string, string> = {}) => `/companies/${companyId}/calls?${new URLSearchParams({ ...filter, ...range })}`;
  const outcomes = Object.keys(OUTCOMES) as CallOutcome[];

  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">{title}</Title>
      <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="sm">
        <Figure label="Calls" value={period.calls} to={calls()} hint={period.outcomes.inProgress ? `${period.outcomes.inProgress} in progress` : undefined} />
        <Figure label="Emergencies" value={period.emergencies} to={calls({ emergency: 'true' })} alert />
        <Figure label="Bookings by the agent" value={period.bookingsMade} to={calls({ outcome: 'booked' })} />
        {outcomes.map((o) => <Figure key={o} label={OUTCOMES[o].label} value={period.outcomes[o]} to={calls({ outcome: o })} />)}
      </SimpleGrid>
    </section>
  );
}
