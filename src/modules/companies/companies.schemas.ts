import { Type } from 'typebox';
import { DateTime, Uuid } from '../../http/common-schemas.ts';

export const Company = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  timeZone: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]),
  tradeCategories: Type.Array(Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() })),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 60 });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/Chicago' });

export const CreateCompanyBody = Type.Object(
  { name: Name, slug: Type.Optional(Slug), timeZone: TimeZone, tradeCategoryIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })) },
  { additionalProperties: false },
);

export const UpdateCompanyBody = Type.Object(
  {
    name: Type.Optional(Name),
    timeZone: Type.Optional(TimeZone),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('suspended')], { description: 'Platform admin only' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TradeCategoriesBody = Type.Object({ tradeCategoryIds: Type.Array(Uuid, { maxItems: 20 }) }, { additionalProperties: false });
