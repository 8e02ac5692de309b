/**
 * The funding pages in-process, in fr, en and vi: the list and its GET filters (a bad filter: the 400 page), a call's
 * page with every field in words (URLs other than http(s) never become links), the calls for my organisation
 * (visitors go to the login page; a member of two organisations chooses one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { SYSTEM_CONTEXT } from '../../../../server/src/lib/actor.js';
import { callInput } from '../../../../server/src/features/funding/funding.input.js';
import { createCall } from '../../../../server/src/features/funding/funding.service.js';
import { sampleCall, smallCommune } from '../../../../server/src/features/funding/funding.testkit.js';
import { createSite } from '../../site.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('funding pages', () => {
  let db: Db; let site: ReturnType<typeof createSite>; let cookie = '';
  const get = (path: string, withCookie = false) => site.request(path, { headers: withCookie ? { cookie } : {} });
  beforeAll(async () => {
    db = await testDb();
    site = createSite({ db });
    await smallCommune(db, 'commune-pages');
    await createCall(db, SYSTEM_CONTEXT, callInput.parse(sampleCall({ id: 'pages-eau', closesOn: '2099-03-01', predepositOn: null })));
    const a = await createAccount(db, { email: 'pages@commune.example', name: 'P', password: 'correct horse battery staple' });
    for (const organisationId of ['commune-pages', 'cd93']) await addGrant(db, a.id, { role: 'member', organisationId }, null);
    cookie = `tandem_session=${(await createSession(db, a.id)).token}`;
  });
  afterAll(async () => { await db?.close(); });

  it('lists and filters the calls in three languages; a bad filter gets the 400 page', async () => {
    const fr = text(await (await get('/funding-calls?theme=env.eau-dechets')).text());
    expect(fr).toContain('« 1 % eau » — loi Oudin-Santini');
    expect(fr).toContain('Fonds eau potable France–Vietnam (essai)');
    expect(fr).not.toContain('1 % énergie');
    expect(fr).toContain('de 20 % à 50 %');
    const en = await get('/en/funding-calls?beneficiary=region');
    expect(en.status).toBe(200);
    const enText = text(await en.text());
    expect(enText).toContain('Calls for projects and funding');
    expect(enText).not.toContain('1 % eau');
    expect(text(await (await get('/vi/funding-calls')).text())).toContain('Kêu gọi dự án và tài trợ');
    expect((await get('/funding-calls?country=zz')).status).toBe(400);
    const html = await (await get('/funding-calls?q=eau&country=VN')).text();
    expect(html).toContain('href="/funding-calls/alerts/new?q=eau&amp;country=VN"');
  });

  it('shows every field of a call in words', async () => {
    const page = text(await (await get('/en/funding-calls/pages-eau')).text());
    for (const s of ['municipalities, inter-municipal bodies (EPCI)', 'grant', 'investment', 'implementation', 'Water and waste', 'France',
      'at least 3 authorities together', 'Ministère de l’Europe et des Affaires étrangères', 'Délégation pour l’action extérieure', 'from 20% to 50%', 'Budget prévisionnel']) expect(page).toContain(s);
    expect((await get('/funding-calls/nope')).status).toBe(404);
    expect((await get('/funding-calls/alerts')).status).toBe(404);
  });

  it('ranks the calls for my organisation with the reasons; visitors are sent to sign in', async () => {
    const anon = await get('/espace/funding-calls');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/login\?/);
    const page = await (await get('/espace/funding-calls?org=commune-pages', true)).text();
    const t = text(page);
    expect(t).toContain('Appels pour mon organisation — Commune de Petit-Essai');
    expect(page).toContain('<option value="cd93"');
    expect(t).toMatch(/✓ oui : Vos thèmes : Eau et déchets/);
    expect(t).toMatch(/✗ non : Exige au moins 3 collectivités/);
    expect(t.indexOf('Fonds eau potable')).toBeLessThan(t.indexOf('1 % énergie'));
    const vi = text(await (await get('/vi/espace/funding-calls?org=commune-pages', true)).text());
    expect(vi).toContain('Kêu gọi cho tổ chức của tôi');
  });
});
