import type { SpeechService } from '../../modules/speech/speech.service.ts';
import type { PrepareResult, VoiceProfile } from '../../modules/speech/speech.types.ts';
import type { JobContext } from '../types.ts';

/**
 * Pre-synthesis: when a company's voice or greeting changes, its greeting and fixed phrases are
 * synthesised ahead so calls find them cached. Send with `singletonKey: companyId` so a burst
 * of saves makes one job.
 */
export const PREPARE_SPEECH_JOB = 'speech.prepare';

export interface PrepareSpeechData {
  companyId: string;
}

/**
 * What a company says on every call, in which voice; null when it has nothing to prepare.
 * Built by the caller from the voice and agent settings services (this file cannot know them).
 */
export type SpeechPlanFor = (companyId: string) => Promise<{ profile: VoiceProfile; texts: string[] } | null>;

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
