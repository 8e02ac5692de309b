/**
 * The site under load (lib/admission.ts through createSite): a page turned away is a 503 page in the visitor's
 * language with Retry-After, the API's is JSON, and what the visitors' cache holds is still served, before the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { Admission } from '../../server/src/lib/admission.js';
import { CACHE_HEADER, openVisitorCache } from '../../server/src/lib/response-cache.js';
import { createSite } from './site.js';

describe('the site when the server is busy', () => {
  let db: Db;
  let stop: () => Promise<void>;
  let app: ReturnType<typeof createSite>;
  const admission = new Admission({ maxInflight: 1, maxQueue: 0, maxWaitMs: 2000 });
  beforeAll(async () => {
    db = await testDb();
    const visitors = await openVisitorCache(db, { maxBytes: 16 << 20, maxAgeMs: 60_000, replicaGraceMs: 0 });
    stop = visitors.stop;
    app = createSite({ db, cache: visitors.cache, admission });
  });
  afterAll(async () => { await stop(); await db.close(); });

  it('answers pages with a 503 page in the visitor’s language, the API with JSON, the cache and assets as usual', async () => {
    expect((await app.request('/projects/innotech-master')).headers.get(CACHE_HEADER)).toBe('miss'); // kept from now on
    expect(await admission.acquire()).toBe(true); // the database is taken, and no one may wait
    try {
      for (const [path, lang, title] of [['/en/search?q=hue', 'en', 'Too many visits right now'], ['/partnerships/cergy-hue', 'fr', 'Trop de visites en ce moment'],
        ['/vi/statistics', 'vi', 'Hiện có quá nhiều lượt truy cập']]) {
        const res = await app.request(path);
        const html = await res.text();
        expect([res.status, res.headers.get('retry-after'), res.headers.get('content-type')]).toEqual([503, '2', 'text/html; charset=UTF-8']);
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain(title);
        expect(html).toContain(`href="${path.replace(/&/g, '&amp;')}"`); // try the same page again
      }
      const api = await app.request('/api/search?q=hue');
      expect([api.status, api.headers.get('retry-after'), await api.json()]).toEqual([503, '2', { error: 'the server is busy; try again in 2 s', retryAfter: 2 }]);
      const cached = await app.request('/projects/innotech-master');
      expect([cached.status, cached.headers.get(CACHE_HEADER)]).toEqual([200, 'hit']);
      expect((await app.request('/assets/site.css')).status).toBe(200);
    } finally { admission.release(); }
    expect((await app.request('/en/search?q=hue')).status).toBe(200);
  });
});
