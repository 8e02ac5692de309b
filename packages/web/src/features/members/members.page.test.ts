/** The members page and the accounts page in-process, through their plain forms (no JavaScript): who sees what, each action and its confirmation, errors by field. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import type { Grant } from '../../../../server/src/lib/actor.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { createSite } from '../../site.js';

type Who = { id: string; cookie: string; csrf: string };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/\s+/g, ' ');

describe('members page (/espace/organisations/:id/membres) and accounts page (/admin/comptes)', () => {
  let db: Db;
  let site: ReturnType<typeof createSite>;
  const who: Record<string, Who> = {};
  const signIn = async (key: string, email: string, name: string, grants: Grant[]) => {
    const a = await createAccount(db, { email, name, password: 'correct horse battery staple' });
    for (const g of grants) await addGrant(db, a.id, g, null);
    const { token, session } = await createSession(db, a.id);
    who[key] = { id: a.id, cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
  };
  const get = (path: string, w?: Who) => site.request(path, { headers: w ? { cookie: w.cookie } : {} });
  const post = (path: string, w: Who, form: Record<string, string>, csrf = true) => site.request(path, {
    method: 'POST', headers: { cookie: w.cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...(csrf ? { _csrf: w.csrf } : {}), ...form }).toString(),
  });

  beforeAll(async () => {
    db = await testDb();
    site = createSite({ db });
    await signIn('admin', 'admin@tandem.example', 'Admin', [{ role: 'platform_admin', organisationId: null }]);
    await signIn('net', 'net@cuf.example', 'Réseau CUF', [{ role: 'network_admin', organisationId: 'cuf' }]);
    await signIn('ana', 'ana@cd93.example', 'Ana Membre', [{ role: 'member', organisationId: 'cd93' }]);
    await signIn('bao', 'bao@cd93.example', 'Bảo Collègue', [{ role: 'member', organisationId: 'cd93' }, { role: 'member', organisationId: 'cuf' }]);
    await signIn('out', 'out@montreuil.example', 'Outsider', [{ role: 'member', organisationId: 'ville-montreuil' }]);
  });
  afterAll(async () => { await db.close(); });

  it('sends visitors to sign in, refuses others (403), shows members their colleagues without admin actions', async () => {
    const visitor = await get('/en/espace/organisations/cd93/membres');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toBe('/en/login?returnTo=%2Fen%2Fespace%2Forganisations%2Fcd93%2Fmembres');
    const out = await get('/espace/organisations/cd93/membres', who.out);
    expect(out.status).toBe(403);
    expect(text(await out.text())).toContain('ne sont visibles que par ses membres');
    const page = await get('/espace/organisations/cd93/membres', who.ana);
    expect(page.status).toBe(200);
    const t = text(await page.text());
    expect(t).toContain('Membres · Département de la Seine-Saint-Denis');
    expect(t).toMatch(/Ana Membre \(vous\) ana@cd93\.example Membre/);
    expect(t).toContain('Bảo Collègue bao@cd93.example Membre');
    expect(t).toContain('2 membres');
    expect(t).toContain('Quitter l’organisation');
    expect(t).not.toMatch(/Retirer/);
    expect(t).toContain('Vous pouvez inviter des collègues de votre organisation comme membres.');
    expect((await (await get('/vi/espace/organisations/cd93/membres', who.ana)).text())).toContain('Thành viên · Département de la Seine-Saint-Denis');
    expect((await get('/espace/organisations/no-such-org/membres', who.admin)).status).toBe(404);
  });

  it('a member invites a colleague: confirmation, the invitation listed; a bad e-mail is named; no CSRF, no invitation', async () => {
    const path = '/espace/organisations/cd93/membres';
    const bad = await post(path, who.ana, { action: 'invite', email: 'not-an-address', role: 'member', lang: 'fr' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Saisissez une adresse e-mail valide.');
    expect(badHtml).toMatch(/id="f-email"[^>]*aria-invalid="true"/);
    expect((await post(path, who.ana, { action: 'invite', email: 'chi@cd93.example', role: 'member' }, false)).status).toBe(403);
    const asAdmin = await post(path, who.ana, { action: 'invite', email: 'chi@cd93.example', role: 'network_admin' });
    expect(asAdmin.status).toBe(400);
    expect(await asAdmin.text()).toContain('Choisissez un rôle proposé.');
    const ok = await post(path, who.ana, { action: 'invite', email: 'Chi@CD93.example', role: 'member', lang: 'en' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${path}?done=invited`);
    const html = await (await get(`${path}?done=invited`, who.ana)).text();
    const t = text(html);
    expect(t).toContain('Invitation envoyée');
    expect(t).toMatch(/chi@cd93\.example Membre .* Ana Membre Annuler/);
    expect(html).toContain('aria-label="Annuler l’invitation de chi@cd93.example"');
    const [inv] = await db.query(`select token_hash from invitation where email = 'chi@cd93.example'`);
    expect((await post(path, who.out, { action: 'cancel', invitationId: inv.token_hash })).status).toBe(403);
    const cancelled = await post(path, who.ana, { action: 'cancel', invitationId: inv.token_hash });
    expect(cancelled.headers.get('location')).toBe(`${path}?done=cancelled`);
    expect(text(await (await get(path, who.ana)).text())).toContain('Aucune invitation en attente.');
  });

  it('a network administrator changes roles in the network, removes people; a stale role is a conflict', async () => {
    const path = '/en/espace/organisations/cuf/membres';
    const page = await (await get(path, who.net)).text();
    expect(page).toContain('<option value="network_admin"');
    expect(page).toContain('aria-label="Remove Bảo Collègue"');
    const changed = await post(path, who.net, { action: 'role', accountId: who.bao.id, role: 'network_admin', was: 'member' });
    expect(changed.status).toBe(303);
    expect(text(await (await get(`${path}?done=role`, who.net)).text())).toMatch(/Role changed\..*Bảo Collègue bao@cd93\.example Network administration/);
    const stale = await post(path, who.net, { action: 'role', accountId: who.bao.id, role: 'member', was: 'member' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone changed this role meanwhile');
    expect((await post('/espace/organisations/ville-montreuil/membres', who.net, { action: 'remove', accountId: who.out.id })).status).toBe(403);
    const removed = await post(path, who.net, { action: 'remove', accountId: who.bao.id });
    expect(removed.headers.get('location')).toBe(`${path}?done=removed`);
    expect(text(await (await get(path, who.net)).text())).not.toContain('Bảo');
  });

  it('accounts page: administrators only; search, disable and enable, grant by organisation name and revoke', async () => {
    expect((await get('/admin/comptes', who.ana)).status).toBe(403);
    expect((await get('/admin/comptes')).status).toBe(303);
    const list = text(await (await get('/admin/comptes?q=cd93', who.admin)).text());
    expect(list).toContain('2 comptes');
    expect(list).toContain('ana@cd93.example Ana Membre');
    expect(list).toContain('membre de Département de la Seine-Saint-Denis');
    const off = await post('/admin/comptes', who.admin, { action: 'disable', accountId: who.out.id, q: 'montreuil' });
    expect(off.headers.get('location')).toBe('/admin/comptes?q=montreuil&done=disabled');
    expect(text(await (await get('/admin/comptes?q=montreuil&done=disabled', who.admin)).text())).toMatch(/Compte désactivé.*Désactivé le .*Réactiver/);
    expect((await get('/', who.out)).headers.get('set-cookie') ?? '').toMatch(/tandem_session=;|Max-Age=0/i); // the session ended
    expect((await post('/admin/comptes', who.admin, { action: 'enable', accountId: who.out.id })).headers.get('location')).toBe('/admin/comptes?done=enabled');
    const unknown = await post('/admin/comptes', who.admin, { action: 'grant', accountId: who.ana.id, role: 'member', organisation: 'Ville imaginaire', q: 'ana' });
    expect(unknown.status).toBe(400);
    expect(text(await unknown.text())).toContain('Aucune organisation ne porte ce nom ou cet identifiant.');
    const granted = await post('/admin/comptes', who.admin, { action: 'grant', accountId: who.ana.id, role: 'member', organisation: 'ville de montreuil' });
    expect(granted.headers.get('location')).toBe('/admin/comptes?done=granted');
    expect(await db.query(`select 1 from role_grant where account_id = $1 and organisation_id = 'ville-montreuil'`, [who.ana.id])).toHaveLength(1);
    await post('/admin/comptes', who.admin, { action: 'revoke', accountId: who.ana.id, role: 'member', organisationId: 'ville-montreuil' });
    expect(await db.query(`select 1 from role_grant where account_id = $1 and organisation_id = 'ville-montreuil'`, [who.ana.id])).toHaveLength(0);
    expect((await (await get('/', who.admin)).text())).toContain('href="/admin/comptes"');
  });
});
