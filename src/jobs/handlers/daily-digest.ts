import type { DigestService } from '../../modules/digest/digest.service.ts';
import type { JobQueue } from '../types.ts';

export const DIGEST_SCAN_JOB = 'digest.scan';
/** Every five minutes: a company's digest goes out within five minutes of its local 7:00. */
export const DIGEST_SCAN_CRON = '*/5 * * * *';
export const DIGEST_SEND_JOB = 'digest.send';

export interface DigestSendData {
  companyId: string;
  day: string;
}

/**
 * Finds the companies whose local time has passed the digest hour with no digest sent for the
 * day, claims the day (one process wins it), and queues its sending. Queued once per company and
 * day at a time (singleton key), though the claim and the deliveries make a second one harmless.
 */
export function scanDigests(digest: Pick<DigestService, 'scan'>, queue: Pick<JobQueue, 'send'>) {
  return async (): Promise<{ queued: number }> => {
    const due = await digest.scan();
    for (const d of due) await queue.send(DIGEST_SEND_JOB, d, { singletonKey: `${d.companyId}:${d.day}` });
    return { queued: due.length };
  };
}

/** Sends one company's digest of one day; a failed send fails the job, and the retry sends only what failed. */
export function sendDigest(digest: Pick<DigestService, 'send'>) {
  return async ({ companyId, day }: DigestSendData) => digest.send(companyId, day);
}
