/** The edit pages through the whole site in-process: signed-in members, real sessions and CSRF, both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import { client, TOKEN } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { createSite } from '../../site.js';
import { entries, fields, formBody, postRaw, type Browser } from './form-testkit.js';


describe('edit forms of the other kinds', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  let admin: Browser, member: Browser;
  const api = () => client(db);

  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db, adminToken: TOKEN });
    await makeAccount(db, 'admin@tandem.example', [{ role: 'platform_admin', organisationId: null }], { name: 'Admin' });
    await makeAccount(db, 'lan@cd93.example', [{ role: 'member', organisationId: 'cd93' }], { name: 'Lan' });
    admin = browser(app); await admin.login('admin@tandem.example');
    member = browser(app); await member.login('lan@cd93.example');
  });
  afterAll(async () => { await db?.close(); });

  it('territories (platform administrators): official codes as key/value rows, "add a line" and save', async () => {
    const P = '/edit/territories/VN-P-30';
    const html = (await admin.get(P)).text;
    const f = fields(html);
    expect(f.get('name')).toBe('Hải Dương');
    expect(f.get('kind')).toBe('province');
    const added = await postRaw(app, admin, P, formBody(html, {}, [['_add', 'codes']]));
    const n = [...fields(added.text).keys()].filter((k) => /^codes\[\d+\]\[key\]$/.test(k)).length;
    const body = formBody(added.text, { [`codes[${n - 1}][key]`]: 'osm', [`codes[${n - 1}][value]`]: 'r1234', 'names[en]': 'Hai Duong (former)' });
    const r = await postRaw(app, admin, P, body);
    expect(r.status).toBe(303);
    const t = (await api().get('/api/territories/VN-P-30')).json;
    expect(t.codes.osm).toBe('r1234');
    expect(t.names.en).toBe('Hai Duong (former)');
  });

  it('organisations: acronyms and aliases as rows, territory and country', async () => {
    const P = '/edit/organisations/cd93';
    const html = (await member.get(P)).text;
    expect(fields(html).get('name')).toBe('Département de la Seine-Saint-Denis');
    const added = await postRaw(app, member, P, formBody(html, { territoryId: 'FR-D-93' }, [['_add', 'acronyms']]));
    expect(added.status).toBe(200);
    const n = [...fields(added.text).keys()].filter((k) => /^acronyms\[\d+\]$/.test(k)).length;
    const r = await postRaw(app, member, P, formBody(added.text, { [`acronyms[${n - 1}]`]: 'SSD', website: 'pas une adresse' }));
    expect(r.status).toBe(400);
    expect(r.text).toContain('id="f-website-error">Adresse web complète attendue, commençant par https://</p>');
    const ok = await postRaw(app, member, P, formBody(r.text, { website: 'https://seinesaintdenis.fr' }));
    expect(ok.status).toBe(303);
    const o = (await api().get('/api/organisations/cd93')).json;
    expect(o.acronyms.at(-1)).toBe('SSD');
    expect(o.website).toBe('https://seinesaintdenis.fr');
  });

  it('a new partnership in Vietnamese: two parties to start with, the "at least two parties" error, then created', async () => {
    const form = await member.get('/vi/new/partnerships');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<html lang="vi">');
    expect(form.text).toContain('<legend>Các bên</legend>');
    const f = fields(form.text);
    expect([f.get('parties[0][side]'), f.get('parties[1][side]')]).toEqual(['fr', 'foreign']);
    const one = await postRaw(app, member, '/vi/new/partnerships', formBody(form.text, { title: 'Seine-Saint-Denis – Huế', kind: 'cooperation', 'parties[0][organisationId]': 'cd93' }));
    expect(one.status).toBe(400);
    expect(one.text).toContain('id="f-parties-1-organisationId-error">Trường này là bắt buộc.</p>');
    const removed = await postRaw(app, member, '/vi/new/partnerships', formBody(one.text, {}, [['_remove', 'parties.1']]));
    expect(removed.status).toBe(400);
    expect(removed.text).toMatch(/<fieldset class="group rows-group" id="f-parties"[^>]*aria-describedby="f-parties-error"><legend>Các bên<\/legend><p class="field-error" id="f-parties-error">Một quan hệ đối tác có ít nhất hai bên.<\/p>/);
    const again = await postRaw(app, member, '/vi/new/partnerships', formBody(removed.text, {}, [['_add', 'parties']]));
    const r = await postRaw(app, member, '/vi/new/partnerships', formBody(again.text, { 'parties[1][organisationId]': 'ville-hue', 'parties[1][side]': 'foreign' }));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toMatch(/^\/vi\/partnerships\/[^?]+\?saved=created$/);
    const p = (await api().get(r.headers.get('location')!.replace('/vi/', '/api/').replace(/\?.*$/, ''))).json;
    expect(p.parties.map((x: any) => x.organisationId)).toEqual(['cd93', 'ville-hue']);
  });

  it('members may not create territories; unknown kinds and records are 404 pages', async () => {
    expect((await member.get('/new/territories')).status).toBe(403);
    expect((await admin.get('/en/new/territories')).text).toContain('Create: Place');
    expect((await member.get('/edit/projects/nope')).status).toBe(404);
    expect((await member.get('/edit/things/x')).status).toBe(404);
  });
});
