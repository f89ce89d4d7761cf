import { Type } from 'typebox';
import { DateTime, Nullable, PageQuery, Uuid } from '../../http/common-schemas.ts';

export const LocalDay = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'A company-local date (YYYY-MM-DD)', examples: ['2026-12-01'] });

/** `from`..`to`, company-local days, both included. */
export const LocalDayRangeQuery = {
  from: Type.Optional({ ...LocalDay, description: 'First company-local day (YYYY-MM-DD); default: 29 days before `to`' }),
  to: Type.Optional({ ...LocalDay, description: 'Last company-local day, included (YYYY-MM-DD); default: today' }),
};

export const UnbookedLeadsQuery = Type.Object(
  { ...PageQuery, ...LocalDayRangeQuery, includeFollowedUp: Type.Optional(Type.Boolean({ description: 'Also the leads already marked followed up' })) },
  { additionalProperties: false },
);

const FollowedUp = Type.Object({ by: Type.String({ description: 'Who marked it (their email, or the API token)' }), at: DateTime });

export const UnbookedLead = Type.Object({
  callId: Uuid,
  startedAt: DateTime,
  channel: Type.String(),
  outcome: Nullable(Type.String()),
  emergency: Type.Boolean(),
  wanted: Type.String({ description: 'What the caller wanted: the service, the problem described, or the message left' }),
  serviceName: Nullable(Type.String()),
  message: Nullable(Type.String({ description: 'The first message taken on the call' })),
  contact: Type.Object({ id: Nullable(Uuid), name: Nullable(Type.String()), phone: Nullable(Type.String()) }),
  followedUp: Nullable(FollowedUp),
});

export const UnbookedLeadsPage = Type.Object({
  items: Type.Array(UnbookedLead),
  limit: Type.Integer(),
  offset: Type.Integer(),
  hasMore: Type.Boolean(),
  from: LocalDay,
  to: LocalDay,
});

export const FollowUpParams = Type.Object({ companyId: Uuid, callId: Uuid });
export const FollowUpResult = Type.Object({ callId: Uuid, followedUp: FollowedUp });
