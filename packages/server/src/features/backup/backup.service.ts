/** writeBackup: the whole database as one consistent backup file (format.ts), on either engine. */
import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { BackupError, BackupWriter, DERIVED_TABLES, FORMAT, MAGIC, TRANSIENT_TABLES, type Header } from './format.js';
import { appliedMigrations, copiedTables, ident, sequenceValues } from './schema.js';

export interface BackupSummary { tables: number; rows: number; migrations: string[]; engine: string }

const FETCH = 5000;

/**
 * Reads every copied table in one read-only REPEATABLE READ transaction — one snapshot, whatever other connections
 * commit meanwhile (on PGlite the one connection is the backup's while it reads: requests wait, a few seconds for
 * the seeded atlas) — and writes it to out, which it ends. Nothing is written to the database.
 */
export async function writeBackup(db: Db, out: Writable): Promise<BackupSummary> {
  const w = new BackupWriter(out);
  let migrations: string[] = [];
  try {
    await db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      migrations = await appliedMigrations(tx);
      if (!migrations.length) throw new BackupError('the database has no Tandem schema (no migration applied): nothing to back up');
      const header: Header = { format: FORMAT, createdAt: new Date().toISOString(), engine: db.engine, migrations, derived: DERIVED_TABLES, transient: TRANSIENT_TABLES };
      await w.line(JSON.stringify([MAGIC, header]));
      for (const t of await copiedTables(tx)) {
        await w.line(JSON.stringify(['table', t.name, t.columns]));
        const cols = t.columns.map((c) => ident(c.name)).join(', ');
        const order = t.key.length ? ` order by ${t.key.map(ident).join(', ')}` : '';
        // a cursor: the rows come in batches, never the whole table in memory
        await tx.query(`declare tandem_backup no scroll cursor for select row_to_json(r)::text as j from (select ${cols} from ${ident(t.name)}${order}) r`);
        let n = 0;
        for (;;) {
          const rows = await tx.query<{ j: string }>(`fetch forward ${FETCH} from tandem_backup`);
          await w.line(rows.map((r) => r.j));
          n += rows.length;
          if (rows.length < FETCH) break;
        }
        await tx.query('close tandem_backup');
        await w.line(JSON.stringify(['end', t.name, n]));
        w.tables++; w.rows += n;
      }
      await w.line(JSON.stringify(['sequences', await sequenceValues(tx)]));
    });
    await w.finish();
  } catch (err) {
    w.abort(err as Error);
    throw err;
  }
  return { tables: w.tables, rows: w.rows, migrations, engine: db.engine };
}
