import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useParams } from 'react-router';
import { LoadError, Loading, NotFound } from '../../components/page-states.tsx';
import { api, unwrap } from '../../lib/api-client.ts';
import { CompanyContext } from '../../lib/company-context.ts';
import { isUuid } from '../../lib/ids.ts';
import { canManage, isPlatformAdmin, useMe } from '../../lib/session.ts';
import { companyPages } from '../company-pages.ts';
import { Shell } from './shell.tsx';

/**
 * A company's pages. The company is read from the API with the id in the URL: another
 * company's id answers 404 and the person sees the not-found page, never its data.
 */
export function CompanyLayout() {
  const { companyId = '' } = useParams();
  const me = useMe();
  const company = useQuery({
    queryKey: ['companies', companyId],
    queryFn: () => unwrap(api.GET('/api/companies/{companyId}', { params: { path: { companyId } } })),
    enabled: isUuid(companyId),
  });

  const admin = isPlatformAdmin(me.data);
  const nav = companyPages
    .filter((page) => page.nav && (!page.nav.ownerOnly || canManage(me.data)))
    .map((page) => ({ to: `/companies/${companyId}/${page.path}`, label: page.nav!.label }));
  const frame = (title: string, content: React.ReactNode, badge?: React.ReactNode) => (
    <Shell title={title} nav={nav} badge={badge}>{content}</Shell>
  );

  if (!isUuid(companyId)) return frame('ClientsVia', <NotFound />);
  if (company.isPending) return frame('ClientsVia', <Loading />);
  if (company.isError) return frame('ClientsVia', <LoadError error={company.error} retry={() => void company.refetch()} />);
  const badge = (
    <>
      {admin && <Badge color="orange" variant="filled">Viewing as platform admin</Badge>}
      {company.data.status === 'suspended' && <Badge color="red">Suspended</Badge>}
    </>
  );
  return (
    <CompanyContext.Provider value={company.data}>
      {frame(company.data.name, <Outlet />, badge)}
    </CompanyContext.Provider>
  );
}
