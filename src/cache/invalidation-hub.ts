/**
 * Per-process caches of company data subscribe here; a successful write to a company through
 * the API tells them all to forget that company (see routes.ts). Other processes' caches
 * expire by their TTL.
 */
export function createInvalidationHub() {
  const listeners: ((companyId: string) => void)[] = [];
  return {
    register(forget: (companyId: string) => void): void {
      listeners.push(forget);
    },
    invalidate(companyId: string): void {
      for (const forget of listeners) forget(companyId);
    },
  };
}

export type InvalidationHub = ReturnType<typeof createInvalidationHub>;

/** How long a process trusts cached company settings that another process may have changed. */
export const COMPANY_CACHE_TTL_MS = 5_000;
