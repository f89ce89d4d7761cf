import type { CompanyPage } from './company-pages.ts';

/** Platform admin pages under /admin. */
export const adminPages: CompanyPage[] = [
];
