/**
 * One data layer, two engines: embedded PGlite (DATA_DIR, default ./data) when DATABASE_URL is unset,
 * a PostgreSQL server when it is set. Same SQL on both; callers see only `Db`.
 * DATABASE_READ_URL (PostgreSQL only) opens a second, read-only pool on a streaming replica: `openReadDbFromEnv`;
 * which requests use it is decided in one place, `lib/read-db.ts`.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { acquireDataDirLock, type DataDirLock } from './lock.js';

export type Engine = 'pglite' | 'postgresql';
export type Row = Record<string, any>;

export interface Db {
  readonly engine: Engine;
  /**
   * opts.prepare: on PostgreSQL, a named prepared statement (parsed and planned once per connection, then reused): for
   * fixed SQL texts on hot paths only (a record's GET, the session lookup) — each distinct text stays prepared on
   * every connection for its lifetime. PGlite ignores it.
   */
  query<T extends Row = Row>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
  /** Several statements, no parameters (migrations, scripts). */
  exec(sql: string): Promise<void>;
  /** Run fn in a transaction; nested calls reuse the outer one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (test snapshots). */
  dump?(): Promise<Blob>;
  /**
   * Calls fn after each write this process makes through this Db (a committed transaction, or a statement that is
   * not a plain read outside one), so its caches can be dropped at once (lib/changes.ts); returns the unsubscribe.
   * tables: the tables the write statements named (a transaction's together), or null when one could not be read
   * (DDL, exec, a statement the parser does not know) — then anything may have changed.
   */
  onWrite(fn: WriteListener): () => void;
}

export type WriteListener = (tables: ReadonlySet<string> | null) => void;

/** Statements that only read: everything else (insert, update, delete, copy, DDL, a with … insert) counts as a write. */
const READ_SQL = /^\s*(select|show|explain|values|begin|commit|rollback|set|listen|unlisten)\b/i;
const WRITE_IN_WITH = /\b(insert|update|delete|merge)\b/i;
export function isWriteSql(sql: string): boolean {
  if (READ_SQL.test(sql)) return false;
  return !/^\s*with\b/i.test(sql) || WRITE_IN_WITH.test(sql);
}

/**
 * The tables a write statement writes: the target of every insert into, update, delete from, truncate and merge into
 * in its text (common table expressions included); null when there is none to read (DDL, copy, a call). A word the
 * parser takes for a table by mistake only widens what is dropped: callers treat an unknown table as "anything".
 */
const TARGET = /\b(?:insert\s+into|(?<!\b(?:do|for|key)\s+)update|delete\s+from|truncate(?:\s+table)?|merge\s+into)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?(?:\s*\.\s*"?([a-z_][a-z0-9_]*)"?)?/gi;
export function tablesWritten(sql: string): string[] | null {
  const out: string[] = [];
  for (const m of sql.matchAll(TARGET)) out.push((m[2] ?? m[1]).toLowerCase());
  return out.length ? out : null;
}

/** Writes seen in a transaction, told once it commits: the union of its statements' tables (null: anything). */
class TxWrites {
  tables: Set<string> | null = new Set();
  wrote = false;
  add(sql: string): void {
    if (!isWriteSql(sql)) return;
    this.wrote = true;
    const t = tablesWritten(sql);
    if (!t) this.tables = null;
    else for (const x of t) this.tables?.add(x);
  }
  addUnknown(): void { this.wrote = true; this.tables = null; }
}

function writeHooks() {
  const fns = new Set<WriteListener>();
  const fire = (tables: ReadonlySet<string> | null) => { for (const fn of fns) { try { fn(tables); } catch (err) { console.error(err); } } };
  return {
    on(fn: WriteListener) { fns.add(fn); return () => { fns.delete(fn); }; },
    /** A statement outside a transaction. */
    statement(sql: string) { if (isWriteSql(sql)) { const t = tablesWritten(sql); fire(t && new Set(t)); } },
    /** A committed transaction. */
    committed(w: TxWrites) { if (w.wrote) fire(w.tables); },
    unknown() { fire(null); },
  };
}

