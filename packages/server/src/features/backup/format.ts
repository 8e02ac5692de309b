/**
 * The backup file: gzip of UTF-8 lines, the same on both engines.
 *
 *   ["tandem-backup", {"format": 1, "createdAt", "engine", "migrations": [applied, in order], "derived", "transient"}]
 *   ["table", "territory", [{"name": "id", "type": "text"}, …]]   then one line per row: row_to_json of the row
 *   {"id": "FR", …}                                                  (numbers, dates, arrays as PostgreSQL writes them)
 *   ["end", "territory", 36711]
 *   …  every table, parents before children
 *   ["sequences", {"audit_log_id_seq": [42, true], …}]
 *   ["trailer", {"tables": 30, "rows": 123456, "sha256": "<hex of every byte before this line>"}]
 *
 * Control lines are arrays and rows are objects, so no column name can pass for a control line. gzip's CRC, the row
 * count of each table and the SHA-256 of the whole content make a corrupt or truncated file fail before anything lands.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';

export const FORMAT = 1;
export const MAGIC = 'tandem-backup';

/** Rebuilt on restore from the records (features/search), not copied. */
export const DERIVED_TABLES = ['search_doc', 'search_word'];
/**
 * Left out: sign-in sessions (everyone signs in again), failed sign-in counts, pending single sign-ons and
 * password-reset links (minutes to an hour of life). schema_migration is the header's `migrations`.
 */
export const TRANSIENT_TABLES = ['session', 'login_attempt', 'oidc_login', 'password_reset'];
export const NOT_COPIED = new Set(['schema_migration', ...DERIVED_TABLES, ...TRANSIENT_TABLES]);

export interface Column { name: string; type: string }
export interface Header { format: number; createdAt: string; engine: string; migrations: string[]; derived: string[]; transient: string[] }

/** A backup that cannot be restored: its message says why (the CLI prints it and exits 1). */
export class BackupError extends Error {
  constructor(message: string) { super(message); this.name = 'BackupError'; }
}

/** Writes lines into gzip, hashing them; `finish` adds the trailer and waits until out has everything. */
export class BackupWriter {
  private gzip = createGzip();
  private hash: Hash = createHash('sha256');
  private done: Promise<void>;
  tables = 0;
  rows = 0;

  constructor(private out: Writable) {
    this.gzip.pipe(out);
    this.done = new Promise((ok, fail) => {
      out.once('finish', ok); out.once('close', ok); out.once('error', fail); this.gzip.once('error', fail);
    });
  }

  /** One line, or several at once (a batch of rows: one write instead of hundreds). */
  async line(text: string | string[]): Promise<void> {
    if (Array.isArray(text) && !text.length) return;
    const bytes = Buffer.from((Array.isArray(text) ? text.join('\n') : text) + '\n', 'utf8');
    this.hash.update(bytes);
    if (!this.gzip.write(bytes)) await new Promise((ok) => this.gzip.once('drain', ok));
  }

  /** Stops writing after a failure: out is destroyed, so no one takes it for a whole backup. */
  abort(err: Error): void {
    this.done.catch(() => {});
    this.gzip.unpipe();
    this.gzip.destroy();
    this.out.destroy(err);
  }

  async finish(): Promise<void> {
    const trailer = ['trailer', { tables: this.tables, rows: this.rows, sha256: this.hash.digest('hex') }];
    this.gzip.end(JSON.stringify(trailer) + '\n');
    await this.done;
  }
}

export type Entry =
  | { kind: 'header'; header: Header }
  | { kind: 'table'; table: string; columns: Column[] }
  | { kind: 'rows'; table: string; rows: string[] }
  | { kind: 'end'; table: string; rows: number }
  | { kind: 'sequences'; sequences: Record<string, [number, boolean]> }
  | { kind: 'trailer'; tables: number; rows: number };

