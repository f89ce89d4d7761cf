import { Button, Checkbox, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { CsvDownload } from '../../../components/csv-download.tsx';
import { Empty, LoadError, Loading } from '../../../components/page-states.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCompany } from '../../../lib/company-context.ts';
import { localDate } from '../../../lib/format.ts';
import { addDays, dayLabel, localDaysSpan, mondayOf } from '../../../lib/local-day.ts';
import { useBookingsBetween } from '../api/list-bookings.ts';
import { useTechnicians } from '../api/list-technicians.ts';
import { isActive } from './booking-status.tsx';
import { DayAgenda } from './day-agenda.tsx';
import { DayTimeline } from './day-timeline.tsx';
import { WeekView } from './week-view.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day (or week) of every technician, in the company's own calendar. */
export default function SchedulePage() {
  const company = useCompany();
  const [params, setParams] = useSearchParams();
  const today = localDate(new Date(), company.timeZone);
  const date = DATE.test(params.get('date') ?? '') ? params.get('date')! : today;
  const view = params.get('view') === 'week' ? 'week' : 'day';
  const showInactive = params.get('all') === '1';
  const first = view === 'week' ? mondayOf(date) : date;
  const days = view === 'week' ? 7 : 1;
  const bookings = useBookingsBetween(company.id, localDaysSpan(first, days, company.timeZone));
  const technicians = useTechnicians(company.id);

  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v === null) p.delete(k); else p.set(k, v);
    setParams(p, { replace: true });
  };
  const step = (direction: 1 | -1) => set({ date: addDays(date, direction * days) });
  const shown = (bookings.data ?? []).filter((b) => showInactive || isActive(b.status) || b.status === 'completed');
  const title = view === 'week' ? `Week of ${dayLabel(first, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })}` : dayLabel(date, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });

  return (
    <>
      <PageHeader
        title="Schedule"
        description={`${title} · times in ${company.timeZone}`}
        actions={<>
          <CsvDownload companyId={company.id} timeZone={company.timeZone} what="bookings" label="Bookings" ahead />
          <Button component={Link} to={`/companies/${company.id}/bookings/new`}>New booking</Button>
        </>}
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl aria-label="View" value={view} onChange={(v) => set({ view: v === 'week' ? 'week' : null })} data={[{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }]} />
        <Button variant="default" onClick={() => step(-1)}>{view === 'week' ? 'Previous week' : 'Previous day'}</Button>
        <Button variant="default" onClick={() => set({ date: null })} disabled={date === today}>Today</Button>
        <Button variant="default" onClick={() => step(1)}>{view === 'week' ? 'Next week' : 'Next day'}</Button>
        <TextInput type="date" label="Date" value={date} onChange={(e) => DATE.test(e.currentTarget.value) && set({ date: e.currentTarget.value })} w={170} />
        <Checkbox label="Show cancelled and expired" checked={showInactive} onChange={(e) => set({ all: e.currentTarget.checked ? '1' : null })} />
      </Group>
      {bookings.isPending || technicians.isPending ? <Loading label="Loading the schedule" />
        : bookings.isError ? <LoadError error={bookings.error} retry={() => void bookings.refetch()} />
        : technicians.isError ? <LoadError error={technicians.error} retry={() => void technicians.refetch()} />
        : technicians.data.length === 0 ? <Empty title="No technicians yet">Add technicians in Booking setup to see their schedule.</Empty>
        : (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">{shown.length === 0 ? `No bookings ${view === 'week' ? 'this week' : 'on this day'}.` : `${shown.length} booking${shown.length === 1 ? '' : 's'}`}</Text>
            {view === 'week'
              ? <WeekView monday={first} bookings={shown} technicians={technicians.data} companyId={company.id} onPickDay={(d) => set({ date: d, view: null })} />
              : (
                <>
                  <DayTimeline date={date} bookings={shown} technicians={technicians.data} companyId={company.id} />
                  <DayAgenda bookings={shown} companyId={company.id} />
                </>
              )}
          </>
        )}
    </>
  );
}
