/** The IATI import page in-process, through its plain multipart form (no JavaScript): who may use it, the report, the refusals. */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import type { Grant } from '../../../../server/src/lib/actor.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { identifiersOf, sample } from '../../../../server/src/features/iati/iati.testkit.js';
import { createSite } from '../../site.js';

const FI = sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml');
const BROKEN = '<?xml version="1.0"?>\n<iati-activities version="2.03">\n<iati-activity>\n<iati-identifier>XM-BROKEN-1</iati-identifier>\n<title></iati-activity>\n</iati-activities>';
type Who = { cookie: string; csrf: string };

describe('IATI import page (/admin/import)', () => {
  let db: Db;
  let site: ReturnType<typeof createSite>;
  let admin: Who;
  const signIn = async (email: string, grant: Grant): Promise<Who> => {
    const a = await createAccount(db, { email, name: email });
    await addGrant(db, a.id, grant, null);
    const { token, session } = await createSession(db, a.id);
    return { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
  };
  const post = (who: Who | null, file: { name: string; body: string | Buffer } | null, opts: { skipInvalid?: boolean; csrf?: string | null; path?: string } = {}) => {
    const form = new FormData();
    const csrf = opts.csrf === undefined ? who?.csrf : opts.csrf;
    if (csrf) form.append('_csrf', csrf);
    if (opts.skipInvalid) form.append('skipInvalid', 'true');
    if (file) form.append('file', new Blob([typeof file.body === 'string' ? file.body : new Uint8Array(file.body)], { type: 'text/xml' }), file.name);
    return site.request(opts.path ?? '/admin/import', { method: 'POST', headers: who ? { cookie: who.cookie } : {}, body: form });
  };
  const imported = async () => (await db.query<{ n: number }>('select count(*)::int as n from project where iati_identifier = any($1)', [identifiersOf(FI)]))[0].n;
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  beforeAll(async () => {
    db = await testDb();
    site = createSite({ db });
    admin = await signIn('admin@tandem.example', { role: 'platform_admin', organisationId: null });
  });
  afterAll(async () => { await db.close(); });
  afterEach(() => { delete process.env.TANDEM_IATI_MAX_BYTES; });

  it('sends visitors to sign in, refuses members (403), and imports nothing for them', async () => {
    const out = await site.request('/en/admin/import');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/en/login?returnTo=%2Fen%2Fadmin%2Fimport');
    const member = await signIn('agent@seinesaintdenis.fr', { role: 'member', organisationId: 'cd93' });
    const page = await site.request('/admin/import', { headers: { cookie: member.cookie } });
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain('réservé aux administrateurs de la plateforme');
    expect(html).not.toContain('>Import IATI</a>'); // the header shows the link to administrators only
    const denied = await post(member, { name: 'fi.xml', body: readFileSync(FI) });
    expect(denied.status).toBe(403);
    expect((await post(null, { name: 'fi.xml', body: readFileSync(FI) })).status).toBe(303);
    expect(await imported()).toBe(0);
  });

  it('shows administrators the form: multipart, CSRF field, labelled file input, the size limit, the link in the header', async () => {
    process.env.TANDEM_IATI_MAX_BYTES = String(3 * 2 ** 20);
    const res = await site.request('/admin/import', { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<form id="import-form" method="post" action="\/admin\/import" enctype="multipart\/form-data"/);
    expect(html).toContain(`name="_csrf" value="${admin.csrf}"`);
    expect(html).toMatch(/<label for="f-file">Fichier IATI \(XML\)<\/label>/);
    expect(html).toContain('de 3 Mo au plus');
    expect(html).toContain('<script type="module" src="/assets/import.js"');
    expect(html).toMatch(/<a href="\/admin\/import">Import IATI<\/a>/);
    expect((await site.request('/assets/import.js')).status).toBe(200);
    const account = await (await site.request('/account', { headers: { cookie: admin.cookie } })).text();
    expect(account).toMatch(/<h2 id="admin-h">Administration<\/h2><ul><li><a href="\/admin\/import">Importer un fichier IATI<\/a>/);
  });

  it('imports a real file posted by the plain form and shows the counts', async () => {
    const res = await post(admin, { name: 'finland.xml', body: readFileSync(FI) });
    expect(res.status).toBe(200);
    const page = text(await res.text());
    expect(page).toContain('Import terminé');
    expect(page).toContain('Activités lues : 6 ; importées : 6 (nouvelles : 6, mises à jour : 0) ; invalides laissées de côté : 0');
    expect(page).toMatch(/Version IATI 2\.03 Activités lues 6 Activités importées 6 Nouveaux projets 6 Projets mis à jour 0 Activités invalides 0 Transactions 9 Budgets 12/);
    expect(await imported()).toBe(6);
    const [audit] = await db.query(`select details->>'file' as file from audit_log where action = 'iati_imported' order by id desc limit 1`);
    expect(audit.file).toBe('finland.xml');

    const again = await post(admin, { name: 'finland.xml', body: readFileSync(FI) }, { path: '/en/admin/import' });
    expect(text(await again.text())).toContain('Activities read: 6; imported: 6 (new: 0, updated: 6); invalid ones left out: 0.');
    expect(await imported()).toBe(6);
  });

  it('shows the line of broken XML, a missing file, a refused file with its problems, and a file over the limit', async () => {
    const before = await db.query('select count(*)::int as n from project');
    const broken = await post(admin, { name: 'broken.xml', body: BROKEN });
    expect(broken.status).toBe(400);
    const page = text(await broken.text());
    expect(page).toContain('Le fichier n’a pas été importé');
    expect(page).toContain('Le problème se trouve à la ligne 5 du fichier.');

    const none = await post(admin, null);
    expect(none.status).toBe(400);
    expect(await none.text()).toMatch(/<p class="field-error" id="f-file-error">Choisissez un fichier IATI à importer\.<\/p>/);

    const invalid = BROKEN.replace('<title></iati-activity>', '<transaction><value>12</value></transaction></iati-activity>');
    const refused = await post(admin, { name: 'invalid.xml', body: invalid }, { path: '/vi/admin/import' });
    expect(refused.status).toBe(422);
    const vi = await refused.text();
    expect(text(vi)).toContain('Nhập bị từ chối');
    expect(vi).toMatch(/<tr class="level-critical"><td class="num">\d+<\/td><td>nghiêm trọng<\/td><td>XM-BROKEN-1<\/td><td lang="en">[^<]+<\/td><\/tr>/);
    const skipped = await post(admin, { name: 'invalid.xml', body: invalid }, { skipInvalid: true });
    expect(skipped.status).toBe(200);
    expect(text(await skipped.text())).toContain('Activités lues : 1 ; importées : 0 (nouvelles : 0, mises à jour : 0) ; invalides laissées de côté : 1.');

    process.env.TANDEM_IATI_MAX_BYTES = '1000';
    const large = await post(admin, { name: 'finland.xml', body: readFileSync(FI) }, { skipInvalid: true });
    expect(large.status).toBe(413);
    expect(text(await large.text())).toContain('Le fichier dépasse la taille maximale acceptée, 1 ko (réglage TANDEM_IATI_MAX_BYTES).');
    expect(await db.query('select count(*)::int as n from project')).toEqual(before);
  });

  it('refuses a file holding one giant text node, naming its line, and imports nothing', async () => {
    const giant = BROKEN.replace('<title></iati-activity>', `<title><narrative>${'x'.repeat(2 ** 21)}</narrative></title></iati-activity>`);
    const res = await post(admin, { name: 'giant.xml', body: giant });
    expect(res.status).toBe(400);
    const page = text(await res.text());
    expect(page).toContain('Le problème se trouve à la ligne 5 du fichier.');
    expect(page).toContain('longer than 1,048,576 characters (setting TANDEM_IATI_MAX_NODE_CHARS)');
    expect(await db.query(`select count(*)::int as n from project where iati_identifier = 'XM-BROKEN-1'`)).toEqual([{ n: 0 }]);
  });

  it('refuses a post without the CSRF field', async () => {
    const res = await post(admin, { name: 'finland.xml', body: readFileSync(FI) }, { csrf: null });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('CSRF');
  });
});
