/**
 * DATABASE_READ_URL: anonymous reads go to the read pool, everything else to the primary; without a read
 * pool everything goes to the one pool. On PostgreSQL the read pool is a real second pool on the same
 * database (read-only, application_name 'tandem-read'), as a replica would be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counted, readReplicaOf, testDb } from '../../test/db.js';
import { TOKEN } from '../../test/http.js';
import { createApp } from '../app.js';
import type { Db } from '../db/client.js';
import { browser, makeAccount } from '../features/auth/auth.testkit.js';

const anonymousReads = ['/api/search?q=hue', '/api/projects?perPage=5', '/api/organisations?perPage=2', '/api/export?format=csv&kind=projects', '/api/partnerships?perPage=1'];

describe('read replica (DATABASE_READ_URL)', () => {
  let base: Db;
  let primary: Db & { count: number };
  let replica: Db & { count: number };
  beforeAll(async () => {
    base = await testDb();
    primary = counted(base);
    replica = await readReplicaOf(base);
    await makeAccount(base, 'reader@example.org', [{ role: 'platform_admin', organisationId: null }]);
  });
  afterAll(async () => { await replica.close(); await base.close(); });

  const reset = () => { primary.count = 0; replica.count = 0; };

  it('without a read pool, every request uses the one pool', async () => {
    const app = createApp({ db: primary, adminToken: TOKEN });
    reset();
    for (const path of anonymousReads) expect((await app.request(path)).status).toBe(200);
    expect(primary.count).toBeGreaterThan(0);
    expect(replica.count).toBe(0);
  });

  it('anonymous reads use the read pool and nothing else; the health check stays on the primary', async () => {
    const app = createApp({ db: primary, readDb: replica, adminToken: TOKEN });
    for (const path of anonymousReads) {
      reset();
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(replica.count, path).toBeGreaterThan(0);
      expect(primary.count, path).toBe(0);
    }
    const [first] = (await (await app.request('/api/projects?perPage=1')).json()).items;
    reset();
    expect((await app.request(`/api/projects/${first.id}`)).status).toBe(200);
    expect([primary.count, replica.count > 0]).toEqual([0, true]);
    reset();
    expect((await app.request('/api/health')).status).toBe(200);
    expect([primary.count > 0, replica.count]).toEqual([true, 0]);
  });

  it('writes, script tokens and signed-in people use the primary only (they read their own writes)', async () => {
    const app = createApp({ db: primary, readDb: replica, adminToken: TOKEN });
    reset();
    const made = await app.request('/api/organisations', {
      method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'association', name: 'Association test du réplica' }),
    });
    expect(made.status).toBe(201);
    const { id } = await made.json();
    expect((await app.request(`/api/organisations/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect(replica.count).toBe(0);

    const b = browser(app);
    await b.login('reader@example.org');
    reset();
    expect((await b.get('/api/search?q=replica')).status).toBe(200);
    expect((await b.get(`/api/organisations/${id}`)).json.name).toBe('Association test du réplica');
    expect(replica.count).toBe(0);
    expect(primary.count).toBeGreaterThan(0);

    // a visitor reads the same record through the read pool (here the same database: no lag)
    reset();
    expect((await (await app.request(`/api/organisations/${id}`)).json()).name).toBe('Association test du réplica');
    expect([primary.count, replica.count > 0]).toEqual([0, true]);
  });

  it.runIf(!!process.env.TANDEM_TEST_PG)('PostgreSQL: the read pool shows as tandem-read in pg_stat_activity and refuses writes', async () => {
    const app = createApp({ db: primary, readDb: replica });
    expect((await app.request('/api/search?q=hue')).status).toBe(200);
    const rows = await base.query<{ application_name: string }>(
      'select application_name from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    expect(rows.map((r) => r.application_name)).toContain('tandem-read');
    await expect(replica.query("insert into login_attempt (key) values ('read-only?')")).rejects.toThrow(/read-only transaction/);
  });
});
