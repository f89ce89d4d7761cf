import { Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { LoadError, Loading } from '../../../components/page-states.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useCompany } from '../../../lib/company-context.ts';
import { localDate } from '../../../lib/format.ts';
import { dayLabel } from '../../../lib/local-day.ts';
import { useAnalytics } from '../api/get-analytics.ts';
import { ChangeFigures } from './change-figures.tsx';
import { DayCharts } from './day-charts.tsx';
import { HeatMap } from './heat-map.tsx';
import { QuestionLists } from './question-lists.tsx';
import { rangeFor, RangePicker, type RangeChoice } from './range-picker.tsx';

const label = (r: { from: string; to: string }) => `${dayLabel(r.from)} – ${dayLabel(r.to)}`;

/** The owner's numbers for a range of days, beside the period before it. */
export default function AnalyticsPage() {
  const company = useCompany();
  const today = localDate(new Date(), company.timeZone);
  const [choice, setChoice] = useState<RangeChoice>('7');
  const [custom, setCustom] = useState({ from: today, to: today });
  const range = rangeFor(choice, today, custom);
  const analytics = useAnalytics(company.id, range);

  return (
    <>
      <PageHeader title="Analytics" description={`Company time (${company.timeZone.replace('_', ' ')}); each call counts on the day it started.`} />
      <Stack gap="lg">
        <RangePicker choice={choice} onChoice={setChoice} custom={custom} onCustom={setCustom} />
        {analytics.isPending ? <Loading label={analytics.failureReason instanceof ApiError && analytics.failureReason.code === 'ANALYTICS_RECOMPUTING' ? 'Counting the figures again for your new time zone or hours' : 'Loading the figures'} /> : analytics.isError ? <LoadError error={analytics.error} retry={() => void analytics.refetch()} /> : (
          <>
            <Text size="sm" c="dimmed" data-testid="analytics-range">
              {label(analytics.data.range)}, against {label(analytics.data.previousRange)}
            </Text>
            <section aria-label="Figures">
              <ChangeFigures current={analytics.data.current} previous={analytics.data.previous} />
            </section>
            <DayCharts daily={analytics.data.daily} />
            <Card withBorder component="section" aria-label="When calls come in">
              <Title order={2} size="h4" mb="xs">When calls come in</Title>
              <HeatMap heatmap={analytics.data.current.heatmap} />
            </Card>
            <QuestionLists period={analytics.data.current} companyId={company.id} />
          </>
        )}
      </Stack>
    </>
  );
}
