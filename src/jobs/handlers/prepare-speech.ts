import type { SpeechPlanFor } from '../../modules/speech/speech-jobs.ts';
import type { SpeechService } from '../../modules/speech/speech.service.ts';
import type { PrepareResult } from '../../modules/speech/speech.types.ts';
import type { JobContext } from '../types.ts';

export { PREPARE_SPEECH_JOB, type SpeechPlanFor } from '../../modules/speech/speech-jobs.ts';

export interface PrepareSpeechData {
  companyId: string;
}

/**
 * Pre-synthesis: when a company's voice or greeting changes, its greeting and fixed phrases are
 * synthesised ahead so calls find them cached. Sent with `singletonKey: companyId` so a burst
 * of saves makes one job.
 */
export function prepareSpeech(speech: Pick<SpeechService, 'prepare'>, planFor: SpeechPlanFor) {
  return async (data: PrepareSpeechData, job: JobContext): Promise<PrepareResult> => {
    const plan = await planFor(data.companyId);
    if (!plan) return { cached: 0, synthesized: 0, failed: 0, skipped: true };
    const result = await speech.prepare(data.companyId, plan.profile, plan.texts, { signal: job.signal });
    // Failing the job makes pg-boss retry it later; what was synthesised stays cached.
    if (result.failed > 0) throw new Error(`speech pre-synthesis: ${result.failed} of ${result.failed + result.synthesized + result.cached} texts failed`);
    return result;
  };
}

