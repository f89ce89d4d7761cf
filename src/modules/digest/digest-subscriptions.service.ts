import type { Db } from '../../db/connect.ts';
import { withTenant } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import { assertPhone } from '../../phone/normalize.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { digestRepository as repo } from './digest.repository.ts';

export interface DigestSubscription {
  email: boolean;
  sms: boolean;
  smsNumber: string | null;
}

const NONE: DigestSubscription = { email: false, sms: false, smsNumber: null };

/** A signed-in owner's own choice of daily digest: by email (to their sign-in address) and/or SMS. */
function ownerOf(principal: Principal, companyId: string): { userId: string; email: string } {
  if (principal.kind !== 'user' || principal.companyId !== companyId || principal.role !== 'owner') {
    throw new AppError('FORBIDDEN', "The daily digest is for the company's own owners.");
  }
  return { userId: principal.userId, email: principal.email };
}

export function createDigestSubscriptionsService(db: Db, audit: AuditService) {
  return {
    async get(principal: Principal, companyId: string): Promise<DigestSubscription & { emailAddress: string }> {
      const { userId, email } = ownerOf(principal, companyId);
      const row = await withTenant(db, companyId, (tx) => repo.findSubscription(tx, companyId, userId));
      return { ...(row ? { email: row.by_email, sms: row.by_sms, smsNumber: row.sms_number } : NONE), emailAddress: email };
    },

    async set(principal: Principal, companyId: string, input: { email: boolean; sms: boolean; smsNumber?: string | null | undefined }): Promise<DigestSubscription & { emailAddress: string }> {
      const { userId, email } = ownerOf(principal, companyId);
      const smsNumber = input.smsNumber ? assertPhone(input.smsNumber, 'smsNumber') : null;
      if (input.sms && !smsNumber) throw new AppError('VALIDATION_FAILED', 'A phone number is needed for the digest by SMS.', { field: 'smsNumber' });
      return withTenant(db, companyId, async (tx) => {
        const row = await repo.upsertSubscription(tx, companyId, userId, { by_email: input.email, by_sms: input.sms, sms_number: smsNumber });
        await audit.record(tx, companyId, actorOf(principal), { action: 'digest.subscription_changed', entityType: 'user', entityId: userId, changes: { email: input.email, sms: input.sms } });
        return { email: row.by_email, sms: row.by_sms, smsNumber: row.sms_number, emailAddress: email };
      });
    },
  };
}

export type DigestSubscriptionsService = ReturnType<typeof createDigestSubscriptionsService>;
