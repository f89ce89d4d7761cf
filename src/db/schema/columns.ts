import type { ColumnType } from 'kysely';

/** Column shapes shared by the table types: what Kysely reads, inserts and updates. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json = ColumnType<Record<string, unknown>, string, string>;
/** A jsonb column read as T and written as its JSON text (every such column has a default or is nullable). */
export type JsonOf<T> = ColumnType<T, string | undefined, string>;
export type TextArray = ColumnType<string[], string[] | undefined, string[]>;
