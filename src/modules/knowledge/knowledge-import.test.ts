import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { entriesToCsv, rowsFromCsv, validateImportRows } from './knowledge-import.ts';

const rejection = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, details: err.details as { rows: { row: number; field: string; message: string }[]; invalidRows: number } };
    throw err;
  }
  throw new Error('expected a rejection');
};

describe('validateImportRows', () => {
  it('cleans valid rows', () => {
    const [v] = validateImportRows([{ row: 1, value: { question: '  Do you   fix pipes? ', answer: ' Yes. ', alternatives: ['Pipe repair?', 'pipe repair?', 'Do you fix pipes?'], tags: ['Pipes', 'pipes '] } }]);
    expect(v).toMatchObject({ question: 'Do you fix pipes?', answer: 'Yes.', alternatives: ['Pipe repair?'], tags: ['pipes'], enabled: true });
    expect(v!.search_text).toBe('do you fix pipes / pipe repair');
  });

  it('reports every bad row and field at once', () => {
    const r = rejection(() => validateImportRows([
      { row: 1, value: { question: 'Fine?', answer: 'Yes.' } },
      { row: 2, value: { answer: 'No question' } },
      { row: 3, value: { question: 'Extra?', answer: 'Yes.', colour: 'red' } },
      { row: 4, value: { question: '   ', answer: 'Blank question' } },
      { row: 5, value: { question: 'fine?', answer: 'Repeated.' } },
    ]));
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.details.invalidRows).toBe(4);
    expect(r.details.rows).toEqual([
      { row: 2, field: 'question', message: 'is required' },
      { row: 3, field: 'colour', message: 'is not a field of a knowledge entry' },
      { row: 4, field: 'question', message: 'must not be blank' },
      { row: 5, field: 'question', message: 'repeats the question of row 1' },
    ]);
  });
});

describe('rowsFromCsv', () => {
  it('reads the columns by name, any order and case, with lists separated by |', () => {
    const rows = rowsFromCsv('Answer,QUESTION,tags,enabled,alternatives\nYes we do.,Do you fix pipes?,pipes | repair,no,Pipe repair? | Fix a pipe?\n');
    expect(rows).toEqual([{ row: 2, value: { question: 'Do you fix pipes?', answer: 'Yes we do.', alternatives: ['Pipe repair?', 'Fix a pipe?'], tags: ['pipes', 'repair'], enabled: false } }]);
  });

  it('refuses unknown or missing columns, naming them', () => {
    const r = rejection(() => rowsFromCsv('question,reply\nx,y\n'));
    expect(r.details.rows).toEqual([
      { row: 1, field: 'reply', message: 'is not a column; columns are question, answer, alternatives, tags, enabled' },
      { row: 1, field: 'answer', message: 'column is required' },
    ]);
  });

  it('reports a record with more fields than the header, and an enabled that is not yes or no, by line', () => {
    const rows = rowsFromCsv('question,answer,enabled\na?,b,maybe\nc?,d,yes,extra\n');
    const r = rejection(() => validateImportRows(rows));
    expect(r.details.rows).toEqual([
      { row: 2, field: 'enabled', message: expect.stringMatching(/boolean/) },
      { row: 3, field: 'csv', message: 'has 4 fields, the header has 3' },
    ]);
  });

  it('refuses an empty file and a malformed one', () => {
    expect(rejection(() => rowsFromCsv('')).details.rows[0]).toMatchObject({ row: 1, field: 'csv' });
    expect(rejection(() => rowsFromCsv('question,answer\n')).details.rows[0]).toMatchObject({ row: 2, message: 'has no entries after the header' });
    expect(rejection(() => rowsFromCsv('question,answer\n"never closed,x\n')).details.rows[0]).toMatchObject({ row: 2, field: 'csv' });
  });

  it('reads back what the export writes', () => {
    const entries = [
      { question: '=Formula?', answer: 'Line one\nline "two", with a comma', alternatives: ['Alt one', 'Alt two'], tags: ['a', 'b'], enabled: false },
      { question: 'Plain?', answer: 'Plain.', alternatives: [], tags: [], enabled: true },
    ];
    const back = validateImportRows(rowsFromCsv(entriesToCsv(entries)));
    expect(back.map(({ search_text: _, ...v }) => v)).toEqual(entries);
  });
});
