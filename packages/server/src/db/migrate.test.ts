import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/db.js';
import type { Db } from './client.js';
import { migrate, migrationFiles } from './migrate.js';

describe('migrations', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('records every migration once and applies nothing twice', async () => {
    const rows = await db.query<{ name: string }>('select name from schema_migration order by name');
    expect(rows.map((r) => r.name)).toEqual(migrationFiles());
    expect(await migrate(db)).toEqual([]);
  });
});
