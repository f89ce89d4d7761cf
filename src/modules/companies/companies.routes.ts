import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses, Page, pageOf, PageQuery } from '../../http/common-schemas.ts';
import { Type } from 'typebox';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { Company, CreateCompanyBody, TradeCategoriesBody, UpdateCompanyBody } from './companies.schemas.ts';

const tags = ['companies'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const companies = app.ctx.services.companies;

  app.get('/', {
    schema: { tags, summary: 'List companies (a company user sees only its own)', querystring: Type.Object(PageQuery), response: { 200: Page(Company), ...errorResponses } },
  }, async (req) => companies.list(principalOf(req), pageOf(req.query)));

  app.post('/', {
    schema: { tags, summary: 'Create a company (platform admin)', body: CreateCompanyBody, response: { 201: Company, ...errorResponses } },
    config: { access: 'admin' },
  }, async (req, reply) => reply.status(201).send(await companies.create(actorOf(principalOf(req)), req.body)));

  app.get('/:companyId', {
    schema: { tags, summary: 'Read a company', params: CompanyParams, response: { 200: Company, ...errorResponses } },
  }, async (req) => companies.get(req.params.companyId));

  app.patch('/:companyId', {
    schema: { tags, summary: 'Update a company', params: CompanyParams, body: UpdateCompanyBody, response: { 200: Company, ...errorResponses } },
    config: { minRole: 'owner', allowApiTokens: false },
  }, async (req) => companies.update(principalOf(req), req.params.companyId, req.body));

  app.put('/:companyId/trade-categories', {
    schema: { tags, summary: "Set the company's trade categories", params: CompanyParams, body: TradeCategoriesBody, response: { 200: Company, ...errorResponses } },
    config: { minRole: 'owner', allowApiTokens: false },
  }, async (req) => companies.setTradeCategories(principalOf(req), req.params.companyId, req.body.tradeCategoryIds));
};

export default routes;
