/** The declaration form in-process: who may post, stale versions, and how form fields become lines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { createSite } from '../../site.js';
import { rowsFromForm } from './apd.page.js';

describe('yearly aid declaration form', () => {
  let db: Db;
  let site: ReturnType<typeof createSite>;
  const signIn = async (email: string, org: string) => {
    const a = await createAccount(db, { email, name: email });
    await addGrant(db, a.id, { role: 'member', organisationId: org }, null);
    const { token, session } = await createSession(db, a.id);
    return { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
  };
  const post = (who: { cookie: string; csrf: string }, fields: Record<string, string>, path = '/apd/cd93/2021') =>
    site.request(path, { method: 'POST', headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString() });
  const stored = () => db.query(`select d.version, l.category, l.amount::text as amount from apd_declaration d join apd_line l on l.declaration_id = d.id where d.id = 'cd93-2021' order by l.position`);

  beforeAll(async () => { db = await testDb(); site = createSite({ db }); });
  afterAll(async () => { await db.close(); });

  it('reads the lines in field order, drops the removed ones, upper-cases codes', () => {
    expect(rowsFromForm({
      'lines.10.category': 'awareness', 'lines.10.amount': '3', 'lines.2.category': 'refugees', 'lines.2.amount': '2', 'lines.2.country': ' sn ',
      'lines.5.category': 'cooperation', 'lines.5.remove': '1', 'lines.2.currency': 'eur', other: 'x', 'lines.x.amount': '9',
    })).toEqual([
      { category: 'refugees', country: 'sn', amount: '2', currency: 'EUR', note: '', projectId: '' },
      { category: 'awareness', country: '', amount: '3', currency: 'EUR', note: '', projectId: '' },
    ]);
  });

  it('refuses a post by a member of another organisation, and by nobody, storing nothing', async () => {
    const outsider = await signIn('agent@montreuil.fr', 'ville-montreuil');
    const fields = { version: '0', action: 'save', 'lines.0.category': 'refugees', 'lines.0.amount': '10' };
    const res = await post(outsider, fields);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Vous n’êtes pas membre de cette collectivité');
    expect((await site.request('/apd/cd93/2021', { method: 'POST', body: new URLSearchParams(fields) })).status).toBe(401);
    expect(await db.query('select 1 from apd_declaration')).toEqual([]);
  });

  it('saves, then keeps the rows and says so when the version is stale', async () => {
    const member = await signIn('agent@seinesaintdenis.fr', 'cd93');
    const saved = await post(member, { version: '0', action: 'save', 'lines.0.category': 'refugees', 'lines.0.amount': '10 000', 'lines.1.category': '', 'lines.1.amount': '' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/apd/cd93/2021?done=saved');
    expect(await stored()).toEqual([{ version: 1, category: 'refugees', amount: '10000.00' }]);

    const stale = await post(member, { version: '0', action: 'save', 'lines.0.category': 'awareness', 'lines.0.amount': '99' }, '/en/apd/cd93/2021');
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Someone else changed this declaration');
    expect(html).toMatch(/<option value="awareness" selected/);
    expect(await stored()).toEqual([{ version: 1, category: 'refugees', amount: '10000.00' }]);

    const bad = await post(member, { version: '1', action: 'submit', 'lines.0.category': 'awareness', 'lines.0.amount': '-5' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="lines-0-amount"[^>]*aria-invalid="true"/);
    expect((await db.query(`select status from apd_declaration`))[0].status).toBe('draft');
  });
});
