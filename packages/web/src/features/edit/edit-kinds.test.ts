/** The edit pages through the whole site in-process: signed-in members, real sessions and CSRF, both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import { client, TOKEN } from '../../../../server/test/http.js';
import type { Db } from '../../../../server/src/db/client.js';
import { browser, makeAccount } from '../../../../server/src/features/auth/auth.testkit.js';
import { createSite } from '../../site.js';

type Browser = ReturnType<typeof browser>;

const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What a browser would submit: the controls outside <template>s (checkboxes and radios when checked), in order. */
function entries(html: string): Array<[string, string]> {
  let page = html;
  for (let prev = ''; prev !== page;) { prev = page; page = page.replace(/<template\b[^>]*>(?:(?!<template\b)[\s\S])*?<\/template>/g, ''); }
  const out: Array<[number, string, string]> = [];
  for (const m of page.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const type = /\btype="([^"]*)"/.exec(m[0])?.[1];
    if (!name || type === 'submit' || ((type === 'checkbox' || type === 'radio') && !/\bchecked/.test(m[0]))) continue;
    out.push([m.index!, name, unescape(/\bvalue="([^"]*)"/.exec(m[0])?.[1] ?? '')]);
  }
  for (const m of page.matchAll(/<select\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) out.push([m.index!, m[1], unescape(/<option value="([^"]*)" selected=""/.exec(m[2])?.[1] ?? '')]);
  for (const m of page.matchAll(/<textarea\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) out.push([m.index!, m[1], unescape(m[2])]);
  return out.sort((a, b) => a[0] - b[0]).map(([, k, v]) => [k, v]);
}

/** name → value (first occurrence). */
const fields = (html: string) => { const m = new Map<string, string>(); for (const [k, v] of entries(html)) if (!m.has(k)) m.set(k, v); return m; };

/** The form as a browser would post it, with some fields changed (null: left out) and some added. */
function formBody(html: string, change: Record<string, string | null> = {}, extra: Array<[string, string]> = []) {
  const body = new URLSearchParams();
  const seen = new Set<string>();
  for (const [k, v] of entries(html)) {
    if (k in change) { if (change[k] !== null && !seen.has(k)) body.append(k, change[k]!); seen.add(k); } else body.append(k, v);
  }
  for (const [k, v] of Object.entries(change)) if (!seen.has(k) && v !== null) body.append(k, v);
  for (const [k, v] of extra) body.append(k, v);
  return body;
}

async function postRaw(app: ReturnType<typeof createSite>, b: Browser, path: string, body: URLSearchParams) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  const res = await app.request(path, { method: 'POST', headers, body: body.toString() });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

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
    expect(r.headers.get('location')).toMatch(/^\/vi\/partnerships\//);
    const p = (await api().get(r.headers.get('location')!.replace('/vi/', '/api/'))).json;
    expect(p.parties.map((x: any) => x.organisationId)).toEqual(['cd93', 'ville-hue']);
  });

  it('members may not create territories; unknown kinds and records are 404 pages', async () => {
    expect((await member.get('/new/territories')).status).toBe(403);
    expect((await admin.get('/en/new/territories')).text).toContain('Create: Place');
    expect((await member.get('/edit/projects/nope')).status).toBe(404);
    expect((await member.get('/edit/things/x')).status).toBe(404);
  });
});
