/**
 * Body limits on page forms (body-limit.tsx, applied by createApp before the auth middleware reads a form):
 * too-large posts answer 413 with a page in the visitor's language and write nothing; ordinary forms still work;
 * the IATI upload form has its own, larger limit (TANDEM_IATI_MAX_BYTES, read per request).
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import { client, TOKEN } from '../../server/test/http.js';
import type { Db } from '../../server/src/db/client.js';
import { browser, makeAccount, PASSWORD } from '../../server/src/features/auth/auth.testkit.js';
import { identifiersOf, sample } from '../../server/src/features/iati/iati.testkit.js';
import { createSite } from './site.js';
import { formBody, postRaw, type Browser } from './features/edit/form-testkit.js';

const MB = 2 ** 20;
const PATH = '/edit/projects/innotech-master';
const FI = sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('body limits on page forms', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let member: Browser, admin: Browser, adminCsrf: string;
  const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params))[0].n;
  const sessionsOf = (email: string) => count('select count(*)::int as n from session s join account a on a.id = s.account_id where a.email = $1', [email]);
  const login = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...headers }, body, duplex: 'half' } as RequestInit);
  const upload = (xml: string, csrf = adminCsrf) => {
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('file', new Blob([xml], { type: 'text/xml' }), 'finland.xml');
    return app.request('/admin/import', { method: 'POST', headers: { cookie: [...admin.jar].map(([k, v]) => `${k}=${v}`).join('; '), origin: 'http://localhost' }, body: form });
  };
  const imported = () => count('select count(*)::int as n from project where iati_identifier = any($1)', [identifiersOf(FI)]);

  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: TOKEN });
    await makeAccount(db, 'lan@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Lan' });
    await makeAccount(db, 'admin@tandem.example', [{ role: 'platform_admin', organisationId: null }]);
    member = browser(app); await member.login('lan@cd93.example');
    admin = browser(app); adminCsrf = await admin.login('admin@tandem.example');
  });
  afterAll(async () => { await db?.close(); });
  afterEach(() => { delete process.env.TANDEM_IATI_MAX_BYTES; });

  it('refuses a sign-in form over the limit (413, a page in the visitor’s language) and opens no session', async () => {
    const fields = { email: 'lan@cd93.example', password: PASSWORD };
    const before = await sessionsOf('lan@cd93.example');
    const attempts = await count('select count(*)::int as n from login_attempt');
    const big = await login('/login', new URLSearchParams({ ...fields, padding: 'a'.repeat(1.1 * MB) }).toString());
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/^text\/html/);
    const page = text(await big.text());
    expect(page).toContain('Envoi trop volumineux');
    expect(page).toContain('dépasse la taille maximale acceptée, 1 Mo : rien n’a été enregistré.');
    const en = await login('/en/login', new URLSearchParams({ ...fields, padding: 'a'.repeat(1.1 * MB) }).toString());
    expect(en.status).toBe(413);
    expect(text(await en.text())).toContain('The form you sent is larger than the accepted maximum, 1 MB: nothing was saved.');
    expect(await sessionsOf('lan@cd93.example')).toBe(before);
    expect(await count('select count(*)::int as n from login_attempt')).toBe(attempts);

    // a normal sign-in still works
    const ok = await login('/login', new URLSearchParams(fields).toString());
    expect(ok.status).toBe(303);
    expect(await sessionsOf('lan@cd93.example')).toBe(before + 1);
  });

  it('cuts a streamed body without a length at the limit, before any handler reads it', async () => {
    const before = await sessionsOf('lan@cd93.example');
    let sent = 0;
    const chunk = new TextEncoder().encode('a'.repeat(MB));
    const body = new ReadableStream<Uint8Array>({
      start(ctl) { ctl.enqueue(new TextEncoder().encode(`email=lan%40cd93.example&password=${encodeURIComponent(PASSWORD)}&padding=`)); },
      pull(ctl) { if (sent++ < 8) ctl.enqueue(chunk); else ctl.close(); },
    });
    const r = await login('/login', body);
    expect(r.status).toBe(413);
    expect(sent).toBeLessThan(8);
    expect(await sessionsOf('lan@cd93.example')).toBe(before);
  });

  it('refuses an edit form over the limit without saving, and saves a normal one', async () => {
    const html = (await member.get(PATH)).text;
    const big = await postRaw(app, member, PATH, formBody(html, { title: 'Titre trop long à envoyer' }, [['padding', 'a'.repeat(1.1 * MB)]]));
    expect(big.status).toBe(413);
    expect(text(big.text)).toContain('Envoi trop volumineux');
    const api = client(db);
    expect((await api.get('/api/projects/innotech-master')).json).toMatchObject({ version: 1 });
    expect(await count("select count(*)::int as n from revision where record_id = 'innotech-master'")).toBe(1);

    const ok = await postRaw(app, member, PATH, formBody(html, { title: 'Innotech, titre revu' }));
    expect(ok.status).toBe(303);
    expect((await api.get('/api/projects/innotech-master')).json).toMatchObject({ title: 'Innotech, titre revu', version: 2 });
  });

  it('covers every page form: new records, collaboration, APD, password reset, in every language', async () => {
    const padding = new URLSearchParams({ padding: 'a'.repeat(1.1 * MB) });
    const cookie = [...member.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const path of ['/new/projects', '/collab/projects/innotech-master/validate', '/apd/cd93/2021', '/vi/password-reset', '/en/edit/organisations/cd93']) {
      const r = await postRaw(app, member, path, padding);
      expect(r.status, path).toBe(413);
      if (path.startsWith('/vi/')) expect(text(r.text)).toContain('Dữ liệu gửi quá lớn');
    }
    // the API keeps its JSON error
    const api = await app.request('/api/organisations', { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: 'http://localhost' }, body: JSON.stringify({ name: 'a'.repeat(1.1 * MB) }) });
    expect(api.status).toBe(413);
    expect(await api.json()).toEqual({ error: `the body is larger than ${MB} bytes` });
  });

  it('lets the IATI upload form take more than a form, up to TANDEM_IATI_MAX_BYTES, and refuses above it before the CSRF check', async () => {
    const xml = `${`<!-- ${'padding '.repeat(1000)}-->\n`.repeat(150)}${readFileSync(FI, 'utf8')}`; // ≈ 1.2 MB: over the form limit
    expect(xml.length).toBeGreaterThan(1.1 * MB);

    process.env.TANDEM_IATI_MAX_BYTES = String(1 * MB);
    const refused = await upload(xml, 'not-the-token'); // 413 and not 403: the limit runs before the CSRF field is read
    expect(refused.status).toBe(413);
    const page = text(await refused.text());
    expect(page).toContain('Le fichier dépasse la taille maximale acceptée, 1 Mo (réglage TANDEM_IATI_MAX_BYTES). Rien n’a été enregistré.');
    expect(await imported()).toBe(0);

    process.env.TANDEM_IATI_MAX_BYTES = String(2 * MB);
    const ok = await upload(xml);
    expect(ok.status).toBe(200);
    expect(await imported()).toBe(identifiersOf(FI).length);
  });
});
