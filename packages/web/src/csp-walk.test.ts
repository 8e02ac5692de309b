/**
 * The Content-Security-Policy of every kind of page, walked as a visitor (public pages and what they link to), as a
 * member, a network administrator and a platform administrator (workspace, edit, admin, events, surveys, registration,
 * extraction), embeds, and the error pages (400, 403, 404, 413, 503): each answer carries the strict policy (scripts
 * and styles from this origin, no 'unsafe-inline'; frame-ancestors * for embeds only, 'self' elsewhere with
 * X-Frame-Options) and no page holds an inline <script> without src, an on*= handler or a style attribute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { Admission } from '../../server/src/lib/admission.js';
import { createSite } from './site.js';
import { blocked, expectStrict } from './csp.testkit.js';
import { walk, walkPeople, type Seen, type Who } from './site-walk.testkit.js';

const PUBLIC = ['/', '/en', '/vi', '/search?q=eau', '/statistics', '/groups', '/groups/cuf', '/news', '/funding-calls', '/who-else', '/open-data',
  '/open-data/api', '/events/assises-12', '/series/assises-franco-vietnamiennes', '/surveys/sondage-assises-12/results', '/projects/innotech-master',
  '/partnerships/ssd-hai-duong', '/organisations/cd93', '/territories/VN', '/missions', '/login', '/password-reset', '/embed-code/map'];
const EMBEDS = ['/embed/map', '/embed/projects/innotech-master', '/vi/embed/organisations/cd93', '/en/embed/statistics/by-year'];
const EMBED = /^\/(en\/|vi\/)?embed\//;

describe('Content-Security-Policy of every page kind', () => {
  let db: Db;
  let site: ReturnType<typeof createSite>;
  let who: Record<string, Who>;
  let start: string[];
  const problems: string[] = [];
  let htmlPages = 0;

  /** Every answer: the strict policy; an HTML page: X-Frame-Options unless an embed, and nothing inline. */
  function check(p: Pick<Seen, 'path' | 'headers' | 'html'>) {
    const embed = EMBED.test(p.path);
    try { expectStrict(p.headers.get('content-security-policy'), embed ? '*' : "'self'", p.path); } catch (e) { problems.push(`${p.path}: ${(e as Error).message.split('\n')[0]}`); }
    if (!(p.headers.get('content-type') ?? '').startsWith('text/html')) return;
    htmlPages++;
    if (p.headers.get('x-frame-options') !== (embed ? null : 'SAMEORIGIN')) problems.push(`${p.path}: X-Frame-Options ${p.headers.get('x-frame-options')}`);
    for (const b of blocked(p.html)) problems.push(`${p.path}: ${b}`);
  }
  const request = async (path: string, init?: RequestInit, app = site) => {
    const r = await app.request(path, init);
    const seen = { path, status: r.status, headers: r.headers, html: await r.text() };
    check(seen);
    return seen;
  };

  beforeAll(async () => {
    db = await testDb();
    site = createSite({ db, maxBodyBytes: 64 * 1024 });
    ({ who, start } = await walkPeople(db));
  }, 120_000);
  afterAll(async () => { await db?.close(); });

  it('public pages and what they link to, embeds, and the signed-in pages of three roles', async () => {
    const visitor = await walk(site, [...PUBLIC, ...EMBEDS], undefined, { follow: /^\/(?!logout)/, max: 160 });
    for (const p of visitor) check(p);
    expect(visitor.filter((p) => p.status === 200).length).toBeGreaterThan(100);
    for (const key of ['member', 'network', 'platform']) {
      const pages = await walk(site, start, who[key]);
      for (const p of pages) check(p);
      expect(pages.filter((p) => p.status === 200).length, key).toBeGreaterThan(start.length - 8);
    }
    expect(problems).toEqual([]);
    console.log(`CSP: ${htmlPages} HTML pages checked`);
  }, 300_000);

  it('error pages: 400, 403, 404, 413 and 503 carry the same policy and nothing inline', async () => {
    const cases: Array<[number, Promise<Seen>]> = [
      [400, request('/search?q=%E0%A4%A')],
      [400, request('/en/organisations/cd%00x')],
      [403, request('/login', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.fr&password=x' })],
      [404, request('/no-such-page')],
      [404, request('/vi/projects/no-such-project')],
      [404, request('/embed/projects/no-such-project')],
      [413, request('/login', { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${'a'.repeat(70 * 1024)}` })],
    ];
    for (const [status, seen] of cases) expect((await seen).status, (await seen).path).toBe(status);
    const member = await site.request('/admin/comptes', { headers: { cookie: who.member!.cookie } });
    check({ path: '/admin/comptes (member)', headers: member.headers, html: await member.text() });
    expect(member.status).toBe(403);

    const admission = new Admission({ maxInflight: 1, maxQueue: 0, maxWaitMs: 1000 });
    const busy = createSite({ db, admission });
    expect(await admission.acquire()).toBe(true);
    try {
      expect((await request('/en/search?q=hue', undefined, busy)).status).toBe(503);
    } finally { admission.release(); }
    expect(problems).toEqual([]);
  });
});
