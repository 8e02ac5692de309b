/**
 * Territory sheets whatever the number of subdivisions: a territory with exactly one (Senegal's Thiès region here)
 * was a 500 — hono/jsx hands a one-element `children` prop over as the element itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import { createSite } from '../../site.js';

describe('territory sheets', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => { db = await testDb(); app = createSite({ db }); });
  afterAll(async () => { await db.close(); });

  it('list one subdivision as they list several', async () => {
    const [{ n }] = await db.query<{ n: number }>("select count(*)::int as n from territory where parent_id = 'SN'");
    expect(n).toBe(1);
    for (const path of ['/territories/SN', '/en/territories/SN', '/vi/territories/VN']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('id="subdivisions-h"');
    }
  });
});
