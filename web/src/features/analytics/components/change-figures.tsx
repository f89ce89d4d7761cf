import { Card, SimpleGrid, Text } from '@mantine/core';
import type { Period } from '../api/get-analytics.ts';

const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n);
const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

/** How a figure moved against the previous period, in words a screen reader reads too. */
function change(now: number | null, before: number | null, asPoints: boolean): string {
  if (now === null || before === null) return 'no previous figure';
  if (asPoints) {
    const points = Math.round((now - before) * 100);
    return points === 0 ? 'same as before' : `${points > 0 ? '+' : ''}${points} pts vs previous`;
  }
  if (before === 0) return now === 0 ? 'same as before' : 'none before';
  const pct = Math.round(((now - before) / before) * 100);
  return pct === 0 ? 'same as before' : `${pct > 0 ? '+' : ''}${pct}% vs previous`;
}

function ChangeFigure({ label, value, now, before, share = false }: { label: string; value: string; now: number | null; before: number | null; share?: boolean }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xl" fw={700} lh={1.2} data-testid={`figure-${label}`}>{value}</Text>
      <Text size="sm">{label}</Text>
      <Text size="xs" c="dimmed">{change(now, before, share)}</Text>
    </Card>
  );
}

/** The owner's numbers for the range, each with its change against the period before. */
export function ChangeFigures({ current: c, previous: p }: { current: Period; previous: Period }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
      <ChangeFigure label="Calls" value={String(c.calls)} now={c.calls} before={p.calls} />
      <ChangeFigure label="Leads" value={String(c.leads)} now={c.leads} before={p.leads} />
      <ChangeFigure label="Booking rate" value={percent(c.bookingRate)} now={c.bookingRate} before={p.bookingRate} share />
      <ChangeFigure label="Bookings" value={String(c.bookings.booked)} now={c.bookings.booked} before={p.bookings.booked} />
      <ChangeFigure label="Value booked" value={c.bookings.valueLow === c.bookings.valueHigh ? money(c.bookings.valueLow) : `${money(c.bookings.valueLow)}–${money(c.bookings.valueHigh)}`} now={c.bookings.valueHigh} before={p.bookings.valueHigh} />
      <ChangeFigure label="Answered" value={String(c.answered)} now={c.answered} before={p.answered} />
      <ChangeFigure label="Abandoned" value={String(c.abandoned)} now={c.abandoned} before={p.abandoned} />
      <ChangeFigure label="After hours" value={percent(c.afterHoursShare)} now={c.afterHoursShare} before={p.afterHoursShare} share />
      <ChangeFigure label="After-hours bookings" value={String(c.bookings.afterHours)} now={c.bookings.afterHours} before={p.bookings.afterHours} />
      <ChangeFigure label="Emergencies" value={String(c.emergencies.total)} now={c.emergencies.total} before={p.emergencies.total} />
      <ChangeFigure label="Transfers" value={String(c.transfers)} now={c.transfers} before={p.transfers} />
      <ChangeFigure label="Messages" value={String(c.messages)} now={c.messages} before={p.messages} />
      <ChangeFigure label="Average call" value={c.averageCallSeconds === null ? '—' : `${Math.floor(c.averageCallSeconds / 60)}:${String(c.averageCallSeconds % 60).padStart(2, '0')}`} now={c.averageCallSeconds} before={p.averageCallSeconds} />
      <ChangeFigure label="Cancelled bookings" value={String(c.bookings.cancelled)} now={c.bookings.cancelled} before={p.bookings.cancelled} />
    </SimpleGrid>
  );
}
