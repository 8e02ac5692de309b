/**
 * What a write drops from the visitors' cache (lib/changes.ts scopeOf, db/client.ts tablesWritten): a sign-in
 * nothing, a registration or a survey answer the event pages only, anything else everything — on the run's engine.
 * Other processes' writes (NOTIFY, whose payload is the table) are tested in test/two-processes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/db.js';
import { createApp } from '../app.js';
import { tablesWritten, type Db } from '../db/client.js';
import { scopeOf } from './changes.js';
import { CACHE_HEADER, isEventPath, openVisitorCache } from './response-cache.js';

describe('the tables a statement writes', () => {
  it.each([
    ['insert into registration (id) values ($1)', ['registration']],
    ['INSERT INTO "survey_response" (id) values (1)', ['survey_response']],
    ['update registration r set status = $1 where r.id = $2', ['registration']],
    ['delete from only public.session where id = $1', ['session']],
    ['truncate table login_attempt', ['login_attempt']],
    ['insert into registration (id) values ($1) on conflict (id) do update set status = excluded.status', ['registration']],
    ['insert into session (id) values ($1) on conflict on constraint session_pkey do update set seen_at = now()', ['session']],
    ['with moved as (update registration set status = $1 returning id) insert into registration_session select * from moved', ['registration', 'registration_session']],
    ['with x as (delete from registration where id = $1 returning event_id) update event set version = version + 1 from x', ['registration', 'event']],
  ])('%s', (sql, tables) => expect(tablesWritten(sql)).toEqual(tables));

  it('knows none in DDL or a call: anything may have changed', () => {
    for (const sql of ['create table t (id int)', 'alter table event add column x int', 'copy project from stdin', 'call tidy()']) expect(tablesWritten(sql)).toBeNull();
  });
});

describe('what a write may have made stale', () => {
  it('a sign-in nothing, a registration or an answer the event pages, anything else everything', () => {
    expect(scopeOf(['session', 'login_attempt'])).toBe('none');
    expect(scopeOf(new Set(['registration', 'registration_session', 'audit_log']))).toBe('events');
    expect(scopeOf(['survey_response'])).toBe('events');
    expect(scopeOf(['registration', 'person'])).toBe('all');
    expect(scopeOf(['project'])).toBe('all');
    expect(scopeOf(['a_table_made_tomorrow'])).toBe('all');
    expect(scopeOf(null)).toBe('all');
    expect(scopeOf([])).toBe('none');
  });

  it('the event pages are the events, series and embeds in every language, and their records', () => {
    for (const p of ['/events/assises-11', '/en/events/assises-11', '/vi/series/assises', '/embed/map', '/api/events/assises-11', '/api/event-series/x']) expect(isEventPath(p), p).toBe(true);
    for (const p of ['/', '/en', '/projects/x', '/search', '/api/projects/x', '/api/search', '/eventsx/y']) expect(isEventPath(p), p).toBe(false);
  });
});

describe("the visitors' cache after writes of each scope", () => {
  let db: Db;
  let stop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await testDb();
    const opened = await openVisitorCache(db, { maxBytes: 8 << 20, maxAgeMs: 60_000, replicaGraceMs: 0 });
    stop = opened.stop;
    app = createApp({ db, adminToken: 'x'.repeat(32), cache: opened.cache });
  });
  afterAll(async () => { await stop(); await db.close(); });

  const PROJECT = '/api/projects/innotech-master';
  const EVENT = '/api/events/assises-11';
  const states = async () => {
    const out: string[] = [];
    for (const p of [PROJECT, EVENT]) {
      const res = await app.request(p);
      expect(res.status, p).toBe(200);
      out.push(res.headers.get(CACHE_HEADER)!);
    }
    return out;
  };

  it('keeps everything after a sign-in, only the event after a registration, nothing after an edit', async () => {
    await states();
    expect(await states()).toEqual(['hit', 'hit']);
    await db.query('delete from login_attempt where false');
    await db.transaction(async (tx) => { await tx.query('delete from session where false'); await tx.query('select 1'); });
    expect(await states()).toEqual(['hit', 'hit']);
    await db.transaction(async (tx) => {
      await tx.query('update registration set status = status where false');
      await tx.query('delete from login_attempt where false');
    });
    expect(await states()).toEqual(['hit', 'miss']);
    await db.query('update survey_response set id = id where false');
    expect(await states()).toEqual(['hit', 'miss']);
    await db.transaction(async (tx) => {
      await tx.query('update registration set status = status where false');
      await tx.query("update project set updated_at = updated_at where id = 'innotech-master'");
    });
    expect(await states()).toEqual(['miss', 'miss']);
    await db.exec('select 1; delete from session where false'); // several statements: not read, so anything
    expect(await states()).toEqual(['miss', 'miss']);
  });
});
