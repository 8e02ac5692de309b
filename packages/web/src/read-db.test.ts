/**
 * Pages and the read replica (DATABASE_READ_URL, server/src/lib/read-db.ts): a visitor's pages are read
 * from the read pool; a signed-in person's pages, the sign-in pages and every POST from the primary. On
 * PostgreSQL the read pool is read-only, so a page that wrote on a GET would fail here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counted, readReplicaOf, testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { browser, makeAccount } from '../../server/src/features/auth/auth.testkit.js';
import { createSite } from './site.js';

const visitorPages = ['/', '/search?q=hue', '/en/statistics', '/partnerships/ssd-hai-duong', '/vi/territories/VN', '/embed/map', '/statistics/by-theme.csv'];

describe('pages on the read replica', () => {
  let base: Db;
  let primary: Db & { count: number };
  let replica: Db & { count: number };
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => {
    base = await testDb();
    primary = counted(base);
    replica = await readReplicaOf(base);
    app = createSite({ db: primary, readDb: replica });
    await makeAccount(base, 'pages-reader@example.org', [{ role: 'member', organisationId: 'cd93' }]);
  });
  afterAll(async () => { await replica.close(); await base.close(); });

  const reset = () => { primary.count = 0; replica.count = 0; };

  it("a visitor's pages come from the read pool only", async () => {
    for (const path of visitorPages) {
      reset();
      expect((await app.request(path)).status, path).toBe(200);
      expect(replica.count, path).toBeGreaterThan(0);
      expect(primary.count, path).toBe(0);
    }
  });

  it("a signed-in person's pages and the sign-in pages come from the primary only", async () => {
    const b = browser(app);
    await b.login('pages-reader@example.org');
    reset();
    for (const path of ['/', '/partnerships/ssd-hai-duong', '/search?q=hue']) expect((await b.get(path)).status, path).toBe(200);
    expect(replica.count).toBe(0);
    expect(primary.count).toBeGreaterThan(0);
    reset();
    expect((await app.request('/password-reset/not-a-token')).status).toBeLessThan(500);
    expect(replica.count).toBe(0);
  });
});
