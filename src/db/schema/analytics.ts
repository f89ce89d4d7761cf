import type { ColumnType, Generated } from 'kysely';

export interface AnalyticsVersionsTable {
  company_id: string;
  utc_date: string;
  version: Generated<number>;
}

export interface AnalyticsDaysTable {
  company_id: string;
  day: string;
  day_start: Date;
  day_end: Date;
  open_hours: string;
  versions: number[];
  figures: ColumnType<unknown, string, string>;
  rules: Generated<number>;
  computed_at: Generated<Date>;
}
