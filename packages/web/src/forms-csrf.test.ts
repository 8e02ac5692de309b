/**
 * CSRF on every form: every <form method="post"> the pages show a member, a network administrator and a platform
 * administrator (workspace, edit pages, members, accounts, import, declaration, events and their organisers' pages,
 * registration, surveys, funding alerts, extraction…) carries the session's CSRF token; each such form posted without
 * it, with a forged one, with it from a foreign Origin, or flagged cross-site by the browser (Sec-Fetch-Site) is refused
 * with 403 and changes nothing in the database. Public forms (sign-in, registration, survey answers, saved searches)
 * have no session to tie a token to: a foreign Origin or a cross-site post is refused there, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { createSite } from './site.js';
import { fingerprint, postForm, postForms, walk, walkPeople, type Form, type Who } from './site-walk.testkit.js';

const FOREIGN = 'https://evil.example';

describe('CSRF on every form', () => {
  let db: Db;
  let site: ReturnType<typeof createSite>;
  let who: Record<string, Who>;
  let start: string[];
  const formsOf = async (w: Who | undefined) => (await walk(site, start, w)).filter((p) => p.status === 200).flatMap((p) => postForms(p.path, p.html));

  beforeAll(async () => {
    db = await testDb();
    site = createSite({ db });
    ({ who, start } = await walkPeople(db));
  }, 120_000);
  afterAll(async () => { await db?.close(); });

  it('every POST form a member, a network administrator or a platform administrator sees carries the CSRF token, and without it (or from another site) is refused, changing nothing', async () => {
    const actions = new Map<string, { form: Form; w: Who }>();
    for (const key of ['member', 'network', 'platform']) {
      const w = who[key]!;
      const forms = await formsOf(w);
      const missing = forms.filter((f) => !f.fields.some(([k, v]) => k === '_csrf' && v === w.csrf)).map((f) => `${f.page}: ${f.html}`);
      expect(missing, key).toEqual([]);
      for (const f of forms) if (!actions.has(f.action.split('?')[0]!)) actions.set(f.action.split('?')[0]!, { form: f, w });
    }
    // every kind of form named in the brief was found (a walk that finds none proves nothing)
    const found = [...actions.keys()].join('\n');
    for (const kind of [/^\/espace\/organisations\/cd93\/membres$/m, /^\/admin\/comptes$/m, /^\/admin\/import$/m, /^\/apd\/cd93\/2024$/m, /^\/edit\/projects\//m,
      /^\/new\/events$/m, /^\/espace\/groups\/cuf$/m, /^\/events\/[^/]+\/register$/m, /^\/espace\/events\/[^/]+\/(inscriptions|formulaire|programme)$/m,
      /^\/espace\/surveys\//m, /^\/surveys\/[^/]+\/start$/m, /^\/survey-responses\//m, /^\/registrations\//m, /^\/espace\/extract$/m,
      /^\/espace\/extractions\/[^/]+\/apply$/m, /^\/funding-calls\/alerts\/new$/m, /^\/account\/tokens$/m, /^\/logout$/m, /^\/collab\//m]) {
      expect(found, String(kind)).toMatch(kind);
    }
    expect(actions.size).toBeGreaterThan(25);
    console.log(`CSRF: ${actions.size} form actions of signed-in pages, each posted 4 ways`);

    const before = await fingerprint(db);
    const refused: string[] = [];
    for (const [action, { form, w }] of actions) {
      const tries = [
        postForm(site, form, w), // no token
        postForm(site, { ...form, fields: [...form.fields.filter(([k]) => k !== '_csrf'), ['_csrf', 'x'.repeat(43)]] }, w), // a forged token
        postForm(site, form, w, { token: true, headers: { origin: FOREIGN } }), // the token, from another origin
        postForm(site, form, w, { token: true, headers: { 'sec-fetch-site': 'cross-site' } }), // the token, sent cross-site
      ];
      for (const [n, r] of (await Promise.all(tries)).entries()) if (r.status !== 403) refused.push(`${action} (try ${n}): ${r.status}`);
    }
    expect(refused).toEqual([]);
    expect(await fingerprint(db)).toEqual(before);

    // the same form with its token from this site is not refused by the check (a validation error at most)
    const alerts = actions.get('/funding-calls/alerts/new')!;
    expect((await postForm(site, { ...alerts.form, fields: [['email', 'not an address']] }, alerts.w, { token: true })).status).toBe(400);
  }, 300_000);

  it('public forms (sign-in, registration, survey answers, saved searches, password reset) refuse a foreign Origin or a cross-site post, changing nothing', async () => {
    const forms = [...await formsOf(undefined), ...postForms('/login', await (await site.request('/login')).text()), ...postForms('/password-reset', await (await site.request('/password-reset')).text())];
    const actions = new Map(forms.map((f) => [f.action.split('?')[0]!, f]));
    const found = [...actions.keys()].join('\n');
    for (const kind of [/^\/login$/m, /^\/password-reset$/m, /^\/events\/[^/]+\/register$/m, /^\/surveys\/[^/]+\/start$/m, /^\/survey-responses\//m, /^\/registrations\//m, /^\/funding-calls\/alerts\/new$/m]) {
      expect(found, String(kind)).toMatch(kind);
    }
    const before = await fingerprint(db);
    const refused: string[] = [];
    for (const [action, form] of actions) {
      for (const headers of [{ origin: FOREIGN }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null', 'sec-fetch-site': 'cross-site' }] as Array<Record<string, string>>) {
        const r = await postForm(site, form, undefined, { headers });
        if (r.status !== 403) refused.push(`${action} ${JSON.stringify(headers)}: ${r.status}`);
      }
    }
    expect(refused).toEqual([]);
    expect(await fingerprint(db)).toEqual(before);
  }, 300_000);
});
