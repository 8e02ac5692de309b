/**
 * Unknown paths and errors answer pages in the site's layout and the visitor's language, with a doctype; the API
 * keeps its JSON.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { createSite } from './site.js';

describe('error pages', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('an unknown path is a 404 page in fr, en and vi; under /api it stays JSON', async () => {
    const app = createSite({ db });
    for (const [path, text] of [['/nulle-part', 'Cette page n’existe pas.'], ['/en/nowhere', 'This page does not exist.'], ['/vi/khong-co', 'Trang này không tồn tại.']]) {
      const res = await app.request(path!);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain(text);
    }
    const api = await app.request('/api/nowhere');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'no route for GET /api/nowhere' });
  });

  it('a signed-out visitor meeting a members-only 404 (an APD draft) is offered to sign in and come back', async () => {
    const app = createSite({ db });
    const res = await app.request('/en/apd/ville-cergy/2031');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Some pages (drafts, contacts, registrations) are for members only');
    expect(html).toContain(`href="/en/login?returnTo=${encodeURIComponent('/en/apd/ville-cergy/2031')}"`);
  });

  it('the icon browsers ask for exists (no 404 in every page\'s console) and every page names it', async () => {
    const app = createSite({ db });
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    expect(await (await app.request('/en/')).text()).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
  });

  it('a failure inside a page is a 500 page in the visitor\'s language, never raw JSON; the API answers JSON', async () => {
    // the database fails under the page (as a lost connection would)
    const failing = new Proxy(db, { get: (t, k) => (k === 'query' ? async () => { throw new Error('simulated failure'); } : Reflect.get(t, k)) });
    const app = createSite({ db: failing });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const [path, text] of [['/projects/innotech-master', 'Erreur du serveur'], ['/en/projects/innotech-master', 'Server error'], ['/vi/projects/innotech-master', 'Lỗi máy chủ']]) {
        const res = await app.request(path!);
        expect(res.status, path).toBe(500);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        const html = await res.text();
        expect(html).toMatch(/^<!doctype html>/i);
        expect(html).toContain(text);
        expect(html).not.toContain('simulated failure');
      }
      const api = await app.request('/api/projects/innotech-master');
      expect(api.status).toBe(500);
      expect(await api.json()).toEqual({ error: 'internal error' });
    } finally { quiet.mockRestore(); }
  });
});
