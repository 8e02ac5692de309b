/**
 * Several stateless Tandem processes on one PostgreSQL database: two real server processes
 * (`node --import tsx packages/app/src/main.ts`, as production runs it) share a session, see each
 * other's writes, refuse a stale version across processes (409), count failed sign-ins together; B sends
 * anonymous reads to its DATABASE_READ_URL pool (pointed at the same database: no lag here).
 *
 * Runs on TANDEM_TEST_PG's server (npm run test:pg: the database is a copy of the run's template), else on
 * postgres://postgres@127.0.0.1:5432 when it answers (an empty database: both processes start together and
 * take turns to migrate and seed it); skipped, saying why, when no PostgreSQL server is reachable.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, READ_APPLICATION_NAME, type Db } from '../src/db/client.js';
import { migrationFiles } from '../src/db/migrate.js';
import { cookieJar, makeAccount, PASSWORD } from '../src/features/auth/auth.testkit.js';
import { withDatabase } from './pg-admin.js';
import { startProcess, stop, waitHealthy, type Proc } from './server-process.js';

const SERVER = process.env.TANDEM_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
/** The public address both processes sit behind (a reverse proxy would send this Origin). */
const PUBLIC = 'http://tandem.test';
/** Behind that proxy: its Origin, cookies over plain HTTP, small pools. */
const BEHIND = { TANDEM_PUBLIC_URL: PUBLIC, TANDEM_INSECURE_COOKIES: '1', DATABASE_POOL_SIZE: '4' };

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try { await client.connect(); await client.query('select 1'); return null; } catch (e) { return (e as Error).message || String(e); } finally { await client.end().catch(() => {}); }
}
const unreachable = await reachable(SERVER);
if (unreachable) console.warn(`two-processes test skipped: no PostgreSQL at ${SERVER.replace(/\/\/[^@]*@/, '//')} (${unreachable}); set TANDEM_TEST_PG`);

/** A browser behind the proxy: one cookie jar, whichever process answers. */
function visitor() {
  const kept = cookieJar();
  return {
    jar: kept.jar,
    async send(p: Proc, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
      const h: Record<string, string> = { ...headers };
      const cookie = kept.header();
      if (cookie) h.cookie = cookie;
      if (method !== 'GET') h.origin = PUBLIC;
      if (json !== undefined) h['content-type'] = 'application/json';
      const res = await fetch(`${p.url}${path}`, { method, headers: h, body: json === undefined ? undefined : JSON.stringify(json) });
      kept.take(res);
      const text = await res.text();
      let body: any = null;
      try { body = text ? JSON.parse(text) : null; } catch { /* a page */ }
      return { status: res.status, json: body, text };
    },
  };
}

