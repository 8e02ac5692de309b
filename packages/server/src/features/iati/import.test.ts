/** POST /api/import/iati (platform administrators) and the import's refusals: entities, broken XML, old versions, size. */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { TOKEN } from '../../../test/http.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import { makeAccount } from '../auth/auth.testkit.js';
import { createApiToken } from '../auth/api-tokens.js';
import { importIati } from './import/service.js';
import { ImportError } from './import/parse.js';
import { identifiersOf, sample } from './iati.testkit.js';

const FI = sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml');
const from = (xml: string) => Readable.from([Buffer.from(xml)]);
const projects = async (db: Db) => (await db.query<{ n: number }>('select count(*)::int as n from project'))[0].n;

describe('IATI import: API and refusals', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  const post = (body: string | Buffer, token: string | null = TOKEN, query = '', headers: Record<string, string> = {}) => app.request(`/api/import/iati${query}`, {
    method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/xml', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  beforeAll(async () => { db = await testDb(); app = createApp({ db, adminToken: TOKEN }); });
  afterAll(async () => { await db.close(); });

  it('platform administrators only: 401 without a token, 403 for a member, 200 and the report for the admin token', async () => {
    const xml = readFileSync(FI);
    expect((await post(xml, null)).status).toBe(401);
    const member = await makeAccount(db, 'membre-iati@example.org', [{ role: 'member', organisationId: 'cd93' }]);
    const { token } = await createApiToken(db, member.id, 'script', ['read', 'write']);
    const denied = await post(xml, token);
    expect(denied.status).toBe(403);
    const ok = await post(xml);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: '2.03', activities: 6, imported: 6, transactions: 9, budgets: 12 });
    const [p] = await db.query(`select p.title, p.status, p.themes, (select array_agg(territory_id) from project_place where project_id = p.id) as places
      from project p where iati_identifier = $1`, [identifiersOf(FI)[0]]);
    expect(p).toMatchObject({ title: 'Quality laboratory testing -training project in Benin', places: ['BJ'] });
  });

  it('uploads larger than the JSON body limit, with skip-invalid, and progress over server-sent events', async () => {
    const covid = readFileSync(sample('hdx-tests-fixtures-covid-input-dportal.xml'));
    expect(covid.length).toBeGreaterThan(1024 * 1024);
    const refused = await post(covid);
    expect(refused.status).toBe(422);
    expect((await refused.json()).report).toMatchObject({ activities: 401, skipped: 21 });
    const sse = await post(covid, TOKEN, '?skipInvalid=true', { accept: 'text/event-stream' });
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    const events = await sse.text();
    expect(events).toContain('event: report');
    const report = JSON.parse(/event: report\ndata: (.*)\n/.exec(events)![1]);
    expect(report).toMatchObject({ imported: 380, skipped: 21 });
  });

  it('refuses a DOCTYPE declaring entities (billion laughs, XXE) and lands nothing', async () => {
    const before = await projects(db);
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<iati-activities version="2.03"><iati-activity><iati-identifier>&lol2;</iati-identifier></iati-activity></iati-activities>`;
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>`;
    for (const xml of [laughs, xxe]) {
      const e = await importIati(db, from(xml)).catch((x) => x);
      expect(e).toBeInstanceOf(ImportError);
      expect(e.message).toMatch(/^line \d+: .*entities.*refused/);
    }
    const r = await post(xxe);
    expect(r.status).toBe(400);
    expect((await r.json()).error).toContain('entities');
    expect(await projects(db)).toBe(before);
  });

  it('a truncated file fails with its line number and nothing lands', async () => {
    const before = await projects(db);
    const text = readFileSync(sample('iaticloud-MAEC_IATI_INDONESIA-2.01.xml'), 'utf8');
    const cut = text.slice(0, Math.floor(text.length * 0.8));
    const e = await importIati(db, from(cut)).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.line).toBeGreaterThan(1000);
    expect(e.message).toMatch(/^line \d+: the XML is broken/);
    expect(await projects(db)).toBe(before);
    const broken = await importIati(db, from('<iati-activities version="2.03">\n<iati-activity>\n<title></iati-activity>')).catch((x) => x);
    expect(broken.line).toBe(3);
  });

  it('old versions, other roots, and files over the size limit get a clear message', async () => {
    const old = await importIati(db, from('<iati-activities version="1.05"><iati-activity/></iati-activities>')).catch((x) => x);
    expect(old.message).toContain('IATI version 1.05 is not supported: Tandem reads versions 2.01 to 2.03');
    const org = await importIati(db, from('<iati-organisations version="2.03"/>')).catch((x) => x);
    expect(org.message).toContain('not an IATI activity file');
    const big = await importIati(db, from(readFileSync(FI, 'utf8')), { maxBytes: 10_000 }).catch((x) => x);
    expect(big).toMatchObject({ status: 413 });
    expect(big.message).toContain('larger than the limit of 10 kB');
  });
});