export interface QueryOptions { prepare?: boolean }

/** A statement's name from its text (FNV-1a, 52 bits): the same text gets the same name on every connection. */
const names = new Map<string, string>();
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    let h = 0xcbf29ce484222325n;
    for (let i = 0; i < sql.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(sql.charCodeAt(i))) * 0x100000001b3n);
    name = `t${(h >> 12n).toString(36)}`;
    names.set(sql, name);
  }
  return name;
}

function renameStatement(sql: string): string {
  const name = `${statementName(sql)}_${names.size}`;
  names.set(sql, name);
  return name;
}

export interface OpenOptions {
  databaseUrl?: string; dataDir?: string; /** PGlite: a dumpDataDir tarball to start from (tests). */ loadDataDir?: Blob; memory?: boolean;
  /** PostgreSQL: the connections' application_name (pg_stat_activity), unless the URL names one. Default 'tandem'. */
  applicationName?: string;
  /** PostgreSQL: every transaction read-only (default_transaction_read_only), as on a replica. */
  readOnly?: boolean;
  /**
   * PGlite: a data directory copied into dataDir when dataDir holds no database yet (the seeded template,
   * db/seed/template.ts), asked for once the data directory's lock is held (a second process is refused first).
   */
  template?: () => Promise<string | null>;
  /** PGlite: settings for this process only (`-c name=value` pairs), after the defaults below. */
  startParams?: string[];
}

/**
 * PGlite's buffer pool: PostgreSQL's default (128 MB) is resident in the WASM memory from the first query; the seeded
 * database's working set fits in a quarter of it, and pages outside it come from the operating system's file cache.
 */
export const PGLITE_PARAMS = ['-c', 'shared_buffers=32MB'];

export async function openDb(opts: OpenOptions = {}): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts);
  return openPglite(opts);
}

/** The engine bin/pglite-preload.mjs read and compiled while the server loaded, taken once (then PGlite loads its own). */
async function preloadedEngine(): Promise<{ pgliteWasmModule?: WebAssembly.Module; fsBundle?: Blob }> {
  const key = Symbol.for('tandem.pglite.preload');
  const preload = (globalThis as any)[key] as { wasmModule: Promise<WebAssembly.Module>; fsBundle: Promise<Blob> } | undefined;
  if (!preload) return {};
  delete (globalThis as any)[key];
  try {
    return { pgliteWasmModule: await preload.wasmModule, fsBundle: await preload.fsBundle };
  } catch {
    return {};
  }
}

