/**
 * The Content-Security-Policy of every page: scripts and styles from this origin only (no 'unsafe-inline'), no
 * plugins, no <base>, forms post here only; embeds may be framed anywhere, other pages by this site only. The pages
 * themselves carry nothing the policy would block: no inline script (JSON-LD is data), no on*= handler, no style=.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import { TOKEN } from '../../server/test/http.js';
import type { Db } from '../../server/src/db/client.js';
import { browser, makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { createSite } from './site.js';
import type { Browser } from './features/edit/form-testkit.js';
import { blocked, expectStrict } from './csp.testkit.js';

const PAGES = ['/', '/en', '/vi/', '/projects/innotech-master', '/en/partnerships/ssd-hai-duong', '/organisations/cd93', '/territories/VN',
  '/search', '/search?q=hue', '/vi/search?q=eau', '/statistics', '/login', '/en/login', '/password-reset', '/embed-code/projects/innotech-master',
  '/apd/cd93/2024', '/no-such-page'];
const EMBEDS = ['/embed/projects/innotech-master', '/en/embed/partnerships/ssd-hai-duong', '/vi/embed/organisations/cd93', '/embed/map', '/en/embed/statistics/by-year'];
const SIGNED_IN = ['/edit/projects/innotech-master', '/new/partnerships', '/en/edit/organisations/cd93', '/account', '/admin/import', '/apd/cd93/2024'];

describe('Content-Security-Policy', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let admin: Browser;
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: TOKEN });
    await makeAccount(db, 'csp@cd93.example', [{ role: 'member', organisationId: 'cd93' }, { role: 'platform_admin', organisationId: null }], { name: 'Csp' });
    admin = browser(app); await admin.login('csp@cd93.example');
  });
  afterAll(async () => { await db?.close(); });

  it("pages: frame-ancestors 'self', X-Frame-Options, and nothing inline the policy would block", async () => {
    for (const path of PAGES) {
      const r = await app.request(path);
      expect([200, 404], path).toContain(r.status);
      expectStrict(r.headers.get('content-security-policy'), "'self'", path);
      expect(r.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(blocked(await r.text()), path).toEqual([]);
    }
  });

  it('embeds: frame-ancestors * and no X-Frame-Options, the same strict script and style rules', async () => {
    for (const path of EMBEDS) {
      const r = await app.request(path);
      expect(r.status, path).toBe(200);
      expectStrict(r.headers.get('content-security-policy'), '*', path);
      expect(r.headers.get('x-frame-options'), path).toBeNull();
      expect(blocked(await r.text()), path).toEqual([]);
    }
  });

  it('signed-in pages (edit forms, account, import, declaration) and a form re-rendered with errors', async () => {
    for (const path of SIGNED_IN) {
      const r = await admin.get(path);
      expect(r.status, path).toBe(200);
      expectStrict(r.headers.get('content-security-policy'), "'self'", path);
      expect(blocked(r.text), path).toEqual([]);
    }
    const failed = await browser(app).form('/login', { email: 'nobody@example.org', password: 'wrong password' });
    expectStrict(failed.headers.get('content-security-policy'), "'self'", 'POST /login');
    expect(blocked(failed.text)).toEqual([]);
  });
});
