import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LoadError, Loading } from '../components/page-states.tsx';
import { onSessionExpired } from '../lib/api-client.ts';
import { meQueryKey, useMe } from '../lib/session.ts';

const signInPath = (location: { pathname: string; search: string }, expired: boolean) =>
  `/sign-in?${new URLSearchParams({ next: location.pathname + location.search, ...(expired ? { expired: '1' } : {}) })}`;

/** Pages behind sign-in: without a session the person signs in and comes back to this page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // A session that ends while a page is open (expired, revoked, signed out elsewhere).
  useEffect(() => onSessionExpired(() => {
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
    navigate(signInPath(window.location, true), { replace: true });
  }), [navigate, queryClient]);

  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={signInPath(location, false)} replace />;
  return children;
}

/** `/`: a company user's overview, the admin's companies. */
export function HomeRedirect() {
  const me = useMe();
  if (!me.data) return <Loading />;
  if (me.data.role === 'admin' || !me.data.companyId) return <Navigate to="/admin/companies" replace />;
  return <Navigate to={`/companies/${me.data.companyId}/overview`} replace />;
}
