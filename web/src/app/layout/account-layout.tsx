import { Outlet } from 'react-router';
import { Shell } from './shell.tsx';

/** The signed-in person's own pages (not a company's, not the platform's). */
export function AccountLayout() {
  return <Shell title="ClientsVia" nav={[{ to: '/', label: 'Back to the dashboard' }]}><Outlet /></Shell>;
}
