import type { RecomputeJob } from '../../modules/analytics/analytics-jobs.ts';
import type { AnalyticsService } from '../../modules/analytics/analytics.service.ts';

export { ANALYTICS_RECOMPUTE_JOB } from '../../modules/analytics/analytics-jobs.ts';

/** Idempotent: days still valid are skipped, so a retry redoes only what was left. */
export function recomputeAnalytics(analytics: Pick<AnalyticsService, 'recompute'>) {
  return async (data: RecomputeJob): Promise<{ days: number }> => ({ days: await analytics.recompute(data) });
}
