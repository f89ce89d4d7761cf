import type { BookingsService } from '../booking/bookings.service.ts';
import type { CallsService } from '../calls/calls.service.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import { formatCsvRow } from '../knowledge/csv.ts';
import { localDayRange, type LocalDayRange } from '../../time/company-days.ts';
import { BOOKING_COLUMNS, bookingRow, CALL_COLUMNS, callRow } from './export-rows.ts';

/** Rows read per query: a large range streams page by page instead of sitting in memory. */
const CHUNK = 500;

export interface CsvExport {
  filename: string;
  /** The CSV text, a header row first, produced as it is read. */
  body: AsyncIterable<string>;
}

async function* pages<T>(read: (page: { limit: number; offset: number }) => Promise<{ items: T[]; hasMore: boolean }>, header: readonly string[], row: (item: T) => string[]) {
  yield formatCsvRow(header);
  for (let offset = 0; ; offset += CHUNK) {
    const page = await read({ limit: CHUNK, offset });
    yield page.items.map((item) => formatCsvRow(row(item))).join('');
    if (!page.hasMore) return;
  }
}

/**
 * CSV exports of calls (by start) and bookings (visits meeting the range) over company-local
 * days, read through the calls and bookings services. The range is checked before anything is
 * streamed, so a bad one is an ordinary 4xx.
 */
export function createExportsService(deps: { calls: CallsService; bookings: BookingsService; companies: CompaniesService; now: () => Date }) {
  async function rangeOf(companyId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<{ range: LocalDayRange; timeZone: string }> {
    const timeZone = await deps.companies.timeZoneOf(companyId);
    return { range: localDayRange(query, timeZone, deps.now()), timeZone };
  }
  return {
    async calls(companyId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<CsvExport> {
      const { range, timeZone } = await rangeOf(companyId, query);
      return {
        filename: `calls-${range.fromDate}-to-${range.toDate}.csv`,
        body: pages((page) => deps.calls.list(companyId, { from: range.from, to: range.to }, page), CALL_COLUMNS, (c) => callRow(c, timeZone)),
      };
    },

    async bookings(companyId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<CsvExport> {
      const { range, timeZone } = await rangeOf(companyId, query);
      return {
        filename: `bookings-${range.fromDate}-to-${range.toDate}.csv`,
        body: pages((page) => deps.bookings.list(companyId, { from: range.from, to: range.to }, page), BOOKING_COLUMNS, (b) => bookingRow(b, timeZone)),
      };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
