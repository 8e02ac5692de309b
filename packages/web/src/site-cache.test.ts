/**
 * The site with the visitors' cache, as server.ts builds it: sheets, home and embeds kept until a change, the same
 * headers on a hit as on a miss (embeds may be framed anywhere, other pages not at all), never a signed-in page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { CACHE_HEADER, openVisitorCache } from '../../server/src/lib/response-cache.js';
import { browser, makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { createSite } from './site.js';

const TOKEN = 'site-cache-token';

describe("the site's visitors' cache", () => {
  let db: Db;
  let stop: () => Promise<void>;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => {
    db = await testDb();
    const visitors = await openVisitorCache(db, { maxBytes: 16 << 20, maxAgeMs: 60_000, replicaGraceMs: 0 });
    stop = visitors.stop;
    app = createSite({ db, adminToken: TOKEN, cache: visitors.cache });
    await makeAccount(db, 'cache-reader@example.org', [{ role: 'member', organisationId: 'cd93' }]);
  });
  afterAll(async () => { await stop(); await db.close(); });

  const twice = async (path: string) => {
    const [a, b] = [await app.request(path), await app.request(path)];
    return { a, b, texts: [await a.text(), await b.text()] };
  };

  it('serves a sheet, the home page and the English statistics again from memory, identical', async () => {
    for (const path of ['/projects/innotech-master', '/', '/en/statistics', '/vi/partnerships/ssd-hai-duong']) {
      const { a, b, texts } = await twice(path);
      expect([a.status, a.headers.get(CACHE_HEADER), b.headers.get(CACHE_HEADER)]).toEqual([200, 'miss', 'hit']);
      expect(texts[1]).toBe(texts[0]);
      expect(b.headers.get('content-type')).toBe(a.headers.get('content-type'));
      expect(b.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(b.headers.get('content-security-policy')).toBe(a.headers.get('content-security-policy'));
      expect(b.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    }
    const search = await twice('/en/search?q=hue&kind=project');
    expect([search.a.status, search.a.headers.get(CACHE_HEADER), search.b.headers.get(CACHE_HEADER)]).toEqual([200, 'miss', 'hit']);
    expect(search.texts[1]).toBe(search.texts[0]);
  });

  it('embeds may be framed by any site, on a miss and on a hit', async () => {
    const { a, b } = await twice('/embed/projects/innotech-master');
    for (const r of [a, b]) {
      expect(r.headers.get('x-frame-options')).toBeNull();
      expect(r.headers.get('content-security-policy')).toContain('frame-ancestors *');
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    expect(b.headers.get(CACHE_HEADER)).toBe('hit');
  });

  it('shows a change on the next visit, and never serves a signed-in person from memory', async () => {
    await twice('/projects/innotech-master');
    const record = await (await app.request('/api/projects/innotech-master')).json();
    const put = await app.request('/api/projects/innotech-master', {
      method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Innotech : le titre a changé', status: record.status, version: record.version }),
    });
    expect(put.status).toBe(200);
    const after = await app.request('/projects/innotech-master');
    expect(after.headers.get(CACHE_HEADER)).toBe('miss');
    expect(await after.text()).toContain('Innotech : le titre a changé');
    const member = browser(app);
    await member.login('cache-reader@example.org');
    const page = await member.get('/projects/innotech-master');
    expect(page.headers.get(CACHE_HEADER)).toBeNull();
    expect(page.text).toContain('cache-reader'); // the header names the signed-in person
  });
});
