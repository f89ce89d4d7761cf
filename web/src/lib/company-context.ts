import { createContext, useContext } from 'react';
import type { paths } from './api-schema.ts';

export type Company = paths['/api/companies/{companyId}']['get']['responses']['200']['content']['application/json'];

export const CompanyContext = createContext<Company | null>(null);

/** The company whose pages are open (its id is in the URL); only inside a company's pages. */
export function useCompany(): Company {
  const company = useContext(CompanyContext);
  if (!company) throw new Error('useCompany outside a company page');
  return company;
}
