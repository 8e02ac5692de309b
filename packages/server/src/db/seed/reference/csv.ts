/** A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF. Enough for the reference files. */

const quoteCount = (s: string) => s.split('"').length - 1;

/** Physical lines joined back into records where a quoted field spans a line break. */
function records(text: string): string[] {
  const out: string[] = [];
  let pending: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const record: string = pending === null ? line : `${pending}\n${line}`;
    if (quoteCount(record) % 2 === 1) pending = record;
    else { out.push(record); pending = null; }
  }
  if (pending !== null) out.push(pending);
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** The fields of one record. */
export function splitRecord(record: string): string[] {
  if (!record.includes('"')) return record.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}

export function parseCsvRows(text: string): string[][] {
  return records(text).map(splitRecord);
}

/** Rows as objects keyed by the header line; with `only`, just those columns. */
export function parseCsv(text: string, only?: string[]): Record<string, string>[] {
  const [header, ...body] = parseCsvRows(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const picked = header.map((name, i) => [name, i] as const).filter(([name]) => !only || only.includes(name));
  return body
    .filter((cells) => cells.length > 1 || cells[0] !== '')
    .map((cells) => Object.fromEntries(picked.map(([name, i]) => [name, cells[i] ?? ''])));
}

/** A number from a CSV cell, or null when empty or not a number. */
export function csvNumber(cell: string | undefined): number | null {
  if (cell === undefined || cell.trim() === '') return null;
  const n = Number(cell);
  return Number.isFinite(n) ? n : null;
}
