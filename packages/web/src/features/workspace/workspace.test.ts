/**
 * The members' workspace (/espace), the create actions in context and the notice after a save, through the
 * whole site in-process: real accounts, sessions, CSRF and services, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { SYSTEM_CONTEXT } from '../../../../server/src/lib/actor.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { saveDeclaration, submitDeclaration } from '../../../../server/src/features/apd/apd.service.js';
import { createSite } from '../../site.js';
import { fields, formBody, postRaw, type Browser } from '../edit/form-testkit.js';

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** One part of /espace, by its heading's id: up to the next part's heading (parts hold sections of their own). */
function section(html: string, id: string): string {
  const from = html.indexOf(`id="${id}"`);
  if (from < 0) return '';
  const ends = ['create-h', 'awaiting-h', 'apd-h', 'orgs-h', 'changes-h'].map((h) => html.indexOf(`id="${h}"`, from + 1)).filter((k) => k > from);
  return html.slice(from, Math.min(...ends, html.indexOf('</main>', from)));
}

describe('the members\' workspace', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let lan: Browser, hung: Browser, paul: Browser, newbie: Browser, admin: Browser, anonymous: Browser;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: 'workspace-token' });
    await makeAccount(db, 'lan@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Lan Agent' });
    await makeAccount(db, 'hung@haiduong.example', [{ role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Hùng Cán Bộ' });
    await makeAccount(db, 'paul@cergy.example', [{ role: 'member', organisationId: 'ville-cergy' }], { name: 'Paul' });
    await makeAccount(db, 'new@example.org', [], { name: 'Nouvelle' });
    await makeAccount(db, 'admin@example.org', [{ role: 'platform_admin', organisationId: null }], { name: 'Admin' });
    [lan, hung, paul, newbie, admin, anonymous] = [browser(app), browser(app), browser(app), browser(app), browser(app), browser(app)];
    tokens.lan = await lan.login('lan@cd93.example'); tokens.hung = await hung.login('hung@haiduong.example'); await paul.login('paul@cergy.example');
    await newbie.login('new@example.org'); await admin.login('admin@example.org');
  });
  afterAll(async () => { await db?.close(); });

  it('sends visitors to the login page with the way back, in each language', async () => {
    const r = await anonymous.get('/espace');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/espace')}&returnTo=${encodeURIComponent('/espace')}`);
    expect((await anonymous.get('/en/espace')).headers.get('location')).toMatch(/^\/en\/login\?next=%2Fen%2Fespace/);
  });

  it('lists my organisation with its partnerships, projects and delegations, a link to its members, and the create actions', async () => {
    const r = await lan.get('/espace');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<h1>Mon espace</h1>');
    const orgs = section(r.text, 'orgs-h');
    expect(orgs).toContain('<a href="/organisations/cd93">Département de la Seine-Saint-Denis</a>');
    expect(orgs).toContain('href="/espace/organisations/cd93/membres"');
    expect(orgs).toContain('href="/partnerships/ssd-hai-duong"');
    expect(orgs).toContain('href="/projects/innotech-master"');
    expect(orgs).not.toContain('href="/partnerships/cergy-hue"'); // another organisation's partnership
    const create = section(r.text, 'create-h');
    for (const k of ['partnerships', 'projects', 'missions', 'organisations']) expect(create).toContain(`href="/new/${k}"`);
    expect(create).not.toContain('/new/territories');
    expect((await lan.get('/en/espace')).text).toContain('<h1>My workspace</h1>');
    expect((await lan.get('/vi/espace')).text).toContain('<h1>Không gian của tôi</h1>');
    // the header's account corner links here
    expect(r.text).toMatch(/class="account-area">[\s\S]*<a href="\/espace">Mon espace<\/a>/);
  });

  it('GET /api/me/workspace: the same for scripts, my organisations only, 401 signed out, in the OpenAPI', async () => {
    const mine = (await lan.get('/api/me/workspace')).json;
    expect(mine.organisations.map((o: any) => o.id)).toEqual(['cd93']);
    expect(mine.organisations[0].partnerships.items.map((p: any) => p.id)).toContain('ssd-hai-duong');
    const theirs = await paul.get('/api/me/workspace');
    expect(theirs.json.organisations.map((o: any) => o.id)).toEqual(['ville-cergy']);
    expect(theirs.text).not.toContain('ssd-hai-duong');
    expect((await anonymous.get('/api/me/workspace')).status).toBe(401);
    expect(Object.keys((await anonymous.get('/api/openapi.json')).json.paths)).toContain('/api/me/workspace');
  });

  it('a new member sees what to do, no create action; a platform administrator sees the note and every kind', async () => {
    const r = await newbie.get('/espace');
    expect(r.text).toContain('Vous n’êtes encore membre d’aucune organisation');
    expect(r.text).not.toContain('id="create-h"');
    expect(section(r.text, 'awaiting-h')).toContain('Rien à valider');
    expect(section(r.text, 'apd-h')).toContain('Aucune déclaration à faire');
    expect(section(r.text, 'changes-h')).toContain('Personne d’autre n’a encore modifié');
    const a = await admin.get('/espace');
    expect(a.text).toContain('Vous êtes administrateur de la plateforme');
    expect(a.text).toContain('href="/search?kind=organisation"');
    expect(section(a.text, 'create-h')).toContain('href="/new/territories"');
  });

  it('lists the validations awaiting my side until I validate, and again after a partner\'s change, which shows among the latest changes', async () => {
    const waiting = async () => section((await lan.get('/espace')).text, 'awaiting-h');
    expect(await waiting()).toMatch(/href="\/partnerships\/ssd-hai-duong#validation-h">[^<]+<\/a> <span class="muted">— Partenariat<\/span>/);
    const sheet = await lan.get('/partnerships/ssd-hai-duong');
    const ok = await lan.form('/collab/partnership/ssd-hai-duong/validate', { _csrf: csrfOf(sheet.text), organisationId: 'cd93', state: 'validated' });
    expect(ok.status).toBe(303);
    expect(await waiting()).not.toContain('href="/partnerships/ssd-hai-duong#');
    expect(section((await lan.get('/espace')).text, 'changes-h')).not.toContain('ssd-hai-duong');

    // the Vietnamese partner changes the partnership: my side awaits again, and the change is listed with its organisation
    const token = tokens.hung;
    const current = (await hung.get('/api/partnerships/ssd-hai-duong')).json;
    const upd = await hung.put('/api/partnerships/ssd-hai-duong', {
      title: current.title, kind: current.kind, status: current.status, summary: 'Résumé revu par Hải Dương.',
      parties: current.parties.map((p: any) => ({ organisationId: p.organisationId, side: p.side })), agreements: current.agreements.map(({ id, ...x }: any) => x), version: current.version,
    }, { 'x-csrf-token': token });
    expect(upd.status).toBe(200);
    expect(await waiting()).toContain('href="/partnerships/ssd-hai-duong#validation-h"');
    const changes = section((await lan.get('/espace')).text, 'changes-h');
    expect(changes).toMatch(/href="\/partnerships\/ssd-hai-duong">[^<]+<\/a> <span class="muted">— Partenariat · Modification · Comité populaire de la province de Hải Dương, /);
    expect(changes).not.toContain('Hùng'); // the person is shown to members of their organisation only (features/history)
    expect(section((await hung.get('/espace')).text, 'changes-h')).not.toContain('ssd-hai-duong'); // not my own change
    expect(section((await hung.get('/vi/espace')).text, 'awaiting-h')).not.toContain('ssd-hai-duong'); // the author's side stays validated
    // someone of both organisations: the awaiting side is named, once per organisation
    await makeAccount(db, 'duo@example.org', [{ role: 'member', organisationId: 'cd93' }, { role: 'member', organisationId: 'hai-duong-cp' }], { name: 'Duo' });
    const duo = browser(app); await duo.login('duo@example.org');
    const duoWaiting = section((await duo.get('/espace')).text, 'awaiting-h');
    expect(duoWaiting).toContain('— Partenariat, à valider au nom de Département de la Seine-Saint-Denis</span>');
    expect(duoWaiting).not.toMatch(/ssd-hai-duong#validation-h">[^<]+<\/a> <span class="muted">— Partenariat, à valider au nom de Comité/);
  });

  it('lists the APD years with co-financing lines and no submitted declaration, and drops a year once submitted', async () => {
    const token = tokens.lan;
    const created = await lan.post('/api/projects', {
      title: 'Projet APD espace', status: 'implementation', participants: [{ organisationId: 'cd93', role: 'lead' }],
      funding: [{ funderId: 'cd93', amount: '1000', year: 2031 }, { funderId: 'cd93', amount: '500', year: 2032 }],
    }, { 'x-csrf-token': token });
    expect(created.status).toBe(201);
    const apd = async () => section((await lan.get('/espace')).text, 'apd-h');
    expect(await apd()).toContain('<a href="/apd/cd93/2031">Déclaration 2031 — Département de la Seine-Saint-Denis</a> <span class="muted">— à commencer');
    expect(await apd()).toContain('href="/apd/cd93/2032"');
    const saved = await saveDeclaration(db, 'cd93', 2031, { version: 0, lines: [{ category: 'cooperation', amount: '1000', currency: 'EUR' }] }, SYSTEM_CONTEXT);
    expect(await apd()).toContain('<a href="/apd/cd93/2031">Déclaration 2031 — Département de la Seine-Saint-Denis</a> <span class="muted">— brouillon enregistré');
    await submitDeclaration(db, 'cd93', 2031, saved.version, SYSTEM_CONTEXT);
    expect(await apd()).not.toContain('/apd/cd93/2031');
    expect(await apd()).toContain('href="/apd/cd93/2032"');
    // another organisation's member sees none of cd93's years
    expect(section((await paul.get('/espace')).text, 'apd-h')).not.toContain('/apd/cd93/');
  });

  it('shows "add a project / a delegation / an agreement" on a partnership sheet to those who may write only', async () => {
    const mine = (await lan.get('/partnerships/ssd-hai-duong')).text;
    expect(mine).toContain('<a href="/new/projects?partnershipId=ssd-hai-duong" class="create-link">Ajouter un projet</a>');
    expect(mine).toContain('<a href="/new/missions?partnershipId=ssd-hai-duong" class="create-link">Ajouter une délégation</a>');
    expect(mine).toContain('<a href="/edit/partnerships/ssd-hai-duong?add=agreements#f-agreements" class="create-link">Ajouter une convention</a>');
    expect((await lan.get('/en/partnerships/ssd-hai-duong')).text).toContain('<a href="/en/new/projects?partnershipId=ssd-hai-duong" class="create-link">Add a project</a>');
    expect((await paul.get('/partnerships/ssd-hai-duong')).text).not.toContain('class="create-link"');
    expect((await anonymous.get('/partnerships/ssd-hai-duong')).text).not.toContain('class="create-link"');
    expect((await lan.get('/projects/innotech-master')).text).not.toContain('class="create-link"'); // on partnerships only
  });

  it('new forms read ?partnershipId= and ?organisationId= (hostile values ignored); ?add=agreements opens a new agreement row', async () => {
    expect(fields((await lan.get('/new/projects?partnershipId=ssd-hai-duong')).text).get('partnershipId')).toBe('ssd-hai-duong');
    expect(fields((await lan.get('/new/missions?partnershipId=ssd-hai-duong')).text).get('partnershipId')).toBe('ssd-hai-duong');
    const hostile = await lan.get(`/new/projects?partnershipId=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(hostile.status).toBe(200);
    expect(hostile.text).not.toContain('<script>alert(1)');
    // my one organisation as the first party, on its side
    const p = fields((await lan.get('/new/partnerships')).text);
    expect([p.get('parties[0][organisationId]'), p.get('parties[0][side]'), p.get('parties[1][side]')]).toEqual(['cd93', 'fr', 'foreign']);
    const vn = fields((await hung.get('/new/partnerships')).text);
    expect([vn.get('parties[0][organisationId]'), vn.get('parties[0][side]'), vn.get('parties[1][side]')]).toEqual(['hai-duong-cp', 'foreign', 'fr']);
    const edit = await lan.get('/edit/partnerships/ssd-hai-duong?add=agreements');
    const n = (await lan.get('/api/partnerships/ssd-hai-duong')).json.agreements.length;
    expect(edit.text).toMatch(new RegExp(`<select id="f-agreements-${n}-kind"[^>]*autofocus`));
    expect((await lan.get('/edit/partnerships/ssd-hai-duong?add=nothing')).status).toBe(200);
  });

  it('after a create or an edit, the sheet shows a one-time status notice (to the signed-in person only)', async () => {
    const form = await lan.get('/new/projects?partnershipId=ssd-hai-duong');
    const r = await postRaw(app, lan, '/new/projects', formBody(form.text, { title: 'Projet ajouté depuis le partenariat' }));
    expect(r.status).toBe(303);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^\/projects\/[^?]+\?saved=created$/);
    const sheet = await lan.get(location);
    expect(sheet.text).toContain('<div class="notice notice-success" role="status"><p>Projet créé.</p></div>');
    const id = decodeURIComponent(location.replace(/^\/projects\//, '').replace(/\?.*$/, ''));
    expect((await lan.get(`/api/projects/${id}`)).json.partnershipId).toBe('ssd-hai-duong');
    expect((await anonymous.get(location)).text).not.toContain('role="status"><p>Projet créé.');
    expect((await lan.get(`/projects/${id}`)).text).not.toContain('notice-success'); // once: not on the plain address

    const editForm = await lan.get(`/edit/projects/${id}`);
    const e = await postRaw(app, lan, `/en/edit/projects/${id}`, formBody(editForm.text, { description: 'Décrit.' }));
    expect(e.headers.get('location')).toBe(`/en/projects/${id}?saved=updated`);
    expect((await lan.get(e.headers.get('location')!)).text).toContain('role="status"><p>Changes saved.</p></div>');
    expect((await lan.get(`/vi/partnerships/ssd-hai-duong?saved=created`)).text).toContain('<p>Đã tạo quan hệ đối tác.</p>');
    expect((await lan.get(`/projects/${id}?saved=%3Cscript%3E`)).text).not.toContain('notice-success');
  });
});
