import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import apiTokensRoutes from './modules/api-tokens/api-tokens.routes.ts';
import auditRoutes from './modules/audit/audit.routes.ts';
import authRoutes from './modules/auth/auth.routes.ts';
import companiesRoutes from './modules/companies/companies.routes.ts';
import contactsRoutes from './modules/contacts/contacts.routes.ts';
import phoneNumbersRoutes from './modules/phone-numbers/phone-numbers.routes.ts';
import tradeCategoriesRoutes from './modules/trade-categories/trade-categories.routes.ts';
import usersRoutes from './modules/users/users.routes.ts';

/** Every API module, mounted under /api. Company resources live under /companies/:companyId. */
export const apiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(authRoutes, { prefix: '/auth' });
  await app.register(tradeCategoriesRoutes, { prefix: '/trade-categories' });
  await app.register(companiesRoutes, { prefix: '/companies' });
  const company = '/companies/:companyId';
  await app.register(usersRoutes, { prefix: `${company}/users` });
  await app.register(phoneNumbersRoutes, { prefix: `${company}/phone-numbers` });
  await app.register(contactsRoutes, { prefix: `${company}/contacts` });
  await app.register(apiTokensRoutes, { prefix: `${company}/api-tokens` });
  await app.register(auditRoutes, { prefix: `${company}/audit-log` });
};
