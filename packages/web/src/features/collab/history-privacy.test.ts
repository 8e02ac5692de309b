/**
 * Public history without personal data (issue 10, item 12): visitors see which organisation changed what and
 * when, never the person's name, e-mail or account id; members of the author's organisation (and platform
 * administrators) see the person. Changed fields read as labels in the reader's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { toInput } from '../../../../server/src/features/history/to-input.js';
import { createSite } from '../../site.js';

const SHEET = '/projects/innotech-master';
const API = '/api/projects/innotech-master';
const NAME = 'Agent Confidentiel', EMAIL = 'agent.confidentiel@example.org';
const ORG = 'Département de la Seine-Saint-Denis';

describe('public history: the organisation, not the person; fields as labels', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let authorId: string;
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db });
    authorId = (await makeAccount(db, EMAIL, [{ role: 'member', organisationId: 'cd93' }], { name: NAME })).id;
    await makeAccount(db, 'colleague@example.org', [{ role: 'member', organisationId: 'cd93' }], { name: 'Collègue' });
    await makeAccount(db, 'other@example.org', [{ role: 'member', organisationId: 'ville-montreuil' }], { name: 'Ailleurs' });
    await makeAccount(db, 'admin@example.org', [{ role: 'platform_admin', organisationId: null }], { name: 'Admin' });
    // the author adds a third co-financing line, then changes its funder
    const author = browser(app);
    const csrf = await author.login(EMAIL);
    const put = async (change: (p: any) => void) => {
      const p = (await author.get(API)).json;
      const body = { ...(toInput('project', p) as any), version: p.version };
      change(body);
      const r = await author.put(API, body, { 'x-csrf-token': csrf });
      expect(r.status, r.text).toBe(200);
    };
    await put((b) => b.funding.push({ funderId: 'meae', amount: '5000', currency: 'EUR', year: 2024 }));
    await put((b) => { b.funding[2].funderId = 'cd93'; });
  });
  afterAll(async () => { await db.close(); });

  const personal = [NAME, EMAIL, () => authorId];
  const leaks = (text: string) => personal.map((p) => (typeof p === 'function' ? p() : p)).filter((p) => text.includes(p));

  it('an anonymous sheet names the organisation, never the person, in fr, en and vi; the change reads as a label', async () => {
    const expected = { '': 'Cofinancement, ligne 3 : financeur', '/en': 'Co-financing, line 3: funder', '/vi': 'Đồng tài trợ, dòng 3: nhà tài trợ' };
    for (const [prefix, label] of Object.entries(expected)) {
      const html = await (await app.request(`${prefix}${SHEET}`)).text();
      const history = html.slice(html.indexOf('id="history-changes'));
      expect(leaks(html), prefix).toEqual([]);
      expect(history, prefix).toContain(ORG);
      expect(history, prefix).toContain(`<th scope="row">${label}</th>`);
      expect(history, prefix).not.toMatch(/funding\.\d|funderId|funderName/);
    }
  });

  it('the anonymous API gives the organisation and no account id or name', async () => {
    const anon = await app.request(`${API}/revisions`);
    const text = await anon.text();
    expect(leaks(text)).toEqual([]);
    const items = JSON.parse(text).items;
    expect(items[0].actor).toEqual({ kind: 'organisation', organisation: { id: 'cd93', name: ORG } });
    expect(items[0].changes.map((c: any) => c.path)).toContain('funding.2.funderId');
    expect(items.at(-1).actor).toEqual({ kind: 'system', organisation: null });
  });

  it('members of the author’s organisation and platform administrators see the person; members of others do not', async () => {
    for (const [email, sees] of [['colleague@example.org', true], ['admin@example.org', true], [EMAIL, true], ['other@example.org', false]] as const) {
      const b = browser(app);
      await b.login(email);
      const api = await b.get(`${API}/revisions`);
      expect(api.json.items[0].actor, email).toEqual(sees
        ? { kind: 'organisation', organisation: { id: 'cd93', name: ORG }, accountId: authorId, label: NAME }
        : { kind: 'organisation', organisation: { id: 'cd93', name: ORG } });
      const page = await b.get(SHEET);
      expect(page.text.includes(`${NAME} (${ORG})`), email).toBe(sees);
    }
  });
});
