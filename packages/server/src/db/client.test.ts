/** The data layer's own behaviour, on the run's engine: write notifications and prepared statements. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/db.js';
import type { Db } from './client.js';

describe('data layer', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('tells its subscribers of committed writes only', async () => {
    let writes = 0;
    const off = db.onWrite(() => { writes++; });
    await db.query('select count(*) from project');
    expect(writes).toBe(0);
    await db.query('create table zz_note (id int primary key, body text)');
    await db.query('insert into zz_note values (1, $1)', ['a']);
    expect(writes).toBe(2);
    await db.transaction(async (tx) => { await tx.query('insert into zz_note values (2, $1)', ['b']); await tx.query('insert into zz_note values (3, $1)', ['c']); });
    expect(writes).toBe(3); // once, at the commit
    await expect(db.transaction(async (tx) => { await tx.query('insert into zz_note values (4, $1)', ['d']); throw new Error('rolled back'); })).rejects.toThrow('rolled back');
    expect(writes).toBe(3);
    off();
    await db.query('insert into zz_note values (5, $1)', ['e']);
    expect(writes).toBe(3);
  });

  it('a prepared select * still answers after a migration adds a column (a rolling upgrade)', async () => {
    const read = () => db.query('select * from zz_note where id = $1', [1], { prepare: true });
    // several times: PostgreSQL switches a prepared statement to its generic plan after five executions
    for (let i = 0; i < 7; i++) expect(await read()).toEqual([{ id: 1, body: 'a' }]);
    await db.query("alter table zz_note add column lang text not null default 'fr'");
    expect(await read()).toEqual([{ id: 1, body: 'a', lang: 'fr' }]);
    expect(await read()).toEqual([{ id: 1, body: 'a', lang: 'fr' }]);
  });
});
