import { Type, type TSchema } from 'typebox';
import { MIN_PASSWORD_LENGTH } from '../modules/auth/credentials.ts';
import { ErrorBody } from './error-schema.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const CompanyParams = Type.Object({ companyId: Uuid });
/** A password a user sets (sign-in accepts any length up to 1024: older passwords stay valid). */
export const NewPassword = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

/** Lists are paginated with limit/offset; `hasMore` says whether another page exists. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    limit: Type.Integer(),
    offset: Type.Integer(),
    hasMore: Type.Boolean(),
  });

export interface PageRequest {
  limit: number;
  offset: number;
}

/** Repositories fetch one row more than asked to learn whether there is a next page. */
export function toPage<T>(rows: T[], page: PageRequest): { items: T[]; limit: number; offset: number; hasMore: boolean } {
  return { items: rows.slice(0, page.limit), limit: page.limit, offset: page.offset, hasMore: rows.length > page.limit };
}

export function pageOf(query: { limit?: number | undefined; offset?: number | undefined }): PageRequest {
  return { limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

/** Error responses every API route may give; declared so OpenAPI documents them. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
};

/** An instant; handlers return Dates, the serializer writes ISO 8601. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

/**
 * An instant a client sends. RFC 3339 allows year 0001, year 9999 and a leap second (23:59:60);
 * none is a time anything is booked or listed at, and the database or Date arithmetic would
 * fail on them past validation. Years 1900–2199, seconds 00–59.
 */
export const InstantInput = (options: { description?: string } = {}) =>
  Type.String({ format: 'date-time', pattern: '^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-5][0-9]', ...options });

/** A schema that also accepts null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** An optional date-time query parameter as a Date. */
export const dateOrUndefined = (s: string | undefined): Date | undefined => (s === undefined ? undefined : new Date(s));
