import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export function useTemplates() {
  return useQuery({
    queryKey: ['admin', 'templates'],
    queryFn: () => unwrap(api.GET('/api/platform/templates')),
    staleTime: Infinity,
  });
}
