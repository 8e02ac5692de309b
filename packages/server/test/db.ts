/** A fresh, migrated and seeded database for one test file, on the engine the run asks for. */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDb, type Db } from '../src/db/client.js';
import { withDatabase } from './pg-admin.js';

let counter = 0;

export async function testDb(): Promise<Db> {
  const template = inject('pgTemplate');
  if (template) {
    const server = inject('pgServer');
    const name = `tandem_t_${process.ppid}_${process.pid}_${counter++}`;
    await withDatabase(server, (admin) => admin.exec(`create database ${name} template ${template}`));
    const u = new URL(server); u.pathname = `/${name}`;
    const db = await openDb({ databaseUrl: u.toString() });
    const close = db.close.bind(db);
    return Object.assign(db, {
      async close() { await close(); await withDatabase(server, (admin) => admin.exec(`drop database if exists ${name} with (force)`)); },
    });
  }
  const bytes = readFileSync(inject('snapshotPath'));
  return openDb({ loadDataDir: new Blob([bytes]) });
}
