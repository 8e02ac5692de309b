/**
 * restoreBackup: a backup file (format.ts) into an empty database, whole or not at all — one transaction that brings
 * the schema to the backup's migrations, loads every table, sets the sequences, applies this version's later
 * migrations, and rebuilds the search index. verifyBackup reads a file through without touching any database.
 */
import type { Db } from '../../db/client.js';
import { migrate, migrationFiles, schemaLocked } from '../../db/migrate.js';
import { reindexAll, settleIndex } from '../search/search.index.js';
import { BackupError, readBackup, type Column, type Header } from './format.js';
import { appliedMigrations, copiedTables, ident, tableCounts, type TableInfo } from './schema.js';

export interface VerifiedBackup { header: Header; tables: number; rows: number }
export interface RestoreSummary extends VerifiedBackup { migratedAfter: string[]; searchDocs: number }

/** Reads the whole file, checking its structure, counts and checksum, and that this Tandem knows its schema. */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  let header: Header | undefined;
  for await (const e of readBackup(file)) {
    if (e.kind === 'header') { header = e.header; checkSchema(header); }
    if (e.kind === 'trailer') return { header: header!, tables: e.tables, rows: e.rows };
  }
  throw new BackupError(`${file} ended without its trailer`);
}

/** The backup's migrations must be this version's first ones: a backup from a newer Tandem is refused. */
function checkSchema(header: Header): void {
  const known = migrationFiles();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new BackupError(`this backup comes from a newer Tandem: its schema has ${unknown.join(', ')}, unknown to this version ` +
      `(which stops at ${known.at(-1)}). Restore it with the version of Tandem that made it, or a later one.`);
  }
  if (header.migrations.some((m, i) => known[i] !== m)) throw new BackupError(`the backup's migrations (${header.migrations.join(', ')}) are not this version's first ones`);
}

/** An empty target: no rows in any table, and no migration the backup lacks. */
async function checkEmpty(db: Db, header: Header): Promise<void> {
  const counts = Object.entries(await tableCounts(db)).filter(([t, n]) => t !== 'schema_migration' && n > 0);
  if (counts.length) {
    const some = counts.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, n]) => `${t}: ${n} rows`).join(', ');
    throw new BackupError(`the target database is not empty (${some}${counts.length > 3 ? ', …' : ''}): restore only into an empty data directory or an empty database`);
  }
  const ahead = (await appliedMigrations(db)).filter((m) => !header.migrations.includes(m));
  if (ahead.length) throw new BackupError(`the target database is migrated past the backup's schema (${ahead.join(', ')}): restore into a database without tables`);
}

function sameColumns(a: Column[], b: Column[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i].name && c.type === b[i].type);
}

/**
 * Loads the file into db (empty), in one transaction; on PostgreSQL under the schema lock, so no process starting
 * meanwhile seeds it. The file is read through and checked first (half a second for the seeded atlas): damage the gzip
 * CRC only reveals at its end never reaches the database. An error of the database while loading rolls it all back.
 */
export async function restoreBackup(db: Db, file: string): Promise<RestoreSummary> {
  await verifyBackup(file);
  try { return await load(db, file); } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (err instanceof BackupError || typeof code !== 'string') throw err;
    throw new BackupError(`the database refused the backup's content (${(err as Error).message}, SQLSTATE ${code}); nothing was kept`);
  }
}

function load(db: Db, file: string): Promise<RestoreSummary> {
  return schemaLocked(db, (db) => db.transaction(async (tx) => {
    let header: Header | undefined;
    let target = new Map<string, TableInfo>();
    const seen = new Set<string>();
    let into = '', table: TableInfo | undefined;
    let tables = 0, rows = 0;
    for await (const e of readBackup(file)) {
      switch (e.kind) {
        case 'header': {
          header = e.header;
          checkSchema(header);
          await checkEmpty(tx, header);
          if (header.migrations.length) await migrate(tx, header.migrations.at(-1));
          target = new Map((await copiedTables(tx)).map((t) => [t.name, t]));
          break;
        }
        case 'table': {
          table = target.get(e.table);
          if (!table) throw new BackupError(`the backup holds a table ${e.table} that schema ${header!.migrations.at(-1)} does not have`);
          if (!sameColumns(table.columns, e.columns)) throw new BackupError(`the backup's table ${e.table} has other columns than schema ${header!.migrations.at(-1)} gives it`);
          seen.add(e.table);
          into = ident(e.table);
          if (table.selfRef) {
            // rows referring to rows of the same table (a territory's parent) load in any order: staged, then moved
            // in one statement, whose foreign keys are checked at its end
            await tx.exec(`create temp table tandem_restore as select ${cols(table)} from ${into} with no data`);
            into = 'tandem_restore';
          }
          break;
        }
        case 'rows':
          await tx.query(`insert into ${into} (${cols(table!)}) overriding system value select ${cols(table!)} from json_populate_recordset(null::${ident(e.table)}, $1::json)`,
            [`[${e.rows.join(',')}]`]);
          break;
        case 'end': {
          if (table!.selfRef) {
            await tx.exec(`insert into ${ident(e.table)} (${cols(table!)}) overriding system value select ${cols(table!)} from tandem_restore; drop table tandem_restore`);
          }
          const [{ n }] = await tx.query<{ n: number }>(`select count(*)::int as n from ${ident(e.table)}`);
          if (n !== e.rows) throw new BackupError(`table ${e.table}: ${e.rows} rows in the backup, ${n} loaded`);
          tables++; rows += n;
          break;
        }
        case 'sequences':
          for (const [name, [value, called]] of Object.entries(e.sequences)) {
            const [{ seq }] = await tx.query<{ seq: string | null }>('select to_regclass($1)::text as seq', [ident(name)]);
            if (!seq) throw new BackupError(`the backup sets a sequence ${name} that this schema does not have`);
            await tx.query('select setval($1::regclass, $2, $3)', [ident(name), value, called]);
          }
          break;
      }
    }
    const missing = [...target.keys()].filter((t) => !seen.has(t));
    if (missing.length) throw new BackupError(`the backup lacks the tables ${missing.join(', ')} of its own schema`);
    const migratedAfter = await migrate(tx);
    const searchDocs = await reindexAll(tx);
    await settleIndex(tx);
    return { header: header!, tables, rows, migratedAfter, searchDocs };
  }));
}

const cols = (t: TableInfo) => t.columns.map((c) => ident(c.name)).join(', ');
