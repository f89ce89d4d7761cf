import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { localDate } from '../lib/format.ts';
import { addDays } from '../lib/local-day.ts';

/**
 * Download a CSV export for company-local days `from`..`to` (the API's export.csv routes). A plain
 * link: the browser sends the session cookie and saves the streamed file itself.
 */
export function CsvDownload({ companyId, timeZone, what, label, ahead = false }: { companyId: string; timeZone: string; what: 'calls' | 'bookings'; label: string; ahead?: boolean }) {
  // Calls: the last 30 days; bookings (ahead): the next 30.
  const today = localDate(new Date(), timeZone);
  const [from, setFrom] = useState(ahead ? today : addDays(today, -29));
  const [to, setTo] = useState(ahead ? addDays(today, 29) : today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const href = `/api/companies/${companyId}/${what}/export.csv?${new URLSearchParams({ from, to }).toString()}`;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput type="date" size="xs" label={`${label} from`} value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
      <TextInput type="date" size="xs" label="to" aria-label={`${label} to`} value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
      <Button component="a" size="xs" variant="default" href={valid ? href : undefined} download aria-disabled={!valid} data-disabled={!valid || undefined}>
        Download CSV
      </Button>
    </Group>
  );
}
