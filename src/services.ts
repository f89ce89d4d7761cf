import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import { createApiTokensService } from './modules/api-tokens/api-tokens.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createCompaniesService } from './modules/companies/companies.service.ts';
import { createContactsService } from './modules/contacts/contacts.service.ts';
import { createPhoneNumbersService } from './modules/phone-numbers/phone-numbers.service.ts';
import { createTradeCategoriesService } from './modules/trade-categories/trade-categories.service.ts';
import { createUsersService } from './modules/users/users.service.ts';

/** Wires every module's service once; modules reach each other only through these. */
export function createServices(config: Config, db: Db) {
  const audit = createAuditService(db);
  const tradeCategories = createTradeCategoriesService(db);
  const phoneNumbers = createPhoneNumbersService(db, audit);
  return {
    audit,
    auth: createAuthService(config, db),
    tradeCategories,
    // A company's status and time zone travel with its number lookups: refresh them on change.
    companies: createCompaniesService(db, audit, tradeCategories, { onChanged: (id) => phoneNumbers.invalidate(id) }),
    users: createUsersService(db, audit),
    apiTokens: createApiTokensService(db, audit),
    phoneNumbers,
    contacts: createContactsService(db, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
