/** Who else (issue 15): ranking by closeness (the 2025 reform both ways, child, parent), themes, the API's 400s, contact by mail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import { createApp } from '../../app.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { smtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { whoElse, type WhoActor } from './who.service.js';

let db: Db; let sink: SmtpSink;
beforeAll(async () => {
  db = await testDb(); sink = await smtpSink();
  process.env.SMTP_URL = sink.url; process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>';
  // three projects with their own participants: at the new Hải Phòng (after the reform), at Vietnam (the parent), in a commune of Hải Dương (a child)
  for (const [org, place] of [['who-after', 'VN-2025-31'], ['who-parent', 'VN'], ['who-child', 'VN-C-hai-duong']]) {
    await db.query(`insert into organisation (id, kind, name, country) values ($1, 'ngo', $1, 'VN')`, [org]);
    await db.query(`insert into project (id, title, status, themes) values ($1, $1, 'ongoing', '{env.eau-dechets}')`, [`p-${org}`]);
    await db.query('insert into project_place (project_id, territory_id) values ($1, $2)', [`p-${org}`, place]);
    await db.query(`insert into project_participant (project_id, organisation_id, role) values ($1, $2, 'lead')`, [`p-${org}`, org]);
  }
}, 60_000);
afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; await sink.close(); await db?.close(); });

const find = (items: WhoActor[], id: string) => items.find((i) => i.organisation.id === id)!;

describe('ranking', () => {
  it('Hải Dương: same place first, then across the 2025 reform, then a child, then the parent (counts less)', async () => {
    const r = await whoElse(db, { territory: 'VN-P-30', limit: 100 }, null);
    const same = find(r.items, 'hai-duong-cp'), after = find(r.items, 'who-after'), child = find(r.items, 'who-child'), parent = find(r.items, 'who-parent');
    expect(r.items[0].reasons[0].code).toBe('place.same');
    expect(same.score).toBeGreaterThan(after.score);
    expect(after.score).toBeGreaterThan(child.score);
    expect(child.score).toBeGreaterThan(parent.score);
    expect(after.reasons[0]).toMatchObject({ code: 'place.reform.absorbed', params: { kind: 'project', place: 'Hải Phòng', other: 'Hải Dương', year: 2025 } });
    expect(parent.reasons[0].code).toBe('place.parent');
    expect(same.contactable).toBe(false); // anonymous
  });
  it('Hải Phòng (2025): the partnerships at Hải Dương count as the same territory after the reform', async () => {
    const r = await whoElse(db, { territory: 'VN-2025-31', limit: 100 }, null);
    const cd93 = find(r.items, 'cd93');
    expect(cd93.partnerships.map((p) => p.id)).toContain('ssd-hai-duong');
    expect(cd93.reasons).toContainEqual(expect.objectContaining({ code: 'place.reform.became', params: { kind: 'partnership', place: 'Hải Dương', other: 'Hải Phòng', year: 2025 } }));
    expect(find(r.items, 'who-after').score).toBeGreaterThan(cd93.score);
  });
  it('themes: exact > sub-theme > parent, with labels in the reader\'s language', async () => {
    const r = await whoElse(db, { theme: 'env.eau-dechets', lang: 'en', limit: 100 }, null);
    expect(find(r.items, 'who-after').reasons[0].code).toBe('theme.same');
    expect(find(r.items, 'cd93').reasons.map((x) => x.code)).toContain('theme.sub');
    const p = await whoElse(db, { theme: 'env.eau-dechets.assainissement', limit: 100 }, null);
    expect(find(p.items, 'who-after').reasons[0].code).toBe('theme.parent');
    expect(find(p.items, 'cd93').score).toBeGreaterThan(find(p.items, 'who-after').score);
    const both = await whoElse(db, { territory: 'VN-P-30', theme: 'env.eau-dechets' }, null);
    expect(both.items.every((i) => i.reasons.some((x) => x.code.startsWith('place.')) && i.reasons.some((x) => x.code.startsWith('theme.')))).toBe(true);
  });
});

describe('API', () => {
  it('400 naming the field: neither, unknown territory, unknown theme, bad limit', async () => {
    const api = client(db);
    const none = await api.get('/api/who-else');
    expect(none.status).toBe(400); expect(none.json.issues[0].path).toBe('territory');
    expect((await api.get('/api/who-else?territory=nowhere')).json.issues[0].path).toBe('territory');
    expect((await api.get('/api/who-else?theme=nothing')).json.issues[0].path).toBe('theme');
    expect((await api.get('/api/who-else?territory=VN&limit=0')).json.issues[0].path).toBe('limit');
    const ok = await api.get('/api/who-else?territory=VN-P-30&limit=3');
    expect(ok.status).toBe(200); expect(ok.json.items).toHaveLength(3);
  });

  it('contact: anonymous 401; a member writes, each member of the organisation gets it, nobody\'s address in the answer', async () => {
    await makeAccount(db, 'to-hd@tandem.test', [{ role: 'member', organisationId: 'hai-duong-cp' }], { lang: 'en' });
    await makeAccount(db, 'from-93@tandem.test', [{ role: 'member', organisationId: 'cd93' }], { name: 'Alice Martin' });
    const app = createApp({ db });
    const anon = browser(app);
    const body = { organisationId: 'hai-duong-cp', message: 'Bonjour, parlons assainissement.', about: 'Hải Dương' };
    expect((await anon.post('/api/who-else/contact', body)).status).toBe(401);
    const b = browser(app);
    const csrf = await b.login('from-93@tandem.test');
    expect((await b.post('/api/who-else/contact', { ...body, organisationId: 'nobody' }, { 'x-csrf-token': csrf })).json.issues[0].path).toBe('organisationId');
    const r = await b.post('/api/who-else/contact', body, { 'x-csrf-token': csrf });
    expect(r.status).toBe(202);
    expect(r.text).not.toContain('to-hd@');
    const m = await sink.next((x) => x.subject?.includes('Alice Martin') ?? false);
    expect((m.to as { text: string }).text).toBe('to-hd@tandem.test');
    expect(m.replyTo?.text).toContain('from-93@tandem.test');
    expect(m.text).toContain('Bonjour, parlons assainissement.');
    expect(m.text).toContain('Département de la Seine-Saint-Denis');
    expect(sink.messages.filter((x) => x.subject?.includes('Alice Martin'))).toHaveLength(1);
    const [a] = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'who_else_contact' and target_id = 'hai-duong-cp'`);
    expect(a.n).toBe(1);
    expect((await b.post('/api/who-else/contact', body, { 'x-csrf-token': csrf })).status).toBe(202);
    expect((await b.post('/api/who-else/contact', body, { 'x-csrf-token': csrf })).status).toBe(429);
  });
});
