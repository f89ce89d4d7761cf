import { Type } from 'typebox';
import { DateTime, Uuid } from '../../http/common-schemas.ts';
import { Company } from '../companies/companies.schemas.ts';

export const CompanyTemplate = Type.Object({
  key: Type.String(),
  name: Type.String({ description: "The example company's name" }),
  tradeCategories: Type.Array(Type.String()),
  timeZone: Type.String(),
});

export const CreateFromTemplateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    slug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 60 })),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/Chicago' }),
    template: Type.String({ minLength: 1, maxLength: 60, description: 'A template key from GET /api/platform/templates' }),
    owner: Type.Object(
      {
        email: Type.String({ format: 'email', maxLength: 254 }),
        name: Type.Optional(Type.String({ maxLength: 200 })),
        password: Type.String({ minLength: 10, maxLength: 256, description: 'The first password; the owner changes it after signing in' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const CreatedFromTemplate = Type.Object({ company: Company, ownerUserId: Uuid });

export const FailedJob = Type.Object({
  id: Type.String(),
  name: Type.String(),
  error: Type.String(),
  failedAt: Type.Union([DateTime, Type.Null()]),
});

export const PlatformStatus = Type.Object({
  version: Type.String(),
  uptimeSeconds: Type.Integer(),
  database: Type.Object({ ready: Type.Boolean(), pendingMigrations: Type.Array(Type.String()) }),
  jobs: Type.Object({
    available: Type.Boolean({ description: 'false when this process has no job queue schema yet' }),
    counts: Type.Record(Type.String(), Type.Integer(), { description: 'Jobs by state' }),
    failed: Type.Array(FailedJob, { description: 'The latest failed jobs, newest first' }),
  }),
});
