import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses, Nullable } from '../../http/common-schemas.ts';
import { OWNER_ONLY, principalOf } from '../../plugins/access.ts';

const Subscription = Type.Object({
  email: Type.Boolean({ description: 'Send the digest to your sign-in email address' }),
  sms: Type.Boolean({ description: 'Text the digest to smsNumber' }),
  smsNumber: Nullable(Type.String({ description: 'E.164' })),
  emailAddress: Type.String({ description: 'Where the email goes: your sign-in address' }),
});
const SubscriptionBody = Type.Object(
  { email: Type.Boolean(), sms: Type.Boolean(), smsNumber: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'Required when sms is true' }))) },
  { additionalProperties: false },
);

const tags = ['users'];
const description = "The signed-in owner's own choice: each morning at DIGEST_LOCAL_HOUR (7:00) company time, yesterday's calls, bookings and their value, emergencies, unbooked leads and messages to return.";

// Mounted at /companies/:companyId/digest-subscription. A person's own choice, not an integration's.
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const subscriptions = app.ctx.services.digestSubscriptions;

  app.get('/', {
    schema: { tags, summary: 'Your daily digest: by email and/or SMS', description, params: CompanyParams, response: { 200: Subscription, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => subscriptions.get(principalOf(req), req.params.companyId));

  app.put('/', {
    schema: { tags, summary: 'Turn your daily digest on or off, by email and/or SMS', description, params: CompanyParams, body: SubscriptionBody, response: { 200: Subscription, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => subscriptions.set(principalOf(req), req.params.companyId, req.body));
};

export default routes;
