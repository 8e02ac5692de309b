/** The declaration form in-process: who may post, stale versions, and how form fields become lines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { createSite } from '../../site.js';
import { rowsFromForm } from './apd.page.js';
import { i18n } from '../../i18n/index.js';

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
    // a draft does not exist for them (404), as on GET
    expect((await post(outsider, fields)).status).toBe(404);
    expect((await site.request('/apd/cd93/2021', { method: 'POST', body: new URLSearchParams(fields) })).status).toBe(404);
    expect((await site.request('/apd/cd93/2021', { headers: { cookie: outsider.cookie } })).status).toBe(404);
    expect((await site.request('/apd/cd93/2021')).status).toBe(404);
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

  it('submits apart from the lines’ buttons, only once « Je confirme … » is ticked; then public and on the organisation sheet', async () => {
    const member = await signIn('agent2@seinesaintdenis.fr', 'cd93');
    const get = (path: string, who?: { cookie: string }) => site.request(path, { headers: who ? { cookie: who.cookie } : {} });
    const page = await (await get('/apd/cd93/2021', member)).text();
    const area = page.slice(page.indexOf('class="apd-submit"'));
    expect(area).toMatch(/<h3 id="apd-submit-h">Soumettre la déclaration<\/h3>/);
    expect(area).toContain('Total déclaré');
    expect(area).toMatch(/10\s000\s€ \(1 ligne\)/);
    expect(area).toMatch(/<input type="checkbox" id="apd-confirm" name="confirm" value="1"\/><label for="apd-confirm">Je confirme que la déclaration 2021/);
    expect(area).toContain('<button type="submit" name="action" value="submit" class="primary">Soumettre la déclaration 2021</button>');
    expect(page.slice(0, page.indexOf('class="apd-submit"'))).not.toContain('value="submit"');

    const fields = { version: '1', action: 'submit', 'lines.0.category': 'refugees', 'lines.0.amount': '10000' };
    const unconfirmed = await post(member, fields);
    expect(unconfirmed.status).toBe(400);
    const html = await unconfirmed.text();
    expect(html).toContain('<a href="#apd-confirm">Cochez « Je confirme … » pour soumettre la déclaration.</a>');
    expect(html).toMatch(/id="apd-confirm"[^>]*aria-invalid="true"/);
    expect(await db.query(`select status, version from apd_declaration where id = 'cd93-2021'`)).toEqual([{ status: 'draft', version: 1 }]);

    const org = async (who?: { cookie: string }) => { const t = await (await get('/organisations/cd93', who)).text(); return t.slice(t.indexOf('id="apd-declarations-h"')); };
    await post(member, { version: '0', action: 'save', 'lines.0.category': 'awareness', 'lines.0.amount': '5' }, '/apd/cd93/2022');
    expect(await org(member)).toMatch(/href="\/apd\/cd93\/2022">2022 \(brouillon\)/);
    expect(await org()).not.toContain('2022');
    expect(await org()).not.toContain('2021 (brouillon)');

    const done = await post(member, { ...fields, confirm: '1' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/apd/cd93/2021?done=submitted');
    expect((await db.query(`select status from apd_declaration where id = 'cd93-2021'`))[0].status).toBe('submitted');
    expect((await get('/apd/cd93/2021')).status).toBe(200);
    expect(await org()).toMatch(/href="\/apd\/cd93\/2021">2021 \(soumise le \d{1,2} [^<]+ \d{4}\)/);
    expect(await (async () => { const t = await (await get('/en/organisations/cd93')).text(); return t.slice(t.indexOf('id="apd-declarations-h"')); })()).toMatch(/2021 \(submitted on /);
  });

  it('flags the co-financing lines without a year, with links to their year field, to the funder’s members', async () => {
    const member = await signIn('agent3@seinesaintdenis.fr', 'cd93');
    const lines = await db.query<{ project_id: string }>(`select project_id from funding_line where funder_id = 'cd93' and year is null order by project_id`);
    expect(lines.length).toBeGreaterThan(0); // the seed's lines carry no year
    const html = await (await site.request('/apd/cd93/2023', { headers: { cookie: member.cookie } })).text();
    expect(html).toContain(i18n('fr').plural('apd.noYear', lines.length));
    expect(i18n('fr').plural('apd.noYear', 1)).toBe('1 ligne de cofinancement sans année ne figure dans aucune déclaration :');
    for (const l of lines) expect(html).toMatch(new RegExp(`href="/edit/projects/${l.project_id}#f-funding-\\d+-year"`));
    const project = lines[0].project_id;
    const sheet = await (await site.request(`/projects/${project}`, { headers: { cookie: member.cookie } })).text();
    expect(sheet).toMatch(/sans année ne figur/);
    expect(sheet).toContain(`href="/edit/projects/${project}#f-funding-`);
    expect(await (await site.request(`/projects/${project}`)).text()).not.toMatch(/sans année ne figur/);
  });
});