async function openPglite(opts: OpenOptions): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  let lock: DataDirLock | undefined;
  let dir: string | undefined;
  if (!opts.memory && !opts.loadDataDir) {
    dir = resolve(opts.dataDir ?? 'data');
    mkdirSync(dir, { recursive: true });
    lock = acquireDataDirLock(dir);
  }
  let pg: InstanceType<typeof PGlite>;
  try {
    // under the lock: one process copies the template (the lock file is not part of it)
    const template = dir && opts.template && !existsSync(join(dir, 'PG_VERSION')) ? await opts.template() : null;
    if (dir && template) {
      // PG_VERSION last: a copy cut short is no database, and the next start copies again
      cpSync(template, dir, { recursive: true, filter: (src) => src !== join(template, 'PG_VERSION') });
      cpSync(join(template, 'PG_VERSION'), join(dir, 'PG_VERSION'));
    }
    const parsers = { 1082: (v: string) => v, 20: (v: string) => Number(v) };
    const startParams = [...PGlite.defaultStartParams, ...PGLITE_PARAMS, ...(opts.startParams ?? [])];
    const engine = await preloadedEngine();
    pg = await PGlite.create(dir ? { dataDir: dir, parsers, startParams, ...engine } : { loadDataDir: opts.loadDataDir, parsers, startParams, ...engine });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const hooks = writeHooks();
  const make = (tx: TxWrites | null, q: { query: typeof pg.query; exec: typeof pg.exec }): Db => ({
    engine: 'pglite',
    async query(sql, params) {
      const rows = (await q.query(sql, params as any[])).rows as any[];
      if (tx) tx.add(sql); else hooks.statement(sql);
      return rows;
    },
    async exec(sql) { await q.exec(sql); if (tx) tx.addUnknown(); else hooks.unknown(); },
    async transaction(fn) {
      if (tx) return fn(this);
      const writes = new TxWrites();
      const out = await pg.transaction((t) => fn(make(writes, t as any)));
      hooks.committed(writes);
      return out as any;
    },
    onWrite: hooks.on,
    async close() { if (!tx) { await pg.close(); lock?.release(); } },
    async dump() { return pg.dumpDataDir('none'); },
  });
  return make(null, pg);
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Db> {
  const pgmod = await import('pg');
  const pg = pgmod.default;
  // numeric stays a string (exact money); dates stay 'YYYY-MM-DD' strings and bigint counts are numbers on both engines.
  pg.types.setTypeParser(1082, (v: string) => v);
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({
    connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), application_name: opts.applicationName ?? 'tandem',
    // JIT compiles a plan whose estimated cost is high (an OR of many rare words is estimated at a tenth of a table):
    // for the short statements of a web application it costs more than it saves
    options: `-c jit=off${opts.readOnly ? ' -c default_transaction_read_only=on' : ''}`,
  });
  // An idle connection can be ended by the server (restart, a dropped test database): log it, never crash the process.
  pool.on('error', (err) => console.warn(`tandem: a PostgreSQL connection was closed: ${err.message}`));
  await pool.query('select 1');
  const hooks = writeHooks();
  const make = (client: { query: (q: string | { name?: string; text: string; values?: unknown[] }, params?: unknown[]) => Promise<any> } | null, tx: TxWrites | null = null): Db => ({
    engine: 'postgresql',
    async query(sql, params, opts) {
      const run = (name?: string) => (client ?? pool).query((name ? { name, text: sql, values: params } : { text: sql, values: params }) as any);
      let res;
      try {
        res = await run(opts?.prepare ? statementName(sql) : undefined);
      } catch (err) {
        // a migration changed a table under a prepared `select *` (rolling upgrade): prepare it anew under a new name
        if (!opts?.prepare || (err as { code?: string }).code !== '0A000') throw err;
        const name = renameStatement(sql);
        if (client) throw err; // the transaction is aborted; its retry will prepare the new name
        res = await run(name);
      }
      const rows = res.rows;
      if (tx) tx.add(sql); else hooks.statement(sql);
      return rows;
    },
    async exec(sql) { await (client ?? pool).query(sql); if (tx) tx.addUnknown(); else hooks.unknown(); },
    async transaction(fn) {
      if (client) return fn(this);
      const c = await pool.connect();
      try {
        await c.query('begin');
        const writes = new TxWrites();
        const out = await fn(make(c, writes));
        await c.query('commit');
        hooks.committed(writes);
        return out;
      } catch (err) {
        await c.query('rollback').catch(() => {});
        throw err;
      } finally {
        c.release();
      }
    },
    async close() { if (!client) await pool.end(); },
    onWrite: hooks.on,
  });
  return make(null);
}

/** The database the environment asks for. */
export function openFromEnv(env: NodeJS.ProcessEnv = process.env, opts: Pick<OpenOptions, 'template' | 'startParams'> = {}): Promise<Db> {
  return openDb({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR || 'data', ...opts });
}

export const READ_APPLICATION_NAME = 'tandem-read';

/**
 * The read pool DATABASE_READ_URL asks for (a streaming replica of DATABASE_URL's database), or undefined.
 * Its transactions are read-only, so a query that writes fails there as it would on a hot standby.
 */
export async function openReadDbFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Db | undefined> {
  if (!env.DATABASE_READ_URL) return undefined;
  if (!env.DATABASE_URL) throw new Error('DATABASE_READ_URL needs DATABASE_URL: a read replica is for a PostgreSQL primary, not the embedded database');
  return openDb({ databaseUrl: env.DATABASE_READ_URL, applicationName: READ_APPLICATION_NAME, readOnly: true });
}
