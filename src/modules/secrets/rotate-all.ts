import type { SecretName } from './secrets.names.ts';
import type { SecretsService } from './secrets.service.ts';

export interface RotationSummary {
  companies: number;
  reencrypted: number;
  alreadyCurrent: number;
  /** Secrets no configured key opens, by company: they must be set again. */
  unreadable: Array<{ companyId: string; names: SecretName[] }>;
}

/**
 * Re-encrypts every company's secrets under the current key, one tenant transaction per
 * company, so a failure part-way leaves each company either fully done or untouched and a
 * second run picks up where the first stopped.
 */
export async function rotateAllSecrets(secrets: SecretsService, companyIds: readonly string[], onCompany?: (companyId: string, reencrypted: SecretName[]) => void): Promise<RotationSummary> {
  const summary: RotationSummary = { companies: companyIds.length, reencrypted: 0, alreadyCurrent: 0, unreadable: [] };
  for (const companyId of companyIds) {
    const r = await secrets.rotate(companyId);
    summary.reencrypted += r.reencrypted.length;
    summary.alreadyCurrent += r.alreadyCurrent.length;
    if (r.unreadable.length > 0) summary.unreadable.push({ companyId, names: r.unreadable });
    if (r.reencrypted.length > 0) onCompany?.(companyId, r.reencrypted);
  }
  return summary;
}
