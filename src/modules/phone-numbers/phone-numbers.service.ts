import type { Db } from '../../db/connect.ts';
import type { AuditService } from '../audit/audit.service.ts';

export function createPhoneNumbersService(_db: Db, _audit: AuditService) {
  return {};
}
