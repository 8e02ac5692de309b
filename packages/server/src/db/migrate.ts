/** Forward-only SQL migrations: migrations/NNNN_name.sql, applied in order, each in a transaction. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.js';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrationFiles(): string[] {
  return readdirSync(dir).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
}

export async function migrate(db: Db): Promise<string[]> {
  await db.exec('create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())');
  const done = new Set((await db.query<{ name: string }>('select name from schema_migration')).map((r) => r.name));
  const applied: string[] = [];
  for (const file of migrationFiles()) {
    if (done.has(file)) continue;
    const sql = readFileSync(dir + file, 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('insert into schema_migration (name) values ($1)', [file]);
    });
    applied.push(file);
  }
  return applied;
}
