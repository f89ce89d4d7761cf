import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api-client.ts';
import { ApiError } from './api-error.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** Who is signed in; `null` when nobody is (the API answered 401). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export type Me = NonNullable<ReturnType<typeof useMe>['data']>;

export const isPlatformAdmin = (me: Me | null | undefined): boolean => me?.role === 'admin';
/** Owners (and the admin) change settings; staff read and work the day's calls and messages. */
export const canManage = (me: Me | null | undefined): boolean => me?.role === 'owner' || isPlatformAdmin(me);
