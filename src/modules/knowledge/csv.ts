/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside doubled),
 * quoted fields may hold commas and line breaks, CRLF or LF line ends. Pure.
 */
export interface CsvRecord {
  /** 1-based line where the record starts, for error messages. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push({ line: start, fields });
    fields = [];
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      start = line;
    } else if (quoted) {
      throw new CsvSyntaxError('unexpected text after a closing quote', line);
    } else if (ch === '"') {
      if (field !== '') throw new CsvSyntaxError('a quote inside an unquoted field', line);
      const opened = line;
      quoted = true;
      for (i += 1; ; i += 1) {
        if (i >= src.length) throw new CsvSyntaxError('a quoted field is never closed', opened);
        if (src[i] === '"' && src[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (src[i] === '"') {
          i += 1;
          break;
        } else {
          if (src[i] === '\n') line += 1;
          field += src[i];
        }
      }
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return records;
}

// Spreadsheets run a cell starting with these as a formula; exported cells get a leading
// apostrophe, which the import takes off again, so a round trip changes nothing (a cell that
// already starts with apostrophes before such a character gets one more).
const NEEDS_PROTECTION = /^'*[=+\-@\t\r]/;

export const protectCell = (value: string): string => (NEEDS_PROTECTION.test(value) ? `'${value}` : value);
export const unprotectCell = (value: string): string => (value.startsWith("'") && NEEDS_PROTECTION.test(value) ? value.slice(1) : value);

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record with its CRLF, every cell protected and quoted as needed (for streaming). */
export const formatCsvRow = (row: readonly string[]): string => row.map((v) => quote(protectCell(v))).join(',') + '\r\n';

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map(formatCsvRow).join('');
}
