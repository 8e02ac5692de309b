import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { createSite } from '../../site.js';
import { i18n } from '../../i18n/index.js';

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

  it('names who validated and when to those allowed; my side sees « Validé par vous le … » and withdraws it', async () => {
    // after the test above: cd93 validated by its own change (Agent CD93), Hải Dương validated by its member
    const [{ at }] = await db.query(`select at from validation where record_kind = 'partnership' and record_id = 'ssd-hai-duong' and organisation_id = 'cd93'`);
    const fr = browser(app);
    await fr.login('fr@example.org');
    const page = await fr.get('/partnerships/ssd-hai-duong');
    const dayFr = i18n('fr').when(new Date(at).toISOString());
    expect(page.text).toContain(`Validé par vous le ${dayFr}`);
    expect(page.text).toContain('Retirer ma validation');
    expect(page.text).not.toContain('Valider au nom de Département');
    expect(page.text).not.toContain('Cán bộ Hải Dương'); // a partner's validation: its date, not its person
    expect(page.text).toMatch(/Comité populaire[^<]*<\/a> : <strong>validé<\/strong><span class="validation-who"> — le \d/);
    expect((await fr.get('/en/partnerships/ssd-hai-duong')).text).toContain(`Validated by you on ${i18n('en').when(new Date(at).toISOString())}`);
    const vn = browser(app);
    await vn.login('vn@example.org');
    for (const other of [await browser(app).get('/partnerships/ssd-hai-duong'), await vn.get('/vi/partnerships/ssd-hai-duong')]) {
      expect(other.text).not.toContain('Agent CD93');
      expect(other.text).not.toContain('Retirer ma validation');
    }
    expect((await vn.get('/vi/partnerships/ssd-hai-duong')).text).toContain(`<span class="validation-who"> — ${i18n('vi').when(new Date(at).toISOString())}</span>`);

    const withdrawn = await fr.form('/collab/partnership/ssd-hai-duong/withdraw', { _csrf: csrfOf(page.text), organisationId: 'cd93' });
    expect(withdrawn.status).toBe(303);
    const after = await fr.get('/partnerships/ssd-hai-duong');
    expect(after.text).toContain('Valider au nom de Département');
    expect(after.text).not.toContain('Retirer ma validation');
    expect(after.text.match(/en attente de validation/g)).toHaveLength(1);
    expect((await fr.form('/collab/partnership/ssd-hai-duong/withdraw', { _csrf: csrfOf(page.text), organisationId: 'cd93' })).status).toBe(409);
    const refused = await vn.form('/vi/collab/partnership/ssd-hai-duong/withdraw', { _csrf: csrfOf((await vn.get('/vi/partnerships/ssd-hai-duong')).text), organisationId: 'hai-duong-cp' });
    expect(refused.status).toBe(303); // its own side: allowed
  });

  it('shows the comment with the change request', async () => {
    const vn = browser(app);
    await vn.login('vn@example.org');
    const page = await vn.get('/partnerships/ssd-hai-duong');
    const r = await vn.form('/collab/partnership/ssd-hai-duong/validate', { _csrf: csrfOf(page.text), organisationId: 'hai-duong-cp', state: 'changes_requested', comment: 'Ajouter la date de signature.' });
    expect(r.status).toBe(303);
    const anon = await browser(app).get('/partnerships/ssd-hai-duong');
    expect(anon.text).toMatch(/<strong>modifications demandées<\/strong><span class="validation-who"> — le [^<]+<\/span>/);
    expect(anon.text).toMatch(/Modifications demandées :<\/p><p>Ajouter la date de signature\.<\/p>/);
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
