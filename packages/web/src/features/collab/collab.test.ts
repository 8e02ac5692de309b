import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { createSite } from '../../site.js';

/** The sheet's validation and history blocks, driven as a browser would (forms with CSRF, redirects). */
describe('validation and history on the public sheet', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: 'collab-token' });
    await makeAccount(db, 'fr@example.org', [{ role: 'member', organisationId: 'cd93' }], { name: 'Agent CD93' });
    await makeAccount(db, 'vn@example.org', [{ role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Cán bộ Hải Dương' });
  });
  afterAll(async () => { await db.close(); });

  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  it('shows each party awaiting, lets the partner validate, and a change resets it', async () => {
    const anon = browser(app);
    const page = await anon.get('/partnerships/ssd-hai-duong');
    expect(page.text).toContain('Validation par les partenaires');
    expect(page.text.match(/en attente de validation/g)).toHaveLength(2);
    expect(page.text).not.toContain('Valider au nom de');

    const fr = browser(app);
    const token = await fr.login('fr@example.org');
    const current = (await fr.get('/api/partnerships/ssd-hai-duong')).json;
    const upd = await fr.put('/api/partnerships/ssd-hai-duong', { title: current.title, kind: current.kind, status: current.status, summary: 'Résumé mis à jour par le Département.',
      parties: current.parties.map((p: any) => ({ organisationId: p.organisationId, side: p.side })), agreements: current.agreements.map(({ id, ...a }: any) => a), version: current.version }, { 'x-csrf-token': token });
    expect(upd.status).toBe(200);

    const vn = browser(app);
    await vn.login('vn@example.org');
    const vnPage = await vn.get('/vi/partnerships/ssd-hai-duong');
    expect(vnPage.text).toContain('đang chờ xác nhận');
    expect(vnPage.text).toContain('Xác nhận thay mặt Comité populaire');
    const noCsrf = await vn.form('/collab/partnership/ssd-hai-duong/validate', { organisationId: 'hai-duong-cp', state: 'validated' });
    expect(noCsrf.status).toBe(403);
    const ok = await vn.form('/vi/collab/partnership/ssd-hai-duong/validate', { _csrf: csrfOf(vnPage.text), organisationId: 'hai-duong-cp', state: 'validated' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/vi/partnerships/ssd-hai-duong?saved=validated');
    expect((await vn.get(ok.headers.get('location')!)).text).toContain('<div class="notice notice-success" role="status"><p>Đã lưu xác nhận.</p></div>');
    const after = await anon.get('/partnerships/ssd-hai-duong');
    expect(after.text.match(/<strong>validé<\/strong>/g)).toHaveLength(2);

    // the French side may not validate on behalf of the Vietnamese committee
    const frPage = await fr.get('/partnerships/ssd-hai-duong');
    const refused = await fr.form('/collab/partnership/ssd-hai-duong/validate', { _csrf: csrfOf(frPage.text), organisationId: 'hai-duong-cp', state: 'validated' });
    expect(refused.status).toBe(403);
  });

  it('shows the revision with its diff and restores it as a new revision', async () => {
    const fr = browser(app);
    await fr.login('fr@example.org');
    const page = await fr.get('/partnerships/ssd-hai-duong');
    expect(page.text).toContain('Historique des modifications');
    expect(page.text).toMatch(/<th scope="row">Résumé<\/th><td><del>[^<]*<\/del><\/td><td><ins>Résumé mis à jour par le Département\.<\/ins>/);
    const restoreAction = /action="(\/collab\/partnership\/ssd-hai-duong\/restore\/\d+)"/.exec(page.text)![1];
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    const r = await fr.form(restoreAction, { _csrf: csrfOf(page.text), version });
    expect(r.status).toBe(303);
    const restored = (await fr.get('/api/partnerships/ssd-hai-duong')).json;
    expect(restored.summary).not.toBe('Résumé mis à jour par le Département.');
    const revs = (await fr.get('/api/partnerships/ssd-hai-duong/revisions')).json.items;
    expect(revs[0].action).toBe('restore');
    const stale = await fr.form(restoreAction, { _csrf: csrfOf(page.text), version });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('L’action n’a pas abouti');
  });
});
