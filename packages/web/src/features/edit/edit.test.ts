/** The edit pages through the whole site in-process: signed-in members, real sessions and CSRF, both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import { client, TOKEN } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { createSite } from '../../site.js';
import { entries, fields, formBody, postRaw, type Browser } from './form-testkit.js';

const PATH = '/edit/projects/innotech-master';

describe('edit forms', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let member: Browser, outsider: Browser, anonymous: Browser;
  const api = () => client(db);

  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: TOKEN });
    await makeAccount(db, 'lan@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Lan' });
    await makeAccount(db, 'paul@cergy.example', [{ role: 'member', organisationId: 'ville-cergy' }], { name: 'Paul' });
    member = browser(app); await member.login('lan@cd93.example');
    outsider = browser(app); await outsider.login('paul@cergy.example');
    anonymous = browser(app);
  });
  afterAll(async () => { await db?.close(); });

  it('sends people who are not signed in to the login page, with the way back', async () => {
    const r = await anonymous.get(PATH);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/login?next=${encodeURIComponent(PATH)}&returnTo=${encodeURIComponent(PATH)}`);
    expect((await anonymous.get(`/en${PATH}`)).headers.get('location')).toMatch(/^\/en\/login\?next=%2Fen%2Fedit/);
  });

  it('shows the project with its nested parts, every input labelled, the version and the CSRF token', async () => {
    const r = await member.get(PATH);
    expect(r.status).toBe(200);
    const f = fields(r.text);
    expect(f.get('title')).toMatch(/^Formation qualifiante/);
    expect(f.get('version')).toBe('1');
    expect(f.get('_csrf')).toBeTruthy();
    expect(f.get('funding[0][funderId]')).toBe('cd93');
    expect(f.get('funding[1][amount]')).toBe('80000');
    expect(f.get('participants[2][role]')).toBe('financial');
    expect(f.get('results[0][value]')).toBe('15');
    expect(f.get('places[0]')).toBe('VN-P-30');
    expect(r.text).toContain('enctype="application/x-www-form-urlencoded"');
    expect(r.text).toContain('name="_add" value="funding"');
    expect(r.text).toContain('name="_remove" value="funding.1"');
    expect(r.text).toMatch(/<datalist id="dl-organisations">[\s\S]*<option value="cd93">/);
    expect(r.text).toMatch(/id="f-places-0-name"[^>]*>Choisi : Hải Dương/);
    // every visible control outside templates has a label
    const page = r.text.replace(/<template[\s\S]*?<\/template>/g, '');
    for (const m of page.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
      if (/type="(hidden|submit)"/.test(m[0])) continue;
      const id = /\bid="([^"]*)"/.exec(m[0])?.[1];
      expect(id, m[0]).toBeTruthy();
      expect(page, `label for ${id}`).toContain(`for="${id}"`);
    }
    expect((await member.get(`/en${PATH}`)).text).toContain('<legend>Co-financing</legend>');
    expect((await member.get(`/vi${PATH}`)).text).toContain('<legend>Đồng tài trợ</legend>');
  });

  it('"add a line" without JavaScript: one more empty row, everything typed kept, focus on the new row', async () => {
    const html = (await member.get(PATH)).text;
    const r = await postRaw(app, member, PATH, formBody(html, { title: 'Titre en cours', 'funding[0][amount]': '85 000' }, [['_add', 'funding']]));
    expect(r.status).toBe(200);
    const f = fields(r.text);
    expect(f.get('title')).toBe('Titre en cours');
    expect(f.get('funding[0][amount]')).toBe('85 000');
    expect(f.has('funding[2][amount]')).toBe(true);
    expect(f.get('funding[2][amount]')).toBe('');
    expect(r.text).toMatch(/<input[^>]*id="f-funding-2-funderId"[^>]*autofocus/);
    // nothing saved
    expect((await api().get('/api/projects/innotech-master')).json.title).toMatch(/^Formation qualifiante/);
  });

  it('re-renders with each error next to its field, the summary linking to them, and the typed values', async () => {
    const html = (await member.get(PATH)).text;
    const r = await postRaw(app, member, PATH, formBody(html, { title: '', 'funding[1][amount]': 'quatre-vingt mille', 'results[0][year]': '20x4' }));
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/<input[^>]*id="f-funding-1-amount"[^>]*aria-invalid="true"[^>]*aria-describedby="f-funding-1-amount-error"/);
    expect(r.text).toContain('<p class="field-error" id="f-funding-1-amount-error">Montant invalide : par exemple 80000 ou 80 000,50.</p>');
    expect(r.text).toContain('id="f-title-error">Champ obligatoire.</p>');
    expect(r.text).toContain('id="f-results-0-year-error">Saisissez un nombre entier.</p>');
    expect(r.text).toMatch(/<div class="error-summary" role="alert"[\s\S]*href="#f-title"[\s\S]*href="#f-funding-1-amount"/);
    expect(fields(r.text).get('funding[1][amount]')).toBe('quatre-vingt mille');
    expect((await member.get(`/en${PATH}`)).status).toBe(200);
  });

  it('reference errors from the service come back next to the field too', async () => {
    const html = (await member.get(PATH)).text;
    const r = await postRaw(app, member, PATH, formBody(html, { 'places[0]': 'nowhere' }));
    expect(r.status).toBe(400);
    expect(r.text).toContain('id="f-places-0-error">Aucune fiche « nowhere » : choisissez-en une parmi les suggestions.</p>');
  });

  it('saves through the service as the signed-in person: add a line, change an amount, remove a participant', async () => {
    const html = (await member.get(PATH)).text;
    const added = await postRaw(app, member, PATH, formBody(html, {}, [['_add', 'funding']]));
    const body = formBody(added.text, { 'funding[1][amount]': '90 000', 'funding[2][funderId]': 'cd93', 'funding[2][amount]': '12500,50', 'funding[2][year]': '2024' },
      [['_remove', 'participants.2']]);
    const r = await postRaw(app, member, PATH, body);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/projects/innotech-master?saved=updated');
    const p = (await api().get('/api/projects/innotech-master')).json;
    expect(p.funding.map((x: any) => [x.funderId, x.amount, x.year])).toEqual([['cd93', '80000', null], ['meae', '90000', null], ['cd93', '12500.5', 2024]]);
    expect(p.participants.map((x: any) => x.organisationId)).toEqual(['innotech', 'cd93']);
    expect(p.themes).toEqual(['edu.numerique', 'edu.superieur']);
    expect(p.version).toBe(2);
    // the author sees their name on the revision; a visitor sees the organisation (features/collab/history-privacy.test.ts)
    const revs = (await member.get('/api/projects/innotech-master/revisions')).json.items;
    expect(revs[0].actor.label).toBe('Lan');
    const sheet = await member.get('/projects/innotech-master');
    expect(sheet.text).toMatch(/12\s500,50\s€/);
  });

  it('shows the conflict screen on a stale version, and saves the merge with the current version', async () => {
    const html = (await member.get(PATH)).text;
    const base = (await api().get('/api/projects/innotech-master')).json;
    // someone else saves in between: a new title and a changed amount
    const theirs = await api().put('/api/projects/innotech-master', {
      ...toPut(base), title: 'Innotech (titre révisé)', funding: base.funding.map((f: any, k: number) => ({ ...pick(f), amount: k === 0 ? '81000' : f.amount })), version: base.version,
    });
    expect(theirs.status).toBe(200);
    // my save from the stale form: a changed description and another amount on line 2
    const r = await postRaw(app, member, PATH, formBody(html, { description: 'Ma description', 'funding[1][amount]': '95000' }));
    expect(r.status).toBe(409);
    expect(r.text).toContain('Quelqu’un a modifié cette fiche en même temps que vous');
    const rows = [...r.text.matchAll(/<tr class="differs pick-(\w+)" data-unit="([^"]+)">/g)].map((m) => [m[2], m[1]]);
    expect(rows).toEqual([['title', 'theirs'], ['description', 'mine'], ['funding.0', 'theirs'], ['funding.1', 'mine']]);
    expect(r.text).toMatch(/data-unit="title">[\s\S]*?modifié par l’autre personne[\s\S]*?Innotech \(titre révisé\)[\s\S]*?Formation qualifiante/);
    expect(r.text).toMatch(/data-unit="funding.1">[\s\S]*?<div class="changed"><dt>Montant[\s\S]*?<dd>90000<\/dd>[\s\S]*?<dd>95000<\/dd>/);
    // keep my description and my amount, their title and their amount (the defaults), but my title after all
    const f = fields(r.text);
    expect(f.get('version')).toBe(String(base.version + 1));
    const body = new URLSearchParams([...entries(r.text).filter(([k]) => !k.startsWith('_pick:')), ['_pick:title', 'mine'], ['_pick:description', 'mine'], ['_pick:funding.0', 'theirs'], ['_pick:funding.1', 'mine'], ['_action', 'merge']]);
    const merged = await postRaw(app, member, PATH, body);
    expect(merged.status).toBe(303);
    const p = (await api().get('/api/projects/innotech-master')).json;
    expect(p).toMatchObject({ title: base.title, description: 'Ma description', version: base.version + 2 });
    expect(p.funding.map((x: any) => x.amount)).toEqual(['81000', '95000', '12500.5']);
  });

  it('a second conflict during the merge shows the screen again, against the newest version', async () => {
    const html = (await member.get(PATH)).text;
    const v0 = (await api().get('/api/projects/innotech-master')).json;
    await api().put('/api/projects/innotech-master', { ...toPut(v0), status: 'finalisation', version: v0.version });
    const first = await postRaw(app, member, PATH, formBody(html, { 'results[0][value]': '16' }));
    expect(first.status).toBe(409);
    const v1 = (await api().get('/api/projects/innotech-master')).json;
    await api().put('/api/projects/innotech-master', { ...toPut(v1), end: '2026', version: v1.version });
    const again = await postRaw(app, member, PATH, new URLSearchParams([...entries(first.text), ['_action', 'merge']]));
    expect(again.status).toBe(409);
    expect(again.text).toContain('La fiche a encore changé pendant la fusion');
    expect(fields(again.text).get('version')).toBe(String(v1.version + 1));
    const done = await postRaw(app, member, PATH, new URLSearchParams([...entries(again.text), ['_action', 'merge']]));
    expect(done.status).toBe(303);
    const p = (await api().get('/api/projects/innotech-master')).json;
    expect(p).toMatchObject({ status: 'finalisation', end: '2026' });
    expect(p.results[0].value).toBe(16);
  });

  it('refuses people who may not edit with a clear 403 page, and keeps what was typed when a save is refused', async () => {
    const r = await outsider.get(PATH);
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.text).toContain('Modification non autorisée');
    expect((await member.get('/edit/territories/VN-P-30')).text).toContain('Seuls les administrateurs de la plateforme modifient les territoires');
    // a member removing their own organisation from every part of the project is refused by the service
    const html = (await member.get(PATH)).text;
    const body = formBody(html, { 'funding[0][funderId]': 'meae', 'funding[2][funderId]': 'meae', partnershipId: '' }, [['_remove', 'participants.1']]);
    const refused = await postRaw(app, member, PATH, body);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Enregistrement refusé');
    expect(fields(refused.text).get('funding[0][funderId]')).toBe('meae');
    // moving the project into a partnership cd93 is no party to: refused, the field says why (in the page's language)
    const moved = await postRaw(app, member, PATH, formBody(html, { partnershipId: 'cergy-hue' }));
    expect(moved.status).toBe(403);
    expect(moved.text).toContain('seules les organisations parties à un partenariat y rattachent des fiches');
    expect(moved.text).toContain('Vous n’êtes membre d’aucune partie à ce partenariat');
    expect(fields(moved.text).get('partnershipId')).toBe('cergy-hue');
    expect((await db.query(`select partnership_id from project where id = 'innotech-master'`))[0].partnership_id).toBe('ssd-hai-duong');
  });

  it('the sheet shows "Edit" to those allowed only', async () => {
    expect((await member.get('/projects/innotech-master')).text).toContain(`href="${PATH}" class="edit-link"`);
    expect((await member.get('/en/projects/innotech-master')).text).toContain(`href="/en${PATH}" class="edit-link">Edit</a>`);
    expect((await outsider.get('/projects/innotech-master')).text).not.toContain('class="edit-link"');
    expect((await anonymous.get('/projects/innotech-master')).text).not.toContain('class="edit-link"');
  });

  it('edits a partnership\'s agreements and their axes in place', async () => {
    const P = '/edit/partnerships/ssd-hai-duong';
    const html = (await member.get(P)).text;
    expect(html).toContain('name="agreements[0][axes][0]"');
    const added = await postRaw(app, member, P, formBody(html, {}, [['_add', 'agreements.0.axes']]));
    const axes = [...fields(added.text).keys()].filter((k) => k.startsWith('agreements[0][axes]'));
    const body = formBody(added.text, { [axes.at(-1)!]: 'Numérique' });
    const r = await postRaw(app, member, P, body);
    expect(r.status).toBe(303);
    const p = (await api().get('/api/partnerships/ssd-hai-duong')).json;
    expect(p.agreements[0].axes.at(-1)).toBe('Numérique');
    expect(p.agreements[0].id).toBeTruthy();
  });

  it('creates a mission with its organisations', async () => {
    const form = await member.get('/new/missions');
    expect(form.status).toBe(200);
    expect(fields(form.text).get('organisations[0]')).toBe('cd93'); // the member's one organisation, to start with
    const body = formBody(form.text, { title: 'Délégation à Hải Phòng', direction: 'outgoing', from: '2025-11', placeId: 'VN-P-30' },
      [['organisations[1]', '']]);
    const r = await postRaw(app, member, '/new/missions', body);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toMatch(/^\/missions\/[^?]+\?saved=created$/);
    const id = r.headers.get('location')!.replace('/missions/', '').replace('?saved=created', '');
    const m = (await api().get(`/api/missions/${id}`)).json;
    expect(m).toMatchObject({ title: 'Délégation à Hải Phòng', from: '2025-11', placeId: 'VN-P-30' });
    expect(m.organisations.map((o: any) => o.id)).toEqual(['cd93']);
  });

  it('autocomplete: accent-insensitive, through territory history, described in OpenAPI', async () => {
    const t = (await api().get('/api/autocomplete/territories?q=hai%20duong')).json.items.map((x: any) => x.id);
    expect(t).toContain('VN-P-30');
    const o = (await api().get('/api/autocomplete/organisations?q=departement%20seine%20saint%20denis')).json.items;
    expect(o[0]).toMatchObject({ id: 'cd93', label: 'Département de la Seine-Saint-Denis' });
    expect((await api().get('/api/autocomplete/organisations?q=cd93')).json.items[0].id).toBe('cd93');
    expect((await api().get('/api/autocomplete/organisations?q=')).json.items).toEqual([]);
    const spec = (await api().get('/api/openapi.json')).json;
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/autocomplete/organisations', '/api/autocomplete/territories']));
  });
});

function pick(f: any) { return { funderId: f.funderId, amount: f.amount, currency: f.currency, year: f.year, kind: f.kind, note: f.note }; }
function toPut(p: any) {
  return {
    partnershipId: p.partnershipId, title: p.title, description: p.description, status: p.status, start: p.start, end: p.end, themes: p.themes, budget: p.budget,
    places: p.places.map((x: any) => x.id), participants: p.participants.map((x: any) => ({ organisationId: x.organisationId, role: x.role })),
    funding: p.funding.map(pick), results: p.results.map((r: any) => ({ label: r.label, value: r.value, unit: r.unit, year: r.year, kind: r.kind })), links: p.links,
  };
}
