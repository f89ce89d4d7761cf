import { COMPANY_CACHE_TTL_MS } from '../../cache/invalidation-hub.ts';
import { createLoadingCache } from '../../cache/loading-cache.ts';
import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { companyEmergencyRules, isSwitchedOff, tradeEmergencyKey, type CompanyEmergencySettings } from './company-emergencies.ts';
import type { Inherited, InheritedCache } from './inherited-cache.ts';
import { knowledgeSearchRepository as repo } from './knowledge-search.repository.ts';
import { matchEmergency, type Analyzer } from './retrieval/emergency-match.ts';

const MAX_TEXT_LENGTH = 500;

export interface EmergencyMatch {
  /** Whose rule matched: one of the company's trades, or the company's own (agent settings). */
  source: 'trade' | 'company';
  id: string;
  key: string;
  tradeCategoryId: string | null;
  /** The trade category's slug; null for the company's own. */
  tradeCategory: string | null;
  name: string;
  severity: 'life_safety' | 'urgent';
  safetyInstruction: string;
  defaultAction: 'transfer_on_call' | 'book_urgent' | 'take_message';
  matchedTrigger: string;
}

export interface EmergencyDeps {
  /** The company's own emergencies and the trade ones it switched off, read in the same transaction. */
  emergencySettingsIn(tx: TenantTx, companyId: string): Promise<CompanyEmergencySettings>;
}

export function createKnowledgeEmergencies(db: Db, inheritedCache: InheritedCache, analyzer: (companyId: string, inherited: Inherited) => Analyzer, deps: EmergencyDeps) {
  // Checked on every caller turn, changed rarely: the rules (the trades' emergencies for the
  // company's categories, its own, those it switched off) are kept per company. Forgotten at
  // once on a change in this process (agent settings saved, categories or trade emergencies
  // changed) and, through the invalidation hub, on a company change in another; the TTL bounds
  // what a lost notification can leave.
  const rulesOf = createLoadingCache((companyId) => withTenant(db, companyId, async (tx) => {
    const inherited = await inheritedCache.get(tx, companyId);
    return { inherited, rules: companyEmergencyRules(inherited.emergencies, await deps.emergencySettingsIn(tx, companyId)) };
  }), { ttlMs: COMPANY_CACHE_TTL_MS });

  return {
    /** The most serious emergency the caller describes, trade's or company's, with the safety instruction to read out; null when none. */
    async emergencyFor(companyId: string, text: string): Promise<EmergencyMatch | null> {
      const { inherited, rules } = await rulesOf.get(companyId);
      const match = matchEmergency(text.slice(0, MAX_TEXT_LENGTH), rules, analyzer(companyId, inherited));
      if (!match) return null;
      const { triggers: _triggers, ...rule } = match.rule;
      return { ...rule, matchedTrigger: match.trigger };
    },

    /** The company's (or, without an id, every company's) emergency rules are read again on next use. */
    forgetEmergencyRules(companyId?: string): void {
      if (companyId === undefined) rulesOf.clear();
      else rulesOf.invalidate(companyId);
    },

    /** The trade emergencies the company inherits, each saying whether the company switched it off. */
    async tradeEmergencies(companyId: string) {
      return withTenant(db, companyId, async (tx) => {
        const settings = await deps.emergencySettingsIn(tx, companyId);
        const rows = await repo.emergencies(tx, companyId);
        return rows.map((r) => ({
          tradeCategory: r.slug, key: tradeEmergencyKey(r), name: r.name, severity: r.severity, triggers: r.triggers,
          safetyInstruction: r.safety_instruction, switchedOff: isSwitchedOff(r, settings.tradeEmergenciesOff),
        }));
      });
    },

    /** Every trade's emergencies by slug and key, with their severity: what a company may switch off. */
    async tradeEmergencyKeys(companyId: string): Promise<{ tradeCategory: string; key: string; severity: 'life_safety' | 'urgent' }[]> {
      const rows = await withTenant(db, companyId, (tx) => repo.allEmergencyKeys(tx));
      return rows.map((r) => ({ tradeCategory: r.slug, key: tradeEmergencyKey(r), severity: r.severity }));
    },
  };
}
