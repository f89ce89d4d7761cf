import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { NotFound } from '../components/page-states.tsx';
import { adminPages } from './admin-pages.ts';
import { companyPages } from './company-pages.ts';
import { AccountLayout } from './layout/account-layout.tsx';
import { AdminLayout } from './layout/admin-layout.tsx';
import { CompanyLayout } from './layout/company-layout.tsx';
import { HomeRedirect, RequireSession } from './require-session.tsx';

const lazyPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

const router = createBrowserRouter([
  { path: '/sign-in', lazy: lazyPage(() => import('../features/auth/components/sign-in-page.tsx')) },
  {
    element: <RequireSession><Outlet /></RequireSession>,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: '/account',
        element: <AccountLayout />,
        children: [{ index: true, lazy: lazyPage(() => import('../features/auth/components/account-page.tsx')) }],
      },
      {
        path: '/companies/:companyId',
        element: <CompanyLayout />,
        children: [
          ...companyPages.map((page) => ({ path: page.path, lazy: lazyPage(page.load) })),
          { path: '*', element: <NotFound /> },
        ],
      },
      {
        path: '/admin',
        element: <AdminLayout />,
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
