/**
 * The one CSV writer of Tandem (records export, statistics, APD, and every CSV added later): RFC 4180 fields
 * (quoted when needed, quotes doubled, CRLF line ends), arrays joined with " | ", and formula-safe cells as
 * OWASP advises: a text beginning with =, +, -, @, tab or carriage return is prefixed with a single quote and
 * quoted, so that a spreadsheet shows it as text instead of running it. Numbers stay numbers: JavaScript
 * numbers, and decimal texts such as the database's amounts ("-12.5"), which no spreadsheet reads as a formula.
 */

/** The characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number (an amount, a count, a year): inert, kept as it is. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = Array.isArray(v) ? v.map((x) => (x == null ? '' : String(x))).join(' | ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** A whole CSV file: a header line, then one line per row; with bom, a leading U+FEFF (spreadsheets then read UTF-8). */
export function csvDocument(header: string[], rows: unknown[][], opts: { bom?: boolean } = {}): string {
  return (opts.bom ? '\ufeff' : '') + csvLine(header) + rows.map(csvLine).join('');
}