describe.skipIf(!!unreachable)('two Tandem processes on one PostgreSQL database', () => {
  const template = inject('pgTemplate');
  const name = `tandem_t_${process.ppid}_${process.pid}_procs`;
  const u = new URL(SERVER); u.pathname = `/${name}`;
  const dbUrl = u.toString();
  let db: Db;
  let a: Proc, b: Proc;

  beforeAll(async () => {
    await withDatabase(SERVER, async (admin) => {
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.exec(template ? `create database ${name} template ${template}` : `create database ${name}`);
    });
    // started together: on an empty database they take turns (schemaLocked) to migrate and seed it
    a = await startProcess('A', { ...BEHIND, DATABASE_URL: dbUrl });
    b = await startProcess('B', { ...BEHIND, DATABASE_URL: dbUrl, DATABASE_READ_URL: dbUrl });
    await Promise.all([waitHealthy(a, 100_000), waitHealthy(b, 100_000)]);
    db = await openDb({ databaseUrl: dbUrl });
    await makeAccount(db, 'both@example.org', [{ role: 'platform_admin', organisationId: null }], { name: 'Both Processes' });
    await makeAccount(db, 'guess@example.org');
  }, 150_000);

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map(stop));
    await db?.close();
    await withDatabase(SERVER, (admin) => admin.exec(`drop database if exists ${name} with (force)`));
  }, 60_000);

  it('both started on the same database: migrated once, seeded once', async () => {
    for (const p of [a, b]) expect((await fetch(`${p.url}/api/health`).then((r) => r.json())).database).toBe('postgresql');
    expect((await db.query('select name from schema_migration order by name')).map((r) => r.name)).toEqual(migrationFiles());
    const seeded = [a, b].filter((p) => p.log().includes('seed documents loaded'));
    expect(seeded.length).toBe(template ? 0 : 1);
  });

  it('a session opened through A works through B, and signing out through B ends it for A', async () => {
    const v = visitor();
    const login = await v.send(a, 'POST', '/api/auth/login', { email: 'both@example.org', password: PASSWORD });
    expect(login.status).toBe(200);
    const meA = await v.send(a, 'GET', '/api/auth/me');
    const meB = await v.send(b, 'GET', '/api/auth/me');
    expect(meB.status).toBe(200);
    expect(meB.json).toMatchObject({ email: 'both@example.org', name: 'Both Processes', via: 'session' });
    expect(meB.json.csrfToken).toBe(meA.json.csrfToken);
    const cookie = v.jar.get('tandem_session')!;
    expect((await v.send(b, 'POST', '/api/auth/logout', undefined, { 'x-csrf-token': meB.json.csrfToken })).status).toBe(204);
    const replay = visitor();
    replay.jar.set('tandem_session', cookie);
    expect((await replay.send(a, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('writes through one process are read through the other; a stale version is refused by either', async () => {
    const v = visitor();
    await v.send(a, 'POST', '/api/auth/login', { email: 'both@example.org', password: PASSWORD });
    const csrf = { 'x-csrf-token': (await v.send(a, 'GET', '/api/auth/me')).json.csrfToken };
    const body = { title: 'Projet Zéphyrine entre deux processus', status: 'pipeline' };

    const made = await v.send(a, 'POST', '/api/projects', body, csrf);
    expect(made.status).toBe(201);
    const id = made.json.id;
    const seenByB = await v.send(b, 'GET', `/api/projects/${id}`);
    expect(seenByB.json).toMatchObject({ title: body.title, version: 1 });

    const updated = await v.send(b, 'PUT', `/api/projects/${id}`, { ...body, title: 'Projet Zéphyrine, revu par B', version: 1 }, csrf);
    expect(updated.status).toBe(200);
    expect((await v.send(a, 'GET', `/api/projects/${id}`)).json).toMatchObject({ title: 'Projet Zéphyrine, revu par B', version: 2 });

    // a visitor through B (its read pool) finds the change in search and on the sheet
    const anon = visitor();
    expect((await anon.send(b, 'GET', '/api/search?q=zephyrine')).json.results.map((r: any) => r.id)).toContain(id);
    expect((await anon.send(b, 'GET', `/projects/${id}`)).text).toContain('Projet Zéphyrine, revu par B');

    // both save version 2 at the same moment: one wins, the other gets 409; the loser's stale version stays refused
    const both = await Promise.all([a, b].map((p) => v.send(p, 'PUT', `/api/projects/${id}`, { ...body, title: `Projet Zéphyrine par ${p.name}`, version: 2 }, csrf)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = both.findIndex((r) => r.status === 200);
    for (const p of [a, b]) {
      expect((await v.send(p, 'GET', `/api/projects/${id}`)).json).toMatchObject({ version: 3, title: `Projet Zéphyrine par ${[a, b][winner].name}` });
      expect((await v.send(p, 'PUT', `/api/projects/${id}`, { ...body, version: 2 }, csrf)).status).toBe(409);
    }
  });

  it("a visitor's answers are kept by a process until a write through any process, and not while it cannot hear of them", async () => {
    const v = visitor();
    await v.send(b, 'POST', '/api/auth/login', { email: 'both@example.org', password: PASSWORD });
    const csrf = { 'x-csrf-token': (await v.send(b, 'GET', '/api/auth/me')).json.csrfToken };
    const body = { title: 'Projet Églantine en cache', status: 'pipeline' };
    const id = (await v.send(b, 'POST', '/api/projects', body, csrf)).json.id;
    const read = async () => {
      const res = await fetch(`${a.url}/api/projects/${id}`);
      return { cache: res.headers.get('x-tandem-cache'), title: (await res.json()).title as string };
    };
    const until = async (what: () => Promise<boolean>, label: string) => {
      for (const t0 = Date.now(); Date.now() - t0 < 5000; await new Promise((r) => setTimeout(r, 20))) if (await what()) return;
      throw new Error(`not within 5 s: ${label}\n${a.log()}`);
    };
    // A (no replica) keeps the answer: the second read is served from its memory
    await until(async () => (await read()).cache === 'hit', 'a hit on A');
    // a signed-in person's read never comes from the cache
    expect((await fetch(`${a.url}/api/projects/${id}`, { headers: { cookie: `tandem_session=${v.jar.get('tandem_session')}` } })).headers.get('x-tandem-cache')).toBeNull();

    // a write through B reaches A by NOTIFY: A drops what it kept
    expect((await v.send(b, 'PUT', `/api/projects/${id}`, { ...body, title: 'Projet Églantine, revu par B', version: 1 }, csrf)).status).toBe(200);
    await until(async () => (await read()).title === 'Projet Églantine, revu par B', "B's write seen on A");
    await until(async () => (await read()).cache === 'hit', 'a hit on A again');

    // A's connection listening for changes is cut: until it is back, A serves nothing from memory, so a write it cannot
    // hear of (here straight in SQL) is seen at once; once back, it listens again and drops everything first
    await db.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tandem-listen' and datname = current_database()`);
    await until(async () => a.log().includes('caches are off'), 'A notices the lost connection');
    await db.query('update project set title = $1 where id = $2', ['Projet Églantine, écrit en SQL', id]);
    expect(await read()).toMatchObject({ title: 'Projet Églantine, écrit en SQL' });
    await until(async () => a.log().includes('listening for changes again'), 'A listens again');
    await db.query('update project set title = $1 where id = $2', ['Projet Églantine, entendu', id]);
    await until(async () => (await read()).title === 'Projet Églantine, entendu', 'the SQL write heard through NOTIFY');
    await until(async () => (await read()).cache === 'hit', 'a hit on A after the reconnection');
    // B has a read replica: for 2 s after a change it stores nothing (the replica may not have replayed it yet)
    await db.query('update project set title = $1 where id = $2', ['Projet Églantine, dernière version', id]);
    await until(async () => (await read()).title === 'Projet Églantine, dernière version', 'the last write seen on A');
    for (let i = 0; i < 2; i++) expect((await fetch(`${b.url}/api/projects/${id}`)).headers.get('x-tandem-cache')).toBe('miss');
  });

  it('a change to an event or its series made elsewhere drops what A kept (migration 0021)', async () => {
    for (const [table, column, path] of [['event', 'title', '/api/events/assises-11'], ['event_series', 'name', '/api/event-series/assises-franco-vietnamiennes']] as const) {
      const read = async () => { const res = await fetch(`${a.url}${path}`); return { cache: res.headers.get('x-tandem-cache'), status: res.status, text: await res.text() }; };
      for (let i = 0; i < 50 && (await read()).cache !== 'hit'; i++) await new Promise((r) => setTimeout(r, 20));
      expect((await read()), table).toMatchObject({ cache: 'hit', status: 200 });
      await db.query(`update ${table} set ${column} = ${column} || ' (revu)' where id = $1`, [path.split('/').pop()]);
      let seen = '';
      for (const t0 = Date.now(); Date.now() - t0 < 5000 && !seen.includes('(revu)'); await new Promise((r) => setTimeout(r, 20))) seen = (await read()).text;
      expect(seen, table).toContain('(revu)');
    }
  });

  it('a registration made elsewhere drops only the event pages A kept; a sign-in nothing (the NOTIFY payload is the table)', async () => {
    const read = async (path: string) => (await fetch(`${a.url}${path}`)).headers.get('x-tandem-cache');
    const warm = async (path: string) => { for (let i = 0; i < 50 && (await read(path)) !== 'hit'; i++) await new Promise((r) => setTimeout(r, 20)); };
    for (const path of ['/api/events/assises-11', '/api/projects/innotech-master']) await warm(path);
    await db.query('update registration set status = status where false'); // a statement-level trigger fires on no row too
    let event: string | null = 'hit';
    for (const t0 = Date.now(); Date.now() - t0 < 5000 && event === 'hit'; await new Promise((r) => setTimeout(r, 20))) event = await read('/api/events/assises-11');
    expect(event).toBe('miss');
    expect(await read('/api/projects/innotech-master')).toBe('hit');
    // a sign-in through B (sessions and attempts have no trigger): A keeps both
    await warm('/api/events/assises-11');
    expect((await visitor().send(b, 'POST', '/api/auth/login', { email: 'both@example.org', password: PASSWORD })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect([await read('/api/events/assises-11'), await read('/api/projects/innotech-master')]).toEqual(['hit', 'hit']);
  });

  it('failed sign-ins are counted across processes', async () => {
    const v = visitor();
    for (let i = 0; i < 5; i++) expect((await v.send(i % 2 ? b : a, 'POST', '/api/auth/login', { email: 'guess@example.org', password: `wrong ${i}` })).status).toBe(401);
    for (const p of [a, b]) expect((await v.send(p, 'POST', '/api/auth/login', { email: 'guess@example.org', password: PASSWORD })).status).toBe(429);
  });

  it("B's anonymous reads use its read pool (tandem-read), A has none", async () => {
    await visitor().send(b, 'GET', '/api/search?q=hue');
    const rows = await db.query<{ application_name: string }>(
      'select distinct application_name from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    const names = rows.map((r) => r.application_name);
    expect(names).toContain(READ_APPLICATION_NAME);
    expect(names).toContain('tandem');
    expect(a.log()).not.toContain('DATABASE_READ_URL');
    expect(b.log()).toContain('anonymous reads on DATABASE_READ_URL');
  });
});
