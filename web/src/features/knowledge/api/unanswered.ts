import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../../lib/api-client.ts';
import { entriesKey } from './list-entries.ts';

export type UnansweredQuestion = paths['/api/companies/{companyId}/unanswered-questions']['get']['responses']['200']['content']['application/json']['items'][number];

const key = (companyId: string) => ['companies', companyId, 'unanswered-questions'] as const;

export const listUnanswered = (companyId: string) =>
  unwrap(api.GET('/api/companies/{companyId}/unanswered-questions', { params: { path: { companyId }, query: { limit: 100 } } }));

/** Groups of questions the agent could not answer, most asked first. */
export function useUnanswered(companyId: string) {
  return useQuery({ queryKey: key(companyId), queryFn: () => listUnanswered(companyId) });
}

/** Answering a group makes it an entry and takes it off the list; dismissing only takes it off. */
export function useResolveUnanswered(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer?: { question: string; answer: string } }) => {
      const path = { companyId, questionId: id };
      return answer
        ? unwrap(api.POST('/api/companies/{companyId}/unanswered-questions/{questionId}/answer', { params: { path }, body: answer }))
        : unwrap(api.DELETE('/api/companies/{companyId}/unanswered-questions/{questionId}', { params: { path } }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key(companyId) });
      void queryClient.invalidateQueries({ queryKey: entriesKey(companyId) });
    },
  });
}
