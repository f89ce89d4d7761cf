import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';

export type TradeEmergency = paths['/api/companies/{companyId}/emergencies/trade']['get']['responses']['200']['content']['application/json']['items'][number];

export const tradeEmergenciesKey = (companyId: string) => ['companies', companyId, 'emergencies', 'trade'] as const;

export const getTradeEmergencies = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/emergencies/trade', { params: { path: { companyId } } }));

/** The emergencies the company's trades define, each saying whether the company switched it off. */
export function useTradeEmergencies(companyId: string) {
  return useQuery({ queryKey: tradeEmergenciesKey(companyId), queryFn: () => getTradeEmergencies(companyId) });
}
