import type { VoiceProfile } from './speech.types.ts';

/** The pre-synthesis job's queue name; its handler lives in src/jobs/handlers/prepare-speech.ts. */
export const PREPARE_SPEECH_JOB = 'speech.prepare';

/**
 * What a company says on every call, in which voice; null when it has nothing to prepare.
 * Built by the caller from the voice and agent settings services (this file cannot know them).
 */
export type SpeechPlanFor = (companyId: string) => Promise<{ profile: VoiceProfile; texts: string[] } | null>;

/**
 * Asks for the company's speech to be prepared after its voice or agent settings changed. Best
 * effort: a queue that is not running (tests, a process that only serves) loses nothing but speed.
 */
export async function requestSpeechPreparation(jobs: { send(name: string, data: object, options: { singletonKey: string }): Promise<unknown> }, companyId: string, log: { debug(obj: object, msg: string): void }): Promise<void> {
  await jobs.send(PREPARE_SPEECH_JOB, { companyId }, { singletonKey: companyId }).catch((err: unknown) => log.debug({ err, companyId }, 'speech preparation not queued'));
}
