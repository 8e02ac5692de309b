/** A strict RFC 4180 reader for tests: throws on a bare quote inside an unquoted field or text after a closing quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0;
  const s = text.replace(/^\ufeff/, '');
  if (!s.endsWith('\r\n')) throw new Error('a CSV file ends with CRLF');
  while (i < s.length) {
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new Error('unterminated quoted field');
        if (s[i] === '"') {
          if (s[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++; break;
        }
        field += s[i++];
      }
      if (i < s.length && s[i] !== ',' && !s.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < s.length && s[i] !== ',' && !s.startsWith('\r\n', i)) {
        if (s[i] === '"' || s[i] === '\r' || s[i] === '\n') throw new Error(`bare ${JSON.stringify(s[i])} in an unquoted field at ${i}`);
        field += s[i++];
      }
    }
    if (s[i] === ',') { row.push(field); field = ''; i++; continue; }
    row.push(field); field = ''; rows.push(row); row = []; i += 2; // CRLF
  }
  return rows;
}
