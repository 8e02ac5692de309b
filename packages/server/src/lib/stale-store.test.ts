/** A busy server serves the answer dropped a moment ago instead of a 503 (lib/stale-store.ts, lib/response-cache.ts). */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from './changes.js';
import { CACHE_HEADER, ResponseCache } from './response-cache.js';
import { StaleStore } from './stale-store.js';

const OPTS = { maxBytes: 8 << 20, maxAgeMs: 60_000, replicaGraceMs: 0, maxStaleMs: 30_000 };

/** An app whose pages answer 503 while `busy` is set (as the admission valve does), else their nth version. */
function site(cache: ResponseCache, feed?: ChangeFeed) {
  const state = { busy: false, n: 0, queued: false, slowMs: 0, changeWhileMaking: false };
  const app = new Hono();
  app.use('*', cache.middleware([/^\/p\//, /^\/events\//], { busy: () => state.queued, refresh: async (req) => app.fetch(req) }));
  app.get('*', async (c) => {
    if (state.slowMs) await new Promise((r) => setTimeout(r, state.slowMs));
    if (state.changeWhileMaking) { state.changeWhileMaking = false; feed!.changed('all'); }
    return state.busy ? c.text('busy', 503, { 'retry-after': '1' }) : c.text(`${c.req.path} v${++state.n}`);
  });
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, cache: res.headers.get(CACHE_HEADER), age: res.headers.get('age'), retry: res.headers.get('retry-after'), text: await res.text() };
  };
  return { state, get };
}

describe('stale answers instead of a 503', () => {
  it('serves the dropped answer, marked stale with its age, only while the server is too busy to make it again', async () => {
    const feed = new ChangeFeed();
    const cache = new ResponseCache(feed, OPTS);
    const { state, get } = site(cache);
    expect((await get('/p/a')).text).toBe('/p/a v1');
    expect((await get('/p/a')).cache).toBe('hit');
    feed.changed('all');
    state.busy = true;
    expect(await get('/p/a')).toMatchObject({ status: 200, cache: 'stale', age: '0', retry: null, text: '/p/a v1' });
    expect((await get('/p/never-made')).status).toBe(503); // nothing to fall back on
    state.busy = false;
    expect(await get('/p/a')).toMatchObject({ status: 200, cache: 'miss', text: '/p/a v2' }); // not busy: the fresh answer
    feed.changed('all');
    state.busy = true;
    expect((await get('/p/a')).text).toBe('/p/a v2'); // the newest dropped one, not the first
    expect(cache.stats.stale).toBe(2);
  });

  it('a crowd waiting on one busy answer all get the stale one', async () => {
    const feed = new ChangeFeed();
    const cache = new ResponseCache(feed, OPTS);
    const { state, get } = site(cache);
    await get('/p/b');
    feed.changed('all');
    state.busy = true;
    const crowd = await Promise.all(Array.from({ length: 5 }, () => get('/p/b')));
    expect(crowd.map((r) => [r.status, r.cache, r.text])).toEqual(crowd.map(() => [200, 'stale', '/p/b v1']));
  });

  it('a registration drops only the event pages; never stale after the window, nor once changes could have been missed', async () => {
    const feed = new ChangeFeed();
    const cache = new ResponseCache(feed, { ...OPTS, maxStaleMs: 50 });
    const { state, get } = site(cache);
    await get('/p/c'); await get('/events/e');
    feed.changed('events');
    expect((await get('/p/c')).cache).toBe('hit');
    state.busy = true;
    expect((await get('/events/e')).cache).toBe('stale');
    await new Promise((r) => setTimeout(r, 80));
    expect((await get('/events/e')).status).toBe(503);
    state.busy = false;
    await get('/events/e');
    feed.setLive(false);
    feed.setLive(true);
    state.busy = true;
    expect((await get('/events/e')).status).toBe(503);
    expect((await get('/p/c')).status).toBe(503);
  });

  it('keeps an answer made while something changed as a stale one; those waiting behind a busy queue get it at once', async () => {
    const feed = new ChangeFeed();
    const cache = new ResponseCache(feed, OPTS);
    const { state, get } = site(cache, feed);
    state.changeWhileMaking = true;
    expect((await get('/p/d')).text).toBe('/p/d v1'); // not kept fresh: a change came while it was made
    expect(cache.size).toBe(0);
    state.busy = true;
    expect(await get('/p/d')).toMatchObject({ status: 200, cache: 'stale', text: '/p/d v1' });
    // the queue is long: every visitor gets the stale one at once, and the server makes the fresh one in the background
    // (one refresh per answer, whoever asks meanwhile)
    state.busy = false;
    state.queued = true;
    state.slowMs = 100;
    const crowd = await Promise.all([get('/p/d'), get('/p/d'), get('/p/d')]);
    expect(crowd.map((f) => [f.cache, f.text])).toEqual(crowd.map(() => ['stale', '/p/d v1'])); // none waited for v2
    expect(cache.stats.refreshed).toBe(1);
    let after = await get('/p/d');
    for (let i = 0; i < 100 && after.cache === 'stale'; i++) { await new Promise((r) => setTimeout(r, 50)); after = await get('/p/d'); }
    expect(after).toMatchObject({ cache: 'hit', text: '/p/d v2' });
    expect(state.n).toBe(2);
    // not busy: followers wait for the fresh answer
    feed.changed('all');
    state.queued = false;
    const [a, b] = await Promise.all([get('/p/d'), (async () => { await new Promise((r) => setTimeout(r, 10)); return get('/p/d'); })()]);
    expect([a.text, b.text]).toEqual(['/p/d v3', '/p/d v3']); // a waits for its turn; b waits for a's answer
    expect(b.cache).toBe('hit');
  });

  it('is off with maxStaleMs 0 and holds at most maxBytes', () => {
    const answer = (n: number) => ({ body: new Uint8Array(n), status: 200, headers: [], storedAt: 0 });
    const off = new StaleStore(1000, 0);
    off.keep('a', answer(10));
    expect(off.take('a')).toBeUndefined();
    const small = new StaleStore(1000, 60_000);
    for (let i = 0; i < 5; i++) small.keep(`k${i}`, answer(300), 1000 + i);
    expect(small.size).toBe(3);
    expect(small.take('k0', 2000)).toBeUndefined();
    expect(small.take('k4', 2000)?.stale).toBe(true);
    small.keep('e', { ...answer(10), status: 404 });
    expect(small.take('e')).toBeUndefined(); // only 200s are worth serving again
  });
});
