import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { createSite } from '../../site.js';

/**
 * The contacts and documents of a sheet, driven as a browser without JavaScript would (forms with CSRF, 303s):
 * contacts shown only to members of the person's organisation, never to a partner, an outsider or a visitor,
 * nor in the embed, exports or search; documents public, with their kind in words, managed by those who may edit.
 */
describe('contacts and documents on the sheets', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const signedIn = async (email: string) => { const b = browser(app); await b.login(email); return b; };
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: 'contacts-pages-token' });
    await makeAccount(db, 'fr@contacts.example', [{ role: 'member', organisationId: 'cd93' }]);
    await makeAccount(db, 'vn@contacts.example', [{ role: 'member', organisationId: 'hai-duong-cp' }]);
    await makeAccount(db, 'out@contacts.example', [{ role: 'member', organisationId: 'ville-montreuil' }]);
  });
  afterAll(async () => { await db.close(); });

  it('adds a new person and an existing one, changes a role, refuses a stale version, removes; others never see them', async () => {
    const fr = await signedIn('fr@contacts.example');
    const sheet = await fr.get('/partnerships/ssd-hai-duong');
    expect(sheet.text).toContain('Gérer les contacts');
    expect(sheet.text).toContain('Aucun contact de votre organisation');
    const page = await fr.get('/edit/contacts/partnerships/ssd-hai-duong');
    expect(page.status).toBe(200);
    const csrf = csrfOf(page.text);

    // errors next to their field, what was typed kept
    const bad = await fr.form('/edit/contacts/partnerships/ssd-hai-duong', { _csrf: csrf, _action: 'create', name: '', email: 'pas-un-courriel', organisationId: 'cd93', role: 'élue' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="new-name-error"/);
    expect(bad.text).toMatch(/id="new-email-error"/);
    expect(bad.text).toContain('value="pas-un-courriel"');

    const created = await fr.form('/edit/contacts/partnerships/ssd-hai-duong', { _csrf: csrf, _action: 'create', name: 'Zéphyrine Quách', email: 'zq@contacts.example', phone: '+33 1 48 00 00 02', roleTitle: 'Chargée de mission', organisationId: 'cd93', role: 'référente technique' });
    expect(created.status, created.text).toBe(303);
    expect(created.headers.get('location')).toBe('/edit/contacts/partnerships/ssd-hai-duong?done=added#contacts-list-h');
    await db.query(`insert into person (id, name, organisation_id) values ('elu-cd93', 'Élu Départemental', 'cd93')`);
    const listed = await fr.get('/edit/contacts/partnerships/ssd-hai-duong?done=added');
    expect(listed.text).toContain('Contact ajouté.');
    expect(listed.text).toContain('<option value="elu-cd93">Élu Départemental');
    expect((await fr.form('/edit/contacts/partnerships/ssd-hai-duong', { _csrf: csrf, _action: 'add', personId: 'elu-cd93', role: 'élu' })).status).toBe(303);

    const mine = await fr.get('/partnerships/ssd-hai-duong');
    expect(mine.text).toContain('Zéphyrine Quách');
    expect(mine.text).toContain('référente technique');
    expect(mine.text).toContain('href="mailto:zq@contacts.example"');
    expect(mine.text).toContain('2 contacts de votre organisation');
    expect((await fr.get('/en/partnerships/ssd-hai-duong')).text).toContain('2 contacts from your organisation');
    expect((await fr.get('/vi/partnerships/ssd-hai-duong')).text).toContain('Người liên hệ');

    // a role change; the same form sent again with its old version is a conflict, shown with the current role
    const [{ person_id: zq }] = await db.query(`select person_id from record_contact where role = 'référente technique'`);
    expect((await fr.form('/edit/contacts/partnerships/ssd-hai-duong', { _csrf: csrf, _action: 'save', personId: zq, version: '1', role: 'référente technique et financière' })).status).toBe(303);
    const stale = await fr.form('/edit/contacts/partnerships/ssd-hai-duong', { _csrf: csrf, _action: 'save', personId: zq, version: '1', role: 'autre chose' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('value="référente technique et financière"');

    // the partner (a party, but not the person's organisation), an outsider, a visitor: nothing, not even a count
    const vn = await signedIn('vn@contacts.example');
    const out = await signedIn('out@contacts.example');
    const paths = ['/partnerships/ssd-hai-duong', '/en/partnerships/ssd-hai-duong', '/embed/partnerships/ssd-hai-duong', '/api/export/partnerships/ssd-hai-duong?format=json',
      '/api/export?format=csv&kind=partnerships', '/search?q=Zephyrine', '/api/search?q=Quach', '/api/partnerships/ssd-hai-duong/revisions'];
    for (const b of [browser(app), vn, out]) {
      for (const path of paths) {
        const r = await b.get(path);
        for (const secret of ['Zéphyrine', 'zq@contacts.example', 'Élu Départemental', 'référente', 'contacts de votre organisation']) expect(r.text, `${path}: ${secret}`).not.toContain(secret);
      }
    }
    expect((await vn.get('/vi/partnerships/ssd-hai-duong')).text).toContain('Hồ sơ này chưa có người liên hệ nào của tổ chức bạn.');
    expect((await out.get('/partnerships/ssd-hai-duong')).text).not.toContain('id="contacts-h"');
    expect((await out.get('/edit/contacts/partnerships/ssd-hai-duong')).status).toBe(403);
    const outCsrf = csrfOf((await out.get('/partnerships/ssd-hai-duong')).text);
    expect((await out.form('/edit/contacts/partnerships/ssd-hai-duong', { _csrf: outCsrf, _action: 'remove', personId: zq })).status).toBe(403);
    const vnCsrf = csrfOf((await vn.get('/partnerships/ssd-hai-duong')).text);
    const foreign = await vn.form('/edit/contacts/partnerships/ssd-hai-duong', { _csrf: vnCsrf, _action: 'remove', personId: zq });
    expect(foreign.status).toBe(404);
    expect((await browser(app).get('/edit/contacts/partnerships/ssd-hai-duong')).status).toBe(303);

    expect((await fr.form('/edit/contacts/partnerships/ssd-hai-duong', { _csrf: csrf, _action: 'remove', personId: 'elu-cd93' })).status).toBe(303);
    expect((await db.query(`select person_id from record_contact`)).map((r) => r.person_id)).toEqual([zq]);
  });

  it('lists documents with their kind in words and manages them by plain forms', async () => {
    const anon = await browser(app).get('/projects/innotech-master');
    expect(anon.text).not.toContain('Gérer les documents');
    const fr = await signedIn('fr@contacts.example');
    const sheet = await fr.get('/projects/innotech-master');
    expect(sheet.text).toContain('/edit/documents/projects/innotech-master');
    const page = await fr.get('/edit/documents/projects/innotech-master');
    const csrf = csrfOf(page.text);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];

    const hostile = await fr.form('/edit/documents/projects/innotech-master', { _csrf: csrf, _action: 'add', url: 'javascript:alert(1)', title: 'Piège', kind: 'report', version });
    expect(hostile.status).toBe(400);
    expect(hostile.text).toMatch(/id="d-add-url-error"/);
    expect(hostile.text).not.toContain('href="javascript:');
    const added = await fr.form('/edit/documents/projects/innotech-master', { _csrf: csrf, _action: 'add', url: 'https://innotech.example/convention.pdf', title: 'Convention Innotech', kind: 'agreement', version });
    expect(added.status, added.text).toBe(303);
    const stale = await fr.form('/edit/documents/projects/innotech-master', { _csrf: csrf, _action: 'add', url: 'https://innotech.example/photo.jpg', title: 'Photo', kind: 'photo', version });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('value="https://innotech.example/photo.jpg"');

    const shown = await browser(app).get('/projects/innotech-master');
    expect(shown.text).toContain('href="https://innotech.example/convention.pdf"');
    expect(shown.text).toContain('Texte de l’accord');
    expect((await browser(app).get('/en/projects/innotech-master')).text).toContain('Agreement text');
    expect((await browser(app).get('/vi/projects/innotech-master')).text).toContain('Văn bản thỏa thuận');

    const now = await fr.get('/edit/documents/projects/innotech-master');
    const n = (now.text.match(/name="position"/g) ?? []).length;
    const v2 = /name="version" value="(\d+)"/.exec(now.text)![1];
    expect((await fr.form('/edit/documents/projects/innotech-master', { _csrf: csrf, _action: 'remove', position: String(n), version: v2 })).status).toBe(303);
    expect((await browser(app).get('/projects/innotech-master')).text).not.toContain('href="https://innotech.example/convention.pdf"');
    const out = await signedIn('out@contacts.example');
    expect((await out.get('/edit/documents/projects/innotech-master')).status).toBe(403);
  });
});
