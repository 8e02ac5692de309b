/**
 * The visitors' cache (lib/response-cache.ts) with the change feed of this process's writes (lib/changes.ts), on the
 * run's engine. Other processes' writes (NOTIFY) are tested with two real processes in test/two-processes.test.ts.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/db.js';
import { TOKEN } from '../../test/http.js';
import { createApp } from '../app.js';
import { isWriteSql, type Db } from '../db/client.js';
import { ChangeFeed } from './changes.js';
import { CACHE_HEADER, openVisitorCache, ResponseCache } from './response-cache.js';

const OPTS = { maxBytes: 8 << 20, maxAgeMs: 60_000, replicaGraceMs: 0 };
const auth = { authorization: `Bearer ${TOKEN}` };

describe("visitors' cache", () => {
  let db: Db;
  let stop: () => Promise<void>;
  let cache: ResponseCache;
  let app: Hono;
  beforeAll(async () => {
    db = await testDb();
    ({ cache, stop } = await openVisitorCache(db, OPTS));
    app = createApp({ db, adminToken: TOKEN, cache });
  });
  afterAll(async () => { await stop(); await db.close(); });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, cache: res.headers.get(CACHE_HEADER), text: await res.text() };
  };

  it("keeps a visitor's record until this process writes, then reads the new one", async () => {
    const first = await get('/api/projects/innotech-master');
    const second = await get('/api/projects/innotech-master');
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    expect(second.text).toBe(first.text);
    const record = JSON.parse(first.text);
    const put = await app.request('/api/projects/innotech-master', {
      method: 'PUT', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Innotech, titre revu', status: record.status, version: record.version }),
    });
    expect(put.status).toBe(200);
    const after = await get('/api/projects/innotech-master');
    expect(after.cache).toBe('miss');
    expect(JSON.parse(after.text)).toMatchObject({ title: 'Innotech, titre revu', version: record.version + 1 });
    expect((await get('/api/projects/innotech-master')).cache).toBe('hit');
  });

  it('a write that rolls back keeps the cache; a committed one drops it', async () => {
    await get('/api/projects/innotech-master');
    const dropped = cache.stats.dropped;
    await expect(db.transaction(async (tx) => { await tx.query("update project set title = 'x' where id = 'innotech-master'"); throw new Error('no'); })).rejects.toThrow('no');
    expect((await get('/api/projects/innotech-master')).cache).toBe('hit');
    expect(cache.stats.dropped).toBe(dropped);
    await db.query('select 1'); // a read is not a change
    expect((await get('/api/projects/innotech-master')).cache).toBe('hit');
  });

  it('never answers a signed-in person or a script with a token from memory, nor stores what they get', async () => {
    expect((await get('/api/projects/innotech-master', auth)).cache).toBeNull();
    expect((await get('/api/themes')).cache).toBeNull(); // not a cached path
    expect((await get('/api/search?q=hue', auth)).cache).toBeNull();
    // a visitor's search is kept (a crowd asks the same few), a signed-in person's never
    expect([(await get('/api/search?q=cergy')).cache, (await get('/api/search?q=cergy')).cache]).toEqual(['miss', 'hit']);
    expect((await get('/api/search?q=cergy', auth)).cache).toBeNull();
    const missing = await get('/api/projects/no-such-project');
    expect([missing.status, missing.cache]).toEqual([404, 'miss']);
    expect((await get('/api/projects/no-such-project')).cache).toBe('miss'); // a 404 is not kept
  });

  it('makes a cold answer once for a crowd asking it at the same moment, the others waiting for it', async () => {
    const misses = cache.stats.misses; // a search no other test asks
    const crowd = await Promise.all(Array.from({ length: 8 }, () => get('/api/search?q=montreuil&kind=partnership')));
    expect(crowd.map((r) => r.status)).toEqual(crowd.map(() => 200));
    expect(crowd.filter((r) => r.cache === 'miss').length).toBe(1);
    expect(cache.stats.misses - misses).toBe(1);
    expect(new Set(crowd.map((r) => r.text)).size).toBe(1);
    // an answer that is not kept (a 404) is made by each: nothing to share
    const lost = await Promise.all(Array.from({ length: 3 }, () => get('/api/projects/no-such-project')));
    expect(lost.map((r) => [r.status, r.cache])).toEqual(lost.map(() => [404, 'miss']));
  });

  it('keeps the compressed and plain answers apart', async () => {
    const gz = await app.request('/api/projects/innotech-master', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get(CACHE_HEADER)).toBe('miss');
    expect((await get('/api/projects/innotech-master')).cache).toBe('hit');
  });
});

describe('the cache itself', () => {
  const feed = new ChangeFeed();
  const page = (cache: ResponseCache, handler: (n: number) => Response | Promise<Response>) => {
    const app = new Hono();
    let n = 0;
    app.use('*', cache.middleware([/^\/p\//]));
    app.get('/p/:id', () => handler(++n));
    app.get('/q', () => new Response(String(++n)));
    return app;
  };

  it('does not store an answer during which something changed', async () => {
    const cache = new ResponseCache(feed, OPTS);
    const app = page(cache, async (n) => { if (n === 1) feed.changed(); return new Response(`v${n}`); });
    expect(await (await app.request('/p/a')).text()).toBe('v1');
    const again = await app.request('/p/a');
    expect([again.headers.get(CACHE_HEADER), await again.text()]).toEqual(['miss', 'v2']);
    expect((await app.request('/p/a')).headers.get(CACHE_HEADER)).toBe('hit');
    expect((await app.request('/q')).headers.get(CACHE_HEADER)).toBeNull();
  });

  it('keeps no answer that sets a cookie or says no-store, and serves nothing while the feed is not live', async () => {
    const cache = new ResponseCache(feed, OPTS);
    const app = page(cache, (n) => new Response(`v${n}`, { headers: n < 3 ? { 'set-cookie': 'a=b' } : n < 5 ? { 'cache-control': 'no-store' } : {} }));
    for (let i = 0; i < 4; i++) expect((await app.request('/p/a')).headers.get(CACHE_HEADER)).toBe('miss');
    expect(cache.size).toBe(0);
    await app.request('/p/a');
    expect((await app.request('/p/a')).headers.get(CACHE_HEADER)).toBe('hit');
    feed.setLive(false);
    expect(cache.size).toBe(0);
    expect((await app.request('/p/a')).headers.get(CACHE_HEADER)).toBeNull();
    feed.setLive(true);
    expect((await app.request('/p/a')).headers.get(CACHE_HEADER)).toBe('miss');
  });

  it('holds at most maxBytes, dropping the least recently used; entries expire', async () => {
    const cache = new ResponseCache(feed, { ...OPTS, maxBytes: 16 * 1024 });
    const app = page(cache, () => new Response('x'.repeat(1000)));
    for (let i = 0; i < 40; i++) await app.request(`/p/${i}`);
    expect(cache.storedBytes).toBeLessThanOrEqual(16 * 1024);
    expect(cache.size).toBe(16);
    expect((await app.request('/p/39')).headers.get(CACHE_HEADER)).toBe('hit');
    expect((await app.request('/p/0')).headers.get(CACHE_HEADER)).toBe('miss');
    const big = new ResponseCache(feed, { ...OPTS, maxBytes: 16 * 1024 });
    const bigApp = page(big, () => new Response('x'.repeat(2000))); // over maxBytes / 16: never kept
    await bigApp.request('/p/a');
    expect(big.size).toBe(0);
    const old = new ResponseCache(feed, { ...OPTS, maxAgeMs: -1 });
    const oldApp = page(old, (n) => new Response(`v${n}`));
    await oldApp.request('/p/a');
    expect(await (await oldApp.request('/p/a')).text()).toBe('v2');
  });

  it('tells reads from writes', () => {
    for (const sql of ['select 1', '  SELECT * from project', 'with x as (select 1) select * from x', 'show server_version']) expect(isWriteSql(sql)).toBe(false);
    for (const sql of ['insert into project values (1)', 'update project set title = 1', 'delete from link', 'with d as (delete from link returning *) select count(*) from d',
      'create table t (a int)', 'copy project from stdin', 'truncate link']) expect(isWriteSql(sql)).toBe(true);
  });
});
