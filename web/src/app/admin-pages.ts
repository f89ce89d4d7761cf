import type { CompanyPage } from './company-pages.ts';

/** Platform admin pages under /admin. */
export const adminPages: CompanyPage[] = [
  { path: 'companies', nav: { label: 'Companies' }, load: () => import('../features/admin-companies/components/companies-page.tsx') },
  { path: 'trade-categories', nav: { label: 'Trade categories' }, load: () => import('../features/admin-trades/components/trade-categories-page.tsx') },
  { path: 'platform', nav: { label: 'Platform' }, load: () => import('../features/admin-platform/components/platform-page.tsx') },
];
