import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { createApp } from '../../app.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';

/** Documents of partnerships and projects (API): one link at a time, each a versioned update of the record, in its history. */
describe('documents of partnerships and projects', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, adminToken: 'documents-admin' });
    await makeAccount(db, 'member@documents.example', [{ role: 'member', organisationId: 'cd93' }]);
    await makeAccount(db, 'outsider@documents.example', [{ role: 'member', organisationId: 'ville-montreuil' }]);
  });
  afterAll(async () => { await db.close(); });

  it('adds, changes and removes documents with the record’s version; others cannot', async () => {
    const m = browser(app);
    const h = { 'x-csrf-token': await m.login('member@documents.example') };
    for (const [kind, id] of [['partnerships', 'ssd-hai-duong'], ['projects', 'innotech-master']]) {
      const D = `/api/${kind}/${id}/documents`;
      const start = (await browser(app).get(D)).json;
      const n = start.items.length;
      const added = await m.post(D, { url: 'https://cd93.example/convention-2006.pdf', title: 'Convention de 2006', kind: 'agreement', version: start.version }, h);
      expect(added.status, added.text).toBe(201);
      expect(added.json.version).toBe(start.version + 1);
      expect(added.json.items.at(-1)).toEqual({ position: n + 1, url: 'https://cd93.example/convention-2006.pdf', title: 'Convention de 2006', kind: 'agreement' });
      expect((await browser(app).get(`/api/${kind}/${id}`)).json.links.at(-1).title).toBe('Convention de 2006');

      // stale version: 409, nothing changes
      const stale = await m.post(D, { url: 'https://cd93.example/autre.pdf', kind: 'report', version: start.version }, h);
      expect(stale.status).toBe(409);
      // hostile input names the field
      const bad = await m.post(D, { url: 'javascript:alert(1)', kind: 'photo', version: added.json.version }, h);
      expect(bad.status).toBe(400);
      expect(bad.json.issues.map((i: any) => i.path)).toEqual(['url']);
      expect((await m.put(`${D}/0`, { url: 'https://a.example/', kind: 'report', version: added.json.version }, h)).status).toBe(400);
      expect((await m.put(`${D}/999`, { url: 'https://a.example/', kind: 'report', version: added.json.version }, h)).status).toBe(404);
      expect((await m.post(D, { url: 'https://a.example/', kind: 'grimoire', version: added.json.version }, h)).json.issues[0].path).toBe('kind');

      // an outsider, a visitor: refused, nothing changes
      const o = browser(app);
      const oh = { 'x-csrf-token': await o.login('outsider@documents.example') };
      expect((await o.post(D, { url: 'https://x.example/', kind: 'report', version: added.json.version }, oh)).status).toBe(403);
      expect((await o.del(`${D}/${n + 1}?version=${added.json.version}`, undefined, oh)).status).toBe(403);
      expect((await browser(app).post(D, { url: 'https://x.example/', kind: 'report', version: added.json.version })).status).toBe(401);

      const changed = await m.put(`${D}/${n + 1}`, { url: 'https://cd93.example/rapport-2024.pdf', title: 'Rapport 2024', kind: 'report', version: added.json.version }, h);
      expect(changed.status, changed.text).toBe(200);
      expect(changed.json.items.at(-1)).toMatchObject({ title: 'Rapport 2024', kind: 'report' });
      expect((await m.del(`${D}/${n + 1}?version=${added.json.version}`, undefined, h)).status).toBe(409);
      expect((await m.del(`${D}/${n + 1}?version=${changed.json.version}`, undefined, h)).status).toBe(204);
      expect((await browser(app).get(D)).json).toEqual({ version: changed.json.version + 1, items: start.items });

      // every change is a revision of the record, in its public history
      const revisions = (await browser(app).get(`/api/${kind}/${id}/revisions`)).json;
      const items = revisions.items ?? revisions;
      expect(items.slice(0, 3).map((r: any) => r.action)).toEqual(['update', 'update', 'update']);
    }
  });
});
