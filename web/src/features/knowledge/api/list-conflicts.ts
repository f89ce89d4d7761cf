import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';
import { entriesKey } from './list-entries.ts';

export type EntryConflicts = paths['/api/companies/{companyId}/knowledge/conflicts']['get']['responses']['200']['content']['application/json']['items'][number];

export const listConflicts = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/knowledge/conflicts', { params: { path: { companyId } } }));

/** The company's entries that contradict its booking setup; under the entries' key, so an entry saved refreshes it. */
export function useKnowledgeConflicts(companyId: string) {
  return useQuery({ queryKey: [...entriesKey(companyId), 'conflicts'], queryFn: () => listConflicts(companyId) });
}
