/** Every URL field refuses script and data URLs with a 400 naming the field; IATI import and export carry none. */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { importIati } from '../iati/import/service.js';
import { HOSTILE_URLS } from '../../../../shared/src/url.testkit.js';

const BAD = HOSTILE_URLS.filter((u) => !u.startsWith('mailto:'));
const parties = [{ organisationId: 'cd93', side: 'fr' }, { organisationId: 'hai-duong-cp', side: 'foreign' }];

describe('URL fields', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  const refused = async (method: 'post' | 'put', path: string, body: object, field: string) => {
    const r = await api[method](path, body);
    expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(400);
    expect(r.json.issues.map((i: { path: string }) => i.path)).toEqual([field]);
    expect(r.json.error).toContain(field);
  };

  it('an organisation website: every scheme but http(s), every disguise, on create and update', async () => {
    for (const website of BAD) await refused('post', '/api/organisations', { kind: 'association', name: 'Asso test', website }, 'website');
    const ok = await api.post('/api/organisations', { id: 'asso-url-test', kind: 'association', name: 'Asso test', website: 'https://asso.example/' });
    expect(ok.status).toBe(201);
    await refused('put', '/api/organisations/asso-url-test', { kind: 'association', name: 'Asso test', website: 'javascript:alert(document.cookie)', version: ok.json.version }, 'website');
    const [row] = await db.query('select website from organisation where id = $1', ['asso-url-test']);
    expect(row.website).toBe('https://asso.example/');
  });

  it('partnership links and agreement documents, project links', async () => {
    const partnership = { title: 'Test liens', kind: 'cooperation', parties };
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/']) {
      await refused('post', '/api/partnerships', { ...partnership, links: [{ url: 'https://ok.example/' }, { url }] }, 'links.1.url');
      await refused('post', '/api/partnerships', { ...partnership, agreements: [{ kind: 'convention', documentUrl: url }] }, 'agreements.0.documentUrl');
      await refused('post', '/api/projects', { title: 'Projet liens', links: [{ url }] }, 'links.0.url');
    }
    const [{ n }] = await db.query(`select count(*)::int as n from link where url not like 'http%'`);
    expect(n).toBe(0);
  });

  it('the IATI import leaves script URLs out with a warning, and the export leaves out stored ones', async () => {
    const activity = (id: string, url: string) => `<iati-activity><iati-identifier>FR-TEST-${id}</iati-identifier>
      <title><narrative>Activité ${id}</narrative></title><activity-status code="2"/>
      <document-link url="${url}" format="text/html"><title><narrative>Lien</narrative></title><category code="A01"/></document-link>
      <document-link url="https://ok.example/${id}" format="text/html"><title><narrative>Bon lien</narrative></title><category code="A01"/></document-link>
    </iati-activity>`;
    const xml = `<iati-activities version="2.03">${[['js', 'javascript:alert(1)'], ['case', ' JaVaScRiPt:alert(1)'], ['tab', 'java&#9;script:alert(1)'],
      ['vb', 'vbscript:msgbox(1)'], ['data', 'data:text/html,x'], ['rel', '//evil.example/x']].map(([id, url]) => activity(id, url)).join('')}</iati-activities>`;
    const report = await importIati(db, Readable.from([Buffer.from(xml)]));
    expect(report).toMatchObject({ activities: 6, imported: 6 });
    const problems = JSON.stringify(report);
    expect(problems.match(/document-link with an unusable url/g)).toHaveLength(6);
    const links = await db.query(`select l.url from link l join project p on p.id = l.owner_id where p.iati_identifier like 'FR-TEST-%' order by 1`);
    expect(links.map((l) => l.url)).toEqual(['case', 'data', 'js', 'rel', 'tab', 'vb'].map((id) => `https://ok.example/${id}`));

    // a script URL already in the database (stored before the rule): the IATI export leaves it out
    const [p] = await db.query(`select id from project where iati_identifier = 'FR-TEST-js'`);
    await db.query(`insert into link (owner_kind, owner_id, url, title, kind, position) values ('project', $1, 'javascript:alert(1)', 'piège', 'website', 9)`, [p.id]);
    const exported = await api.get('/api/export/iati');
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('https://ok.example/js');
    expect(exported.text).not.toContain('javascript:');
  });
});
