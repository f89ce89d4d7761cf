import type { Db } from '../../db/connect.ts';
import { withTenant } from '../../db/tenant.ts';
import type { AgentSettingsService } from '../agent-settings/agent-settings.service.ts';
import type { WeeklyHours } from '../booking/engine/types.ts';
import type { BookingConfigService } from '../booking/booking-config.service.ts';
import { detectKnowledgeConflicts } from './conflicts/detect-conflicts.ts';
import type { EntryConflicts } from './conflicts/types.ts';
import { knowledgeRepository as repo } from './knowledge.repository.ts';

export interface KnowledgeConflictDeps {
  bookingConfig: Pick<BookingConfigService, 'getSettings' | 'listServices'>;
  agentSettings: Pick<AgentSettingsService, 'current'>;
}

/** The company's enabled entries that contradict its booking configuration (what the agent answers and books from). */
export function createKnowledgeConflicts(db: Db, deps: KnowledgeConflictDeps) {
  return {
    async conflicts(companyId: string): Promise<EntryConflicts[]> {
      const [entries, settings, services, agent] = await Promise.all([
        withTenant(db, companyId, (tx) => repo.all(tx, companyId)),
        deps.bookingConfig.getSettings(companyId),
        deps.bookingConfig.listServices(companyId),
        deps.agentSettings.current(companyId),
      ]);
      return detectKnowledgeConflicts(entries.filter((e) => e.enabled), {
        weeklyHours: settings.weeklyHours as WeeklyHours,
        serviceArea: settings.serviceArea,
        arrivalWindows: settings.arrivalWindows,
        services: services.filter((s) => s.active).map((s) => ({ name: s.name, priceText: s.priceText })),
        onCallSurchargeNote: settings.onCall?.surchargeNote ?? null,
        businessDescription: agent.settings.businessDescription,
      });
    },
  };
}

export type KnowledgeConflictsService = ReturnType<typeof createKnowledgeConflicts>;
