import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export function usePlatformStatus() {
  return useQuery({
    queryKey: ['admin', 'platform-status'],
    queryFn: () => unwrap(api.GET('/api/platform/status')),
    refetchInterval: 15_000,
  });
}