/** The lines of a gzip file. */
async function* lines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const input = createReadStream(file).pipe(createGunzip());
  try {
    for await (const chunk of input) {
      const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'Z_STREAM_END') {
      throw new BackupError(`${file} is not a whole Tandem backup: ${code === 'Z_BUF_ERROR' ? 'the file is cut short' : 'the gzip data is damaged or this is no gzip file'} (${(e as Error).message})`);
    }
    throw e;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function parse(line: string, n: number): unknown {
  try { return JSON.parse(line); } catch { throw new BackupError(`line ${n} of the backup is not JSON: the file is damaged`); }
}

/**
 * The backup's entries in order, rows in batches of about batchBytes, checked as they come: the structure, each
 * table's row count, the trailer's totals and checksum. Whoever loads rows does so in a transaction and lets a
 * BackupError thrown later roll it back.
 */
export async function* readBackup(file: string, batchBytes = 4 << 20): AsyncGenerator<Entry> {
  const hash = createHash('sha256');
  let n = 0, tables = 0, total = 0;
  let table: string | null = null, inTable = 0;
  let batch: string[] = [], size = 0;
  let trailer = null as { tables: number; rows: number; sha256: string } | null;
  const damaged = (what: string) => new BackupError(`line ${n} of the backup: ${what}: the file is damaged or was edited`);
  for await (const line of lines(file)) {
    n++;
    if (trailer) throw damaged('there is content after the trailer');
    if (!line.startsWith('["trailer",')) hash.update(line + '\n', 'utf8');
    if (n === 1) {
      const head = parse(line, n) as [string, Header];
      if (!Array.isArray(head) || head[0] !== MAGIC || typeof head[1] !== 'object' || !head[1] || !Array.isArray(head[1].migrations)) throw new BackupError(`${file} is not a Tandem backup`);
      if (head[1].format !== FORMAT) throw new BackupError(`${file} is a backup of format ${head[1].format}; this Tandem reads format ${FORMAT}`);
      yield { kind: 'header', header: head[1] };
      continue;
    }
    if (line.startsWith('{')) {
      if (!table) throw damaged('a row outside a table');
      batch.push(line); size += line.length; inTable++;
      if (size >= batchBytes) { yield { kind: 'rows', table: table as string, rows: batch }; batch = []; size = 0; }
      continue;
    }
    const entry = parse(line, n) as unknown[];
    if (!Array.isArray(entry)) throw damaged('an unknown line');
    switch (entry[0]) {
      case 'table':
        if (table) throw damaged(`table ${entry[1]} begins inside table ${table}`);
        if (typeof entry[1] !== 'string' || !Array.isArray(entry[2])) throw damaged('a table without its name or columns');
        table = entry[1]; inTable = 0;
        yield { kind: 'table', table: entry[1], columns: entry[2] as Column[] };
        break;
      case 'end': {
        const name = table;
        if (!name || entry[1] !== name) throw damaged(`the end of ${entry[1]} outside it`);
        if (batch.length) { yield { kind: 'rows', table: name, rows: batch }; batch = []; size = 0; }
        if (entry[2] !== inTable) throw damaged(`table ${name} should hold ${entry[2]} rows, the file has ${inTable}`);
        yield { kind: 'end', table: name, rows: inTable };
        tables++; total += inTable; table = null;
        break;
      }
      case 'sequences':
        if (typeof entry[1] !== 'object' || !entry[1]) throw damaged('sequences without values');
        yield { kind: 'sequences', sequences: entry[1] as Record<string, [number, boolean]> };
        break;
      case 'trailer':
        if (typeof entry[1] !== 'object' || !entry[1]) throw damaged('a trailer without its counts');
        trailer = entry[1] as NonNullable<typeof trailer>;
        break;
      default: throw damaged('an unknown line');
    }
  }
  if (!trailer) throw new BackupError(`${file} is cut short: its trailer is missing (${n} lines read)`);
  if (table) throw damaged(`table ${table} has no end`);
  if (trailer.tables !== tables || trailer.rows !== total) throw new BackupError(`the backup's trailer counts ${trailer.tables} tables and ${trailer.rows} rows; the file holds ${tables} and ${total}`);
  if (trailer.sha256 !== hash.digest('hex')) throw new BackupError('the backup\'s checksum does not match its content: the file is damaged or was edited');
  yield { kind: 'trailer', tables, rows: total };
}
