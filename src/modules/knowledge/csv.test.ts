import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsv, parseCsv, protectCell, unprotectCell } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and says where each record starts', () => {
    const text = 'question,answer\r\n"Do you, like, fix ""old"" pipes?","Yes.\nAll of them."\r\nplain,row\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['question', 'answer'] },
      { line: 2, fields: ['Do you, like, fix "old" pipes?', 'Yes.\nAll of them.'] },
      { line: 4, fields: ['plain', 'row'] },
    ]);
  });

  it('skips blank lines, keeps empty fields and ignores a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\n\n,""\n')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 3, fields: ['', ''] }]);
  });

  it('names the line of a malformed record', () => {
    expect(() => parseCsv('a,b\n"open,quote\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\nx,"y"z\n');
    } catch (err) {
      expect((err as CsvSyntaxError).line).toBe(2);
    }
    expect(() => parseCsv('a"b,c')).toThrow(/quote inside an unquoted field/);
  });
});

describe('formatCsv', () => {
  it('round-trips any table of strings', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
      // A record of one empty field is a blank line, which is no record: not produced by our export.
      const table = rows.filter((r) => !(r.length === 1 && r[0] === ''));
      const parsed = parseCsv(formatCsv(table)).map((r) => r.fields.map(unprotectCell));
      expect(parsed).toEqual(table);
    }));
  });

  it('defuses cells a spreadsheet would run as formulas, reversibly', () => {
    expect(protectCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(protectCell('-5 degrees')).toBe(`'-5 degrees`);
    expect(protectCell('plain')).toBe('plain');
    expect(unprotectCell(protectCell('@sum'))).toBe('@sum');
    expect(unprotectCell("'quoted on purpose")).toBe("'quoted on purpose");
  });
});
