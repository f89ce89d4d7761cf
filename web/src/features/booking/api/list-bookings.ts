import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type Booking = paths['/api/companies/{companyId}/bookings/{bookingId}']['get']['responses']['200']['content']['application/json'];
export type BookingStatus = Booking['status'];

const PAGE = 200;

/** Every booking that meets [from, to), read page by page (a day or a week is a few pages at most). */
async function listBookingsBetween(companyId: string, from: string, to: string): Promise<Booking[]> {
  const items: Booking[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await unwrap(api.GET('/api/companies/{companyId}/bookings', { params: { path: { companyId }, query: { from, to, limit: PAGE, offset } } }));
    items.push(...page.items);
    if (!page.hasMore) return items;
  }
}

export function useBookingsBetween(companyId: string, span: { from: string; to: string }) {
  return useQuery({
    queryKey: ['companies', companyId, 'bookings', 'list', span],
    queryFn: () => listBookingsBetween(companyId, span.from, span.to),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
