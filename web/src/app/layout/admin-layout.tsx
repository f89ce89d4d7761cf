import { Badge } from '@mantine/core';
import { Outlet } from 'react-router';
import { NotFound } from '../../components/page-states.tsx';
import { isPlatformAdmin, useMe } from '../../lib/session.ts';
import { adminPages } from '../admin-pages.ts';
import { Shell } from './shell.tsx';

/** The platform admin's pages; anyone else sees the not-found page (the API refuses them too). */
export function AdminLayout() {
  const me = useMe();
  const nav = adminPages.filter((page) => page.nav).map((page) => ({ to: `/admin/${page.path}`, label: page.nav!.label }));
  if (!isPlatformAdmin(me.data)) return <Shell title="ClientsVia" nav={[]}><NotFound /></Shell>;
  return <Shell title="ClientsVia platform" nav={nav} badge={<Badge variant="light">Admin</Badge>}><Outlet /></Shell>;
}
