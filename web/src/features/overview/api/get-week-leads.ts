import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** This week's leads and booking rate, from the analytics of Monday to today (company-local dates). */
export function useWeekLeads(companyId: string, week: { from: string; to: string }) {
  return useQuery({
    queryKey: ['companies', companyId, 'analytics', week.from, week.to],
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}/analytics', { params: { path: { companyId }, query: week } })),
    select: (a) => ({ leads: a.current.leads, bookingRate: a.current.bookingRate, valueLow: a.current.bookings.valueLow, valueHigh: a.current.bookings.valueHigh }),
    refetchInterval: 30_000,
  });
}
