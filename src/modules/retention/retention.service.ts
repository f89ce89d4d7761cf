import type { RetentionConfig } from '../../config-backup.ts';
import type { CallsService } from '../calls/calls.service.ts';
import type { MessagesService } from '../calls/messages.service.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import type { SpeechService } from '../speech/speech.service.ts';

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  companies: Pick<CompaniesService, 'retentionDays'>;
  calls: Pick<CallsService, 'purgeBefore'>;
  messages: Pick<MessagesService, 'purgeBefore'>;
  speech: Pick<SpeechService, 'purgeBefore' | 'pruneCache'>;
}

export interface RetentionTotals {
  companies: number;
  calls: number;
  messages: number;
  clips: number;
  /** Clips the speech cache bounds (age, size) removed. */
  cachePruned: number;
}

/**
 * How long personal data is kept: each company's transcripts (calls with their turns), audio
 * clips that may carry a caller's details and messages older than its retention are deleted;
 * the speech cache is kept within its age and size bounds. Company by company, each in its own
 * tenant transaction. The clock is the app's, so tests purge "two years later".
 */
export function createRetentionService(deps: RetentionDeps, settings: RetentionConfig, now: () => Date) {
  return {
    async purge(at: Date = now()): Promise<RetentionTotals> {
      const totals: RetentionTotals = { companies: 0, calls: 0, messages: 0, clips: 0, cachePruned: 0 };
      const unusedSince = settings.speechCacheMaxAgeDays > 0 ? new Date(at.getTime() - settings.speechCacheMaxAgeDays * DAY_MS) : null;
      const maxBytes = settings.speechCacheMaxMbPerCompany * 1024 * 1024;
      for (const { id, days } of await deps.companies.retentionDays()) {
        const cutoff = new Date(at.getTime() - days * DAY_MS);
        totals.companies += 1;
        totals.calls += await deps.calls.purgeBefore(id, cutoff);
        totals.messages += await deps.messages.purgeBefore(id, cutoff);
        totals.clips += await deps.speech.purgeBefore(id, cutoff);
        totals.cachePruned += await deps.speech.pruneCache(id, unusedSince, maxBytes);
      }
      return totals;
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
