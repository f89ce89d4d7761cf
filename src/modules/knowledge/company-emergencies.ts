import type { EmergencyAction, EmergencySeverity } from './catalog/types.ts';
import type { EmergencyRule } from './retrieval/emergency-match.ts';

/**
 * The emergencies a company's agent listens for: its own (from the agent settings), then its
 * trades' minus those it switched off. Both kinds are rules of one matcher, so a company phrase
 * is recognised, negated and ranked exactly like a trade's. Pure.
 */
export interface OwnEmergency {
  name: string;
  severity: EmergencySeverity;
  triggers: readonly string[];
  safetyInstruction: string;
}

export interface TradeEmergencyRef {
  tradeCategory: string;
  key: string;
}

export interface CompanyEmergencySettings {
  emergencies: readonly OwnEmergency[];
  tradeEmergenciesOff: readonly TradeEmergencyRef[];
}

/** A trade emergency as the company inherits it (platform.trade_emergencies with its category's slug). */
export interface TradeEmergencyRow {
  id: string;
  trade_category_id: string;
  slug: string;
  seed_key: string | null;
  name: string;
  severity: EmergencySeverity;
  triggers: string[];
  safety_instruction: string;
  default_action: EmergencyAction;
}

export interface CompanyEmergencyRule extends EmergencyRule {
  source: 'trade' | 'company';
  /** Stable within the company: the trade's starter key (or its name as a slug), `company-<name>` for the company's own. */
  key: string;
  tradeCategoryId: string | null;
  tradeCategory: string | null;
  name: string;
  safetyInstruction: string;
  defaultAction: EmergencyAction;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'emergency';

/** How the company's settings name a trade emergency (the config document carries no ids). */
export const tradeEmergencyKey = (r: { seed_key: string | null; name: string }): string => r.seed_key ?? slug(r.name);

export const isSwitchedOff = (r: TradeEmergencyRow, off: readonly TradeEmergencyRef[]): boolean =>
  off.some((o) => o.tradeCategory === r.slug && o.key === tradeEmergencyKey(r));

export function companyEmergencyRules(trade: readonly TradeEmergencyRow[], settings: CompanyEmergencySettings): CompanyEmergencyRule[] {
  // The company's own first: on an equal match its instruction is the one read.
  const own = settings.emergencies.map((e): CompanyEmergencyRule => ({
    source: 'company', id: `company-${slug(e.name)}`, key: `company-${slug(e.name)}`, tradeCategoryId: null, tradeCategory: null,
    name: e.name, severity: e.severity, triggers: e.triggers, safetyInstruction: e.safetyInstruction, defaultAction: 'transfer_on_call',
  }));
  const inherited = trade.filter((r) => !isSwitchedOff(r, settings.tradeEmergenciesOff)).map((r): CompanyEmergencyRule => ({
    source: 'trade', id: r.id, key: tradeEmergencyKey(r), tradeCategoryId: r.trade_category_id, tradeCategory: r.slug,
    name: r.name, severity: r.severity, triggers: r.triggers, safetyInstruction: r.safety_instruction, defaultAction: r.default_action,
  }));
  return [...own, ...inherited];
}
