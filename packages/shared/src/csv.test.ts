import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, csvLine, FORMULA_START } from './csv.js';
import { parseCsv } from './csv.testkit.js';

const PAYLOADS = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
/** Texts that lean on the dangerous characters, quotes, separators and line ends. */
const nasty = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', 'a', '1', '.', 'é') });
const cell = fc.oneof(nasty, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.array(nasty, { maxLength: 3 }));

describe('the CSV writer (OWASP formula injection, RFC 4180)', () => {
  it('neutralises every formula start: a quote prefixed, the cell quoted', () => {
    expect(PAYLOADS.map(csvField)).toEqual(['"\'=HYPERLINK(""http://evil"",""x"")"', '"\'+1+1"', '"\'-2+3"', '"\'@SUM(A1)"', '"\'\tx"', '"\'\rx"']);
    expect(csvField(['@a', 'b'])).toBe('"\'@a | b"');
  });

  it('keeps numbers as numbers, negative ones and decimal amounts from the database included', () => {
    expect([-12.5, 42, 2023, 0, '-12.5', '80000.50', '-3'].map(csvField)).toEqual(['-12.5', '42', '2023', '0', '-12.5', '80000.50', '-3']);
    expect(csvLine(['x', -12.5, null, 'a,b'])).toBe('x,-12.5,,"a,b"\r\n');
  });

  test.prop([fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })])(
    'reads back cell for cell; a text read back starts with a formula character only behind the quote, or is a plain number',
    (rows) => {
      const width = Math.max(...rows.map((r) => r.length));
      const header = Array.from({ length: width }, (_, k) => `c${k}`);
      const full = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
      const back = parseCsv(csvDocument(header, full, { bom: true }));
      expect(back[0]).toEqual(header);
      back.slice(1).forEach((r, k) => r.forEach((got, j) => {
        const v = full[k][j];
        const text = v == null ? '' : Array.isArray(v) ? v.join(' | ') : String(v);
        if (typeof v === 'number') expect(got).toBe(String(v));
        else if (FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) expect(got).toBe(`'${text}`);
        else expect(got).toBe(text);
        if (FORMULA_START.test(got)) expect(typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(got)).toBe(true);
      }));
    });
});
