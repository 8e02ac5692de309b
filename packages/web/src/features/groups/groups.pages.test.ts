/** Group pages in-process: /groups, /groups/:id in fr/en/vi, the managers' form, a members-only meeting's sheet. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import type { Actor, Grant } from '../../../../server/src/lib/actor.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { createEvent } from '../../../../server/src/features/events/events.service.js';
import { eventWithGroupInput } from '../../../../server/src/features/groups/meetings.js';
import { createSite } from '../../site.js';

type Who = { cookie: string; csrf: string };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('group pages', () => {
  let db: Db;
  let site: ReturnType<typeof createSite>;
  const who: Record<string, Who> = {};
  let cufAdmin: Actor;
  const signIn = async (key: string, grants: Grant[]) => {
    const email = `${key}@groups-pages.example`;
    const a = await createAccount(db, { email, name: key, password: 'correct horse battery staple' });
    for (const g of grants) await addGrant(db, a.id, g, null);
    const { token, session } = await createSession(db, a.id);
    who[key] = { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
    return { accountId: a.id, email, name: key, grants, via: 'session' } as Actor;
  };
  const get = (path: string, w?: Who) => site.request(path, { headers: w ? { cookie: w.cookie } : {} });
  const post = (path: string, form: Record<string, string>, w?: Who) => {
    const body = new URLSearchParams();
    if (w) body.append('_csrf', w.csrf);
    for (const [k, v] of Object.entries(form)) body.append(k, v);
    return site.request(path, { method: 'POST', headers: { ...(w ? { cookie: w.cookie } : {}), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  };

  beforeAll(async () => {
    db = await testDb();
    site = createSite({ db });
    cufAdmin = await signIn('cuf', [{ role: 'network_admin', organisationId: 'cuf' }]);
    await signIn('member', [{ role: 'member', organisationId: 'cd94' }]);
    await signIn('out', [{ role: 'member', organisationId: 'ville-lille' }]);
  });
  afterAll(async () => { await db?.close(); });

  it('lists the groups by kind and shows the Groupe-Pays Vietnam in French, English and Vietnamese', async () => {
    const list = text(await (await get('/groups')).text());
    expect(list).toContain('Groupes-pays');
    expect(list).toContain('Groupe-Pays Vietnam de Cités Unies France');
    const cases: Array<[string, string[]]> = [
      ['', ['Groupe-pays', 'Présidence : à pourvoir', 'Feuille de route', 'Département de la Seine-Saint-Denis', 'Partenariats avec ce pays', 'Rencontres du groupe']],
      ['/en', ['Country group', 'Presidency: vacant', 'Agenda', 'Partnerships with this country', 'Meetings of the group']],
      ['/vi', ['Nhóm quốc gia', 'Chủ tịch: còn trống', 'Lộ trình', 'Các cuộc họp của nhóm']],
    ];
    for (const [prefix, wanted] of cases) {
      const res = await get(`${prefix}/groups/cuf-gp-vietnam`);
      expect(res.status, prefix).toBe(200);
      const page = text(await res.text());
      for (const w of wanted) expect(page, `${prefix} ${w}`).toContain(w);
      expect(page).toContain('Restitution');
    }
    const lianes = text(await (await get('/groups/lianes')).text());
    expect(lianes).toContain('5 rue Jules de Vicq, 59000 Lille');
    expect(lianes).toContain('Agence française de développement');
    expect((await get('/groups/nope')).status).toBe(404);
  });

  it('lets the network administrator manage the group through plain forms; others get 403', async () => {
    expect((await get('/espace/groups/cuf-gp-vietnam', who.out)).status).toBe(403);
    const page = await get('/espace/groups/cuf-gp-vietnam', who.cuf);
    expect(page.status).toBe(200);
    const added = await post('/espace/groups/cuf-gp-vietnam', { action: 'add', organisationId: 'grand-poitiers', role: 'treasurer', since: '2024-01-15' }, who.cuf);
    expect(added.status).toBe(303);
    const shown = text(await (await get('/groups/cuf-gp-vietnam')).text());
    expect(shown).toContain('Grand Poitiers');
    expect(shown).toContain('Trésorerie');
    const bad = await post('/espace/groups/cuf-gp-vietnam', { action: 'profile', version: '99', groupKind: 'country_group', country: 'VN', parentId: 'cuf' }, who.cuf);
    expect(bad.status).toBe(409);
    expect(text(await bad.text())).toContain('modifié entre-temps');
  });

  it('hides a members-only meeting\'s sheet outside the group', async () => {
    const e = await createEvent(db, eventWithGroupInput.parse({ title: 'Bureau restreint du Groupe-Pays', kind: 'meeting', hosts: ['cuf'],
      groupId: 'cuf-gp-vietnam', visibility: 'members' }), { actor: cufAdmin });
    expect((await get(`/events/${e.id}`)).status).toBe(404);
    expect((await get(`/events/${e.id}`, who.out)).status).toBe(404);
    expect((await get(`/events/${e.id}/calendar.ics`, who.member)).status).toBe(404);
    expect((await get(`/events/${e.id}`, who.member)).status).toBe(200);
    expect(text(await (await get('/groups/cuf-gp-vietnam', who.member)).text())).toContain('réservée aux membres');
    expect(text(await (await get('/groups/cuf-gp-vietnam')).text())).not.toContain('Bureau restreint');
  });
});
