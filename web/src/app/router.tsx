import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { NotFound } from '../components/page-states.tsx';
import { adminPages } from './admin-pages.ts';
import { companyPages } from './company-pages.ts';
import { HomeRedirect, RequireSession } from './require-session.tsx';

const lazyPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });
// The signed-in frames are chunks of their own too: the sign-in page loads none of them.
const lazyLayout = (load: () => Promise<React.ComponentType>) => async () => ({ Component: await load() });

const router = createBrowserRouter([
  { path: '/sign-in', lazy: lazyPage(() => import('../features/auth/components/sign-in-page.tsx')) },
  {
    element: <RequireSession><Outlet /></RequireSession>,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: '/account',
        lazy: lazyLayout(async () => (await import('./layout/account-layout.tsx')).AccountLayout),
        children: [{ index: true, lazy: lazyPage(() => import('../features/auth/components/account-page.tsx')) }],
      },
      {
        path: '/companies/:companyId',
        lazy: lazyLayout(async () => (await import('./layout/company-layout.tsx')).CompanyLayout),
        children: [
          ...companyPages.map((page) => ({ path: page.path, lazy: lazyPage(page.load) })),
          { path: '*', element: <NotFound /> },
        ],
      },
      {
        path: '/admin',
        lazy: lazyLayout(async () => (await import('./layout/admin-layout.tsx')).AdminLayout),
        children: [
          ...adminPages.map((page) => ({ path: page.path, lazy: lazyPage(page.load) })),
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
