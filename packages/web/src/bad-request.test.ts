/** Pages answer bad input with a 400 page in the visitor's language, never a 5xx. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { browser, makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { createSite } from './site.js';

describe('the 400 page', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => { db = await testDb(); app = createSite({ db }); });
  afterAll(async () => { await db.close(); });

  const get = async (path: string) => { const r = await app.request(path); return { status: r.status, text: await r.text() }; };

  it('malformed percent-encoding in a page path or query, in each language', async () => {
    for (const [path, lang, title] of [['/embed-code/projects/%ff', 'fr', 'Requête invalide'], ['/projects/%ff', 'fr', 'Requête invalide'],
      ['/en/organisations/%E0%A4%A', 'en', 'Invalid request'], ['/vi/search?q=%ff', 'vi', 'Yêu cầu không hợp lệ']] as const) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, 400]);
      expect(r.text).toContain(`<html lang="${lang}"`);
      expect(r.text).toContain(`<h1>${title}</h1>`);
    }
  });

  it('NUL in a page path, a search filter or a posted form names the part', async () => {
    const filter = await get('/search?country=%00');
    expect(filter.status).toBe(400);
    expect(filter.text).toContain('« country »');
    const inPath = await get('/en/projects/%00');
    expect(inPath.status).toBe(400);
    expect(inPath.text).toContain('The address you asked for holds a null character: check the link');
    expect(inPath.text).not.toContain('“path”');
    expect((await get('/projects/%ff')).text).toContain('L’adresse demandée est mal encodée : vérifiez le lien');
    const form = await app.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%00%40b.fr&password=x' });
    expect([form.status, (await form.text()).includes('« email »')]).toEqual([400, true]);
  });

  it('a search over 300 characters: the page says so in the visitor\'s language', async () => {
    const fr = await get(`/search?q=${'eau '.repeat(80)}`);
    expect(fr.status).toBe(400);
    expect(fr.text).toContain('Votre recherche est trop longue : 300 caractères au plus.');
    const en = await get(`/en/search?q=${'a'.repeat(301)}&country=VN`);
    expect([en.status, en.text.includes('Your search is too long: 300 characters at most.')]).toEqual([400, true]);
    expect((await get(`/search?q=${'a'.repeat(300)}`)).status).toBe(200);
  });

  it('a restore form with a revision or a version that is no int4 answers 400, not 500', async () => {
    await makeAccount(db, 'restore-bad@example.org', [{ role: 'platform_admin', organisationId: null }]);
    const b = browser(app);
    const csrf = await b.login('restore-bad@example.org');
    for (const [revision, version] of [['abc', '1'], ['99999999999', '1'], ['1', '99999999999'], ['1', 'x']]) {
      const r = await b.form(`/collab/partnership/ssd-hai-duong/restore/${revision}`, { _csrf: csrf, version });
      // the collaboration error page, not the database's safety net (a JSON 400, logged as a bug)
      expect([revision, version, r.status, r.headers.get('content-type')]).toEqual([revision, version, 400, 'text/html; charset=UTF-8']);
    }
  });
});
