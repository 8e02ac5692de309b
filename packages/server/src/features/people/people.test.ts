import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { createApp } from '../../app.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

/** People: members only; RGPD export and erasure, audited; the records that mention them stay. */
describe('people (personal data)', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, adminToken: 'people-admin' });
    await makeAccount(db, 'member@cd93.example', [{ role: 'member', organisationId: 'cd93' }]);
    await makeAccount(db, 'admin@tandem.example', [{ role: 'platform_admin', organisationId: null }]);
  });
  afterAll(async () => { await db.close(); });

  it('hides people from the public, shows them to members, exports and erases on request', async () => {
    const anon = browser(app);
    expect((await anon.get('/api/people')).status).toBe(401);

    const member = browser(app);
    const csrf = await member.login('member@cd93.example');
    const h = { 'x-csrf-token': csrf };
    const created = await member.post('/api/people', { name: 'Nguyễn Thị Lan', email: 'lan@example.org', phone: '+33 1 23 45 67 89', organisationId: 'cd93', roleTitle: 'Chargée de mission' }, h);
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(id).toBe('nguyen-thi-lan');
    expect((await anon.get(`/api/people/${id}`)).status).toBe(401);
    expect((await member.get(`/api/people/${id}`)).json).toMatchObject({ name: 'Nguyễn Thị Lan', email: 'lan@example.org', erased: false });
    expect((await anon.get('/api/search?q=Nguyen%20Thi%20Lan')).json.total).toBe(0);
    await member.put(`/api/people/${id}`, { name: 'Nguyễn Thị Lan', email: 'lan@example.org', organisationId: 'cd93', roleTitle: 'Responsable', version: 1 }, h);

    const exported = await member.get(`/api/people/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.json.person).toMatchObject({ name: 'Nguyễn Thị Lan', roleTitle: 'Responsable' });
    expect(exported.json.revisions.map((r: any) => r.action)).toEqual(['create', 'update']);

    expect((await member.post(`/api/people/${id}/erase`, {}, h)).status).toBe(403);
    const admin = browser(app);
    const adminCsrf = await admin.login('admin@tandem.example');
    const erased = await admin.post(`/api/people/${id}/erase`, {}, { 'x-csrf-token': adminCsrf });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ id, name: 'Personne anonymisée', email: null, phone: null, roleTitle: null, erased: true });
    const leftovers = await db.query(`select count(*)::int as n from revision where record_kind = 'person' and record_id = $1 and (before::text like '%Lan%' or after::text like '%Lan%')`, [id]);
    expect(leftovers[0].n).toBe(0);
    const log = await db.query(`select action from audit_log where target_kind = 'person' and target_id = $1 order by id`, [id]);
    expect(log.map((r) => r.action)).toEqual(['person_exported', 'person_erased']);
  });
});
