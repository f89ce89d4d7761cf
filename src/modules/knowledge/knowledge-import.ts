import { Value } from 'typebox/value';
import { AppError } from '../../errors.ts';
import { CsvSyntaxError, formatCsv, parseCsv, unprotectCell } from './csv.ts';
import { entryValues, type EntryValues } from './knowledge-text.ts';
import { KnowledgeEntryInput, MAX_IMPORT_ROWS } from './knowledge.schemas.ts';

/**
 * Import rows (JSON objects or CSV records) checked one by one against the entry schema and
 * the entry rules, so a failed import names every bad row at once. Pure.
 */
export interface RowError {
  /** JSON: the entry's position (1-based). CSV: the line the record starts on (the header is line 1). */
  row: number;
  field: string;
  message: string;
}

export interface ImportRow {
  row: number;
  value: unknown;
  /** A problem found before the row could be read as an entry (a CSV record with too many fields). */
  error?: RowError;
}

const MAX_REPORTED_ERRORS = 100;
export const CSV_COLUMNS = ['question', 'answer', 'alternatives', 'tags', 'enabled'] as const;
const LIST_SEPARATOR = '|';

function schemaErrors(row: number, value: unknown): RowError[] {
  const errors: RowError[] = [];
  for (const e of Value.Errors(KnowledgeEntryInput, value)) {
    const params = e.params as { requiredProperties?: string[]; additionalProperties?: string[]; limit?: number };
    if (params.requiredProperties) {
      for (const f of params.requiredProperties) errors.push({ row, field: f, message: 'is required' });
    } else if (params.additionalProperties) {
      for (const f of params.additionalProperties) errors.push({ row, field: f, message: 'is not a field of a knowledge entry' });
    } else if (e.keyword !== 'boolean') {
      const field = e.instancePath.slice(1).replaceAll('/', '.') || 'entry';
      errors.push({ row, field, message: e.keyword === 'minLength' && params.limit === 1 ? 'must not be empty' : e.message });
    }
  }
  return errors;
}

/** All rows valid: their values, in order. Otherwise a VALIDATION_FAILED naming every bad row. */
export function validateImportRows(rows: readonly ImportRow[]): EntryValues[] {
  const errors: RowError[] = [];
  const values: EntryValues[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, value, error } of rows) {
    const problems = error ? [error] : schemaErrors(row, value);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    try {
      const v = entryValues(value as Parameters<typeof entryValues>[0]);
      const key = v.question.toLowerCase();
      const first = firstRowOf.get(key);
      if (first !== undefined) errors.push({ row, field: 'question', message: `repeats the question of row ${first}` });
      else firstRowOf.set(key, row);
      values.push(v);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const fields = (err.details?.fields ?? []) as { field: string; message: string }[];
      errors.push(...fields.map((f) => ({ row, field: f.field, message: f.message })));
    }
  }
  if (errors.length > 0) throw importRejected(errors);
  return values;
}

function importRejected(errors: RowError[]): AppError {
  const badRows = new Set(errors.map((e) => e.row)).size;
  return new AppError('VALIDATION_FAILED', `${badRows} row${badRows === 1 ? '' : 's'} could not be imported; nothing was changed.`, {
    rows: errors.slice(0, MAX_REPORTED_ERRORS),
    invalidRows: badRows,
  });
}

const list = (cell: string) => cell.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');

function enabledOf(cell: string): boolean | string | undefined {
  const v = cell.trim().toLowerCase();
  if (v === '') return undefined;
  if (['true', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'no', 'n', '0'].includes(v)) return false;
  return cell; // left as text, so the schema check reports "must be boolean" for this row
}

/** CSV with a header row naming its columns (any order, any case) into import rows. */
export function rowsFromCsv(text: string): ImportRow[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw importRejected([{ row: err.line, field: 'csv', message: err.message }]);
  }
  const [header, ...data] = records;
  if (!header) throw importRejected([{ row: 1, field: 'csv', message: 'is empty; expected a header row and at least one entry' }]);
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = ['question', 'answer'].filter((c) => !columns.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    throw importRejected([
      ...unknown.map((c) => ({ row: 1, field: c || '(blank)', message: `is not a column; columns are ${CSV_COLUMNS.join(', ')}` })),
      ...missing.map((c) => ({ row: 1, field: c, message: 'column is required' })),
    ]);
  }
  if (data.length === 0) throw importRejected([{ row: 2, field: 'csv', message: 'has no entries after the header' }]);
  if (data.length > MAX_IMPORT_ROWS) throw importRejected([{ row: data[MAX_IMPORT_ROWS]!.line, field: 'csv', message: `has more than ${MAX_IMPORT_ROWS} entries` }]);
  return data.map((record) => {
    if (record.fields.length > columns.length) {
      return { row: record.line, value: null, error: { row: record.line, field: 'csv', message: `has ${record.fields.length} fields, the header has ${columns.length}` } };
    }
    const cell = (name: string) => unprotectCell(record.fields[columns.indexOf(name)] ?? '');
    const value: Record<string, unknown> = { question: cell('question'), answer: cell('answer') };
    if (columns.includes('alternatives')) value.alternatives = list(cell('alternatives'));
    if (columns.includes('tags')) value.tags = list(cell('tags'));
    const enabled = columns.includes('enabled') ? enabledOf(cell('enabled')) : undefined;
    if (enabled !== undefined) value.enabled = enabled;
    return { row: record.line, value };
  });
}

export interface ExportEntry {
  question: string;
  answer: string;
  alternatives: string[];
  tags: string[];
  enabled: boolean;
}

export function entriesToCsv(entries: readonly ExportEntry[]): string {
  return formatCsv([
    [...CSV_COLUMNS],
    ...entries.map((e) => [e.question, e.answer, e.alternatives.join(` ${LIST_SEPARATOR} `), e.tags.join(` ${LIST_SEPARATOR} `), String(e.enabled)]),
  ]);
}
