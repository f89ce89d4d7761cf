import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Title } from '@mantine/core';
import { dayLabel } from '../../../lib/local-day.ts';
import type { Analytics } from '../api/get-analytics.ts';

/** Calls, leads and bookings per day, and turn latency per day (ms, p50 and p95). */
export function DayCharts({ daily }: { daily: Analytics['daily'] }) {
  const data = daily.map((d) => ({ ...d, day: dayLabel(d.date, { month: 'short', day: 'numeric' }) }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <Card withBorder component="section" aria-label="Calls per day">
        <Title order={2} size="h4" mb="xs">Calls per day</Title>
        <BarChart h={220} data={data} dataKey="day" withLegend series={[{ name: 'calls', label: 'Calls', color: 'blue.7' }, { name: 'leads', label: 'Leads', color: 'teal.7' }, { name: 'bookings', label: 'Bookings', color: 'grape.7' }]} />
      </Card>
      <Card withBorder component="section" aria-label="Turn latency per day">
        <Title order={2} size="h4" mb="xs">Turn latency per day (ms)</Title>
        <LineChart h={220} data={data} dataKey="day" withLegend connectNulls series={[
          { name: 'engineP50', label: 'Engine p50', color: 'blue.7' }, { name: 'engineP95', label: 'Engine p95', color: 'blue.3' },
          { name: 'speechP50', label: 'Speech p50', color: 'orange.7' }, { name: 'speechP95', label: 'Speech p95', color: 'orange.3' },
        ]} />
      </Card>
    </SimpleGrid>
  );
}
