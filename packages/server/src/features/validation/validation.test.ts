/**
 * Partner validation over the API: who and when, shown by the history's privacy rule (the person to members of
 * that party, to the person and to platform administrators; others see the organisation and the date), and the
 * withdrawal of a validation (back to awaiting, audited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

const URL = '/api/partnerships/ssd-hai-duong/validations';

describe('partner validation: who, when, withdraw', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  const as = async (email: string) => { const b = browser(app); const token = await b.login(email); return { b, h: { 'x-csrf-token': token } }; };
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db });
    await makeAccount(db, 'agent@cd93.fr', [{ role: 'member', organisationId: 'cd93' }], { name: 'Agent Seine-Saint-Denis' });
    await makeAccount(db, 'collegue@cd93.fr', [{ role: 'member', organisationId: 'cd93' }], { name: 'Collègue CD93' });
    await makeAccount(db, 'can-bo@haiduong.vn', [{ role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Nguyễn Thị Lan' });
    await makeAccount(db, 'admin@tandem.test', [{ role: 'platform_admin', organisationId: null }], { name: 'Admin Plateforme' });
  });
  afterAll(async () => { await db.close(); });

  const party = (items: any[], org: string) => items.find((v) => v.organisationId === org);

  it('shows who validated and when, the person only to those allowed', async () => {
    const agent = await as('agent@cd93.fr');
    const before = Date.now();
    const r = await agent.b.post(URL, { organisationId: 'cd93', state: 'validated' }, agent.h);
    expect(r.status, r.text).toBe(200);
    const mine = party(r.json.items, 'cd93');
    expect(mine).toMatchObject({ state: 'validated', by: { name: 'Agent Seine-Saint-Denis' } });
    expect(Date.parse(mine.at)).toBeGreaterThanOrEqual(before - 5000);

    const seen = async (email: string | null) => party((await (email ? (await as(email)).b : browser(app)).get(URL)).json.items, 'cd93');
    expect((await seen('collegue@cd93.fr')).by).toMatchObject({ name: 'Agent Seine-Saint-Denis' });
    expect((await seen('admin@tandem.test')).by).toMatchObject({ name: 'Agent Seine-Saint-Denis' });
    for (const other of [null, 'can-bo@haiduong.vn']) {
      const v = await seen(other);
      expect(v).toMatchObject({ state: 'validated', by: null, at: mine.at });
      expect(JSON.stringify(v)).not.toContain('Agent');
    }
  });

  it('keeps the comment of a change request, with who and when', async () => {
    const vn = await as('can-bo@haiduong.vn');
    const r = await vn.b.post(URL, { organisationId: 'hai-duong-cp', state: 'changes_requested', comment: 'Préciser la date de la convention.' }, vn.h);
    expect(party(r.json.items, 'hai-duong-cp')).toMatchObject({ state: 'changes_requested', comment: 'Préciser la date de la convention.', by: { name: 'Nguyễn Thị Lan' } });
    expect(party((await browser(app).get(URL)).json.items, 'hai-duong-cp')).toMatchObject({ state: 'changes_requested', comment: 'Préciser la date de la convention.', by: null });
  });

  it('withdraws a validation: members of that party only, back to awaiting, audited; twice is 409', async () => {
    const vn = await as('can-bo@haiduong.vn');
    const refused = await vn.b.post(`${URL}/withdraw`, { organisationId: 'cd93' }, vn.h);
    expect(refused.status).toBe(403);
    expect(party((await browser(app).get(URL)).json.items, 'cd93').state).toBe('validated');
    expect([401, 403]).toContain((await browser(app).post(`${URL}/withdraw`, { organisationId: 'cd93' })).status); // signed out (the matrix test pins 401)
    expect((await vn.b.post(`${URL}/withdraw`, { organisationId: 'nobody' }, vn.h)).json.issues).toEqual([expect.objectContaining({ path: 'organisationId' })]);
    expect((await vn.b.post(`${URL}/withdraw`, {}, vn.h)).json.issues).toEqual([expect.objectContaining({ path: 'organisationId' })]);

    const colleague = await as('collegue@cd93.fr');
    const r = await colleague.b.post(`${URL}/withdraw`, { organisationId: 'cd93' }, colleague.h);
    expect(r.status, r.text).toBe(200);
    expect(party(r.json.items, 'cd93')).toMatchObject({ state: 'awaiting', by: null, comment: null });
    const again = await colleague.b.post(`${URL}/withdraw`, { organisationId: 'cd93' }, colleague.h);
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/nothing to withdraw/);

    const log = await db.query(`select a.name, l.action, l.details from audit_log l join account a on a.id = l.actor_account_id
      where l.target_kind = 'partnership' and l.target_id = 'ssd-hai-duong' order by l.id`);
    expect(log.map((x) => [x.name, x.action, x.details.organisationId])).toEqual([
      ['Agent Seine-Saint-Denis', 'validation_given', 'cd93'], ['Nguyễn Thị Lan', 'validation_changes_requested', 'hai-duong-cp'], ['Collègue CD93', 'validation_withdrawn', 'cd93']]);
  });

  it('is in the OpenAPI document for both kinds', async () => {
    const paths = (await browser(app).get('/api/openapi.json')).json.paths;
    for (const kind of ['partnerships', 'projects']) expect(paths[`/api/${kind}/{id}/validations/withdraw`].post.security).toBeDefined();
  });
});
