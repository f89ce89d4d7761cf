import type { BookingsService } from '../../modules/booking/bookings.service.ts';

export const RELEASE_HOLDS_JOB = 'release-expired-holds';
/** Every minute (the schedule's resolution). Holds last a few minutes. */
export const RELEASE_HOLDS_CRON = '* * * * *';

/**
 * Marks holds past their time as expired and gives their arrival-window places back. Reads
 * already ignore expired holds and every booking write releases them first, so this only tidies
 * statuses and counters between writes.
 */
export function releaseExpiredHolds(bookings: Pick<BookingsService, 'releaseExpiredHolds'>) {
  return async (): Promise<{ released: number }> => ({ released: await bookings.releaseExpiredHolds(new Date()) });
}
