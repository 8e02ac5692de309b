/**
 * Knowledge capture through the site, without JavaScript (the real extractor reads review.testkit.ts' page): the text form
 * (pasted text, an uploaded file), the review with the facts highlighted and the proposals as a form, the apply that
 * lands on the partnership's sheet with its « Provenance »; private to the organisation; errors keep the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { REVIEW_TEXT, reviewFacts } from '../../../../server/src/features/extract/review.testkit.js';
import { createSite } from '../../site.js';
import { segments } from './ExtractPages.js';


let db: Db; let app: ReturnType<typeof createSite>;
let member: ReturnType<typeof browser>; let csrf = '';
beforeAll(async () => {
  db = await testDb();
  app = createSite({ db, adminToken: 'x' });
  member = browser(app);
  await makeAccount(db, 'montreuil-pages@example.org', [{ role: 'member', organisationId: 'ville-montreuil' }]);
  csrf = await member.login('montreuil-pages@example.org');
});
afterAll(async () => { await db?.close(); });

describe('knowledge capture pages', () => {
  let review = '';
  it('sends visitors to sign in, and shows members the form for their organisations', async () => {
    const anon = await browser(app).get('/espace/extract');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/login\?/);
    const form = await member.get('/espace/extract');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<option value="ville-montreuil"');
    expect(form.text).not.toContain('<option value="cd93"');
    expect(form.text).toContain('enctype="multipart/form-data"');
    expect((await member.get('/espace')).text).toContain('href="/espace/extract"');
  });

  it('reads a pasted text and shows it with its facts highlighted and its proposals', async () => {
    const r = await member.form('/espace/extract', { _csrf: csrf, organisationId: 'ville-montreuil', title: 'Montreuil – Hué', text: REVIEW_TEXT, html: '' });
    expect(r.status, r.text).toBe(303);
    review = r.headers.get('location')!;
    expect(review).toMatch(/^\/espace\/extractions\/ex-[0-9a-f]+$/);
    const page = await member.get(review);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<mark class="fact fact--date" id="fact-dates-0"><span class="visually-hidden">Date : <\/span>mars 2019<\/mark>/);
    expect(page.text).toContain('<mark class="fact fact--amount" id="fact-amounts-1">');
    expect(page.text).toContain('name="p.partnership-0.accept" value="yes" checked');
    expect(page.text).toContain('name="p.org-3.name" value="Association Bambou Solidaire"');
    expect(page.text).toContain('Créer les fiches');
    expect((await browser(app).get(review)).status).toBe(303);
    // the same pages in English and Vietnamese
    const en = (await member.get(`/en${review}`)).text;
    expect(en).toContain('Review: Montreuil – Hué');
    expect(en).toContain('Create the records');
    expect((await member.get('/en/espace/extract')).text).toContain('Create records from a text');
    const vi = (await member.get(`/vi${review}`)).text;
    expect(vi).toContain('Xem lại: Montreuil – Hué');
    expect(vi).toContain('Tạo hồ sơ');
    expect((await member.get('/vi/espace/extract')).text).toContain('Tạo hồ sơ từ một văn bản');
  });

  it('keeps the form and creates nothing when an edited field is wrong', async () => {
    const before = (await db.query('select count(*)::int as n from partnership'))[0].n;
    const r = await member.form(`${review}/apply`, { _csrf: csrf, 'p.result-0.value': 'beaucoup' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('Aucune fiche n’a été créée');
    expect(r.text).toMatch(/Résultat — Valeur/);
    expect(r.text).toContain('name="p.result-0.value" value="beaucoup"');
    expect((await db.query('select count(*)::int as n from partnership'))[0].n).toBe(before);
  });

  it('creates the accepted records and lands on the partnership\'s sheet with its provenance', async () => {
    const r = await member.form(`${review}/apply`, { _csrf: csrf, 'p.mission-0.accept': 'no', 'p.project-0.title': 'Assainissement à Hué' });
    expect(r.status, r.text).toBe(303);
    const sheet = r.headers.get('location')!;
    expect(sheet).toMatch(/^\/partnerships\//);
    const page = await browser(app).get(sheet);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Provenance');
    expect(page.text).toContain('<q>mars 2019</q>');
    // the history keeps where the record came from; a record written by hand says nothing of the kind
    expect(page.text).toMatch(/<strong>Création<\/strong>[^<]*<span class="revision-source">d’après le document « Montreuil – Hué »<\/span>/);
    expect((await browser(app).get('/partnerships/cergy-hue')).text).not.toContain('revision-source');
    expect(page.text).toContain('Montreuil – Hué');
    expect(page.text).not.toContain('techniciens ont suivi');
    expect((await db.query(`select count(*)::int as n from mission where title like '%délégation%'`))[0].n).toBe(0);
    const again = await member.get(review);
    expect(again.text).toContain('Fiches créées');
    expect(again.text).toContain('Assainissement à Hué');
    expect((await member.form(`${review}/apply`, { _csrf: csrf })).headers.get('location')).toBe(review);
  });

  it('reads an uploaded file (multipart), and hides a text from another organisation\'s member', async () => {
    const body = new FormData();
    body.set('_csrf', csrf); body.set('organisationId', 'ville-montreuil'); body.set('text', ''); body.set('html', '');
    body.set('file', new File([REVIEW_TEXT], 'compte-rendu.txt', { type: 'text/plain' }));
    const r = await app.request('http://localhost/espace/extract', { method: 'POST', body, headers: { cookie: [...member.jar].map(([k, v]) => `${k}=${v}`).join('; '), origin: 'http://localhost' } as any });
    expect(r.status, await r.clone().text()).toBe(303);
    const page = await member.get(r.headers.get('location')!);
    expect(page.text).toContain('Relire : compte-rendu.txt');
    // a report larger than ordinary forms' 1 MB still goes through this form (the readers' limit is 10 MB)
    const big = new FormData();
    big.set('_csrf', csrf); big.set('organisationId', 'ville-montreuil'); big.set('text', ''); big.set('html', '');
    const padding = `<style>/* ${'x'.repeat(1_100_000)} */</style>`; // a saved page's weight, most of it not text
    big.set('file', new File([`<html><head><title>Rapport</title>${padding}</head><body><article><p>${REVIEW_TEXT}</p></article></body></html>`], 'rapport.html', { type: 'text/html' }));
    const large = await app.request('http://localhost/espace/extract', { method: 'POST', body: big, headers: { cookie: [...member.jar].map(([k, v]) => `${k}=${v}`).join('; '), origin: 'http://localhost' } as any });
    expect(large.status).toBe(303);
    const other = browser(app);
    await makeAccount(db, 'cd93-pages@example.org', [{ role: 'member', organisationId: 'cd93' }]);
    await other.login('cd93-pages@example.org');
    expect((await other.get(r.headers.get('location')!)).status).toBe(404);
  });

  it('cuts a text into pieces where overlapping facts keep the first', () => {
    const f = reviewFacts();
    f.territories.push({ text: 'Ville de Hué', start: f.organisations[1]!.start, end: f.organisations[1]!.end, name: 'x', country: 'VN' });
    const parts = segments(REVIEW_TEXT, f);
    expect(parts.map((p) => p.text).join('')).toBe(REVIEW_TEXT);
    expect(parts.filter((p) => p.text === 'Ville de Hué' && p.kind).map((p) => p.kind)).toEqual(['organisation']);
  });
});
