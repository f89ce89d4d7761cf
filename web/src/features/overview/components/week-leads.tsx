import { SimpleGrid, Title } from '@mantine/core';
import { localDate } from '../../../lib/format.ts';
import { mondayOf } from '../../../lib/local-day.ts';
import { useWeekLeads } from '../api/get-week-leads.ts';
import { Figure } from './figure.tsx';

const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n);

/** This week's leads and how many the agent booked, from the analytics API; each opens the Analytics page. */
export function WeekLeads({ companyId, timeZone }: { companyId: string; timeZone: string }) {
  const today = localDate(new Date(), timeZone);
  const leads = useWeekLeads(companyId, { from: mondayOf(today), to: today });
  if (!leads.data) return null;
  const { leads: n, bookingRate, valueLow, valueHigh } = leads.data;
  const to = `/companies/${companyId}/analytics`;
  return (
    <section aria-label="Leads this week">
      <Title order={2} size="h4" mb="xs">Leads this week</Title>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
        <Figure label="Leads" value={n} to={to} hint="Calls about a job" />
        <Figure label="Booked leads" value={bookingRate === null ? 0 : Math.round(bookingRate * n)} to={to} hint={bookingRate === null ? undefined : `${Math.round(bookingRate * 100)}% booking rate`} />
        <Figure label="Value booked (low)" value={valueLow} to={to} hint={valueHigh > valueLow ? `up to ${money(valueHigh)}` : undefined} />
      </SimpleGrid>
    </section>
  );
}
