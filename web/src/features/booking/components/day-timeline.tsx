import { Box, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { addDays, clockLabel, minutesOf } from '../../../lib/local-day.ts';
import type { Booking } from '../api/list-bookings.ts';
import type { Technician } from '../api/list-technicians.ts';
import { blockStyle } from './booking-block-style.ts';
import { STATUS } from './booking-status.tsx';

const NAME_WIDTH = 130;
const ROW_HEIGHT = 60;

/** Where a booking sits on one local day, in minutes from midnight (a job running past midnight is cut at 24:00). */
function spanOn(date: string, startDate: string, start: string, endDate: string, end: string): [number, number] {
  const from = startDate < date ? 0 : minutesOf(start);
  const to = endDate > date ? 1440 : minutesOf(end);
  return [from, Math.max(to, from + 15)];
}

function bookingSpans(b: Booking, date: string) {
  const endDate = b.localEndTime < b.localStartTime ? addDays(b.localDate, 1) : b.localDate;
  const job = spanOn(date, b.localDate, b.localStartTime, endDate, b.localEndTime);
  const window = b.arrivalWindow ? spanOn(date, b.localDate, b.arrivalWindow.start, b.localDate, b.arrivalWindow.end) : null;
  return { job, window };
}

/** What a block says beyond its visible start: where it ends and its arrival window. */
const hiddenDetail = (b: Booking) =>
  ` to ${clockLabel(b.localEndTime)}${b.arrivalWindow ? `, arrival window ${clockLabel(b.arrivalWindow.start)} to ${clockLabel(b.arrivalWindow.end)}` : ''},`;

/** One row per technician on the hours of the day; arrival windows drawn as a pale span with the job inside. */
export function DayTimeline({ date, bookings, technicians, companyId }: { date: string; bookings: Booking[]; technicians: Technician[]; companyId: string }) {
  const spans = bookings.map((b) => ({ b, ...bookingSpans(b, date) }));
  const edges = spans.flatMap((s) => [s.job[0], s.job[1], ...(s.window ?? [])]);
  const first = Math.floor(Math.min(7 * 60, ...edges) / 60);
  const last = Math.ceil(Math.max(19 * 60, ...edges) / 60);
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const pct = (minutes: number) => `${((minutes - first * 60) / ((last - first) * 60)) * 100}%`;
  const width = (a: number, b: number) => `${((b - a) / ((last - first) * 60)) * 100}%`;
  const rows = technicians.filter((t) => t.active || bookings.some((b) => b.technicianId === t.id));

  return (
    <Box style={{ overflowX: 'auto' }} tabIndex={0} aria-label="Day timeline, one row per technician" role="region">
      <Box miw={760}>
        <Box style={{ display: 'flex' }} aria-hidden>
          <Box w={NAME_WIDTH} style={{ flexShrink: 0 }} />
          <Box style={{ position: 'relative', flex: 1, height: 24 }}>
            {hours.map((h) => (
              <Text key={h} size="xs" c="dimmed" style={{ position: 'absolute', left: pct(h * 60), transform: 'translateX(-50%)' }}>
                {h === first ? '' : clockLabel(`${h}:00`).replace(':00', '')}
              </Text>
            ))}
          </Box>
        </Box>
        {rows.map((t) => (
          <Box key={t.id} style={{ display: 'flex', borderTop: '1px solid var(--mantine-color-gray-3)' }} data-technician={t.name}>
            <Text w={NAME_WIDTH} fw={600} size="sm" py="xs" pr="xs" style={{ flexShrink: 0 }}>{t.name}</Text>
            <Box style={{ position: 'relative', flex: 1, height: ROW_HEIGHT }}>
              {hours.map((h) => (
                <Box key={h} aria-hidden style={{ position: 'absolute', top: 0, bottom: 0, left: pct(h * 60), borderLeft: '1px dotted var(--mantine-color-gray-3)' }} />
              ))}
              {spans.filter((s) => s.b.technicianId === t.id).map(({ b, job, window }) => (
                <Box key={b.id}>
                  {window && (
                    <Box aria-hidden data-arrival-window style={{ position: 'absolute', top: 4, bottom: 4, left: pct(window[0]), width: width(window[0], window[1]), background: 'var(--mantine-color-indigo-0)', border: '1px dashed var(--mantine-color-indigo-4)', borderRadius: 6 }} />
                  )}
                  <Link
                    to={`/companies/${companyId}/bookings/${b.id}`}
                    title={`${clockLabel(b.localStartTime)}${hiddenDetail(b)} ${b.serviceName}, ${b.customerName}, ${STATUS[b.status].label}`}
                    style={{ ...blockStyle(b.status), position: 'absolute', top: 10, bottom: 10, left: pct(job[0]), width: width(job[0], job[1]), borderRadius: 4, padding: '2px 4px', overflow: 'hidden', whiteSpace: 'nowrap', fontSize: 12, lineHeight: 1.3 }}
                  >
                    {clockLabel(b.localStartTime)}<VisuallyHidden>{hiddenDetail(b)}</VisuallyHidden> {b.serviceName}
                    <br />
                    {STATUS[b.status].label} · {b.customerName}
                  </Link>
                </Box>
              ))}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
