/**
 * 1,000 fuzzed requests with a fixed seed on the test engine (the bounded run of `npm run fuzz`): every API route
 * from the OpenAPI description and the pages, as anonymous and as a signed-in member — no 5xx, and every 400 of
 * the API names a field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { fuzz, fuzzContext, summary } from '../../server/test/fuzz/run.js';
import { createSite } from '../src/site.js';
import { siteRequests } from './fuzz.js';

describe('fuzz: 1,000 requests from the OpenAPI description and the page routes', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('no 5xx, and every API 400 names a field', async () => {
    const app = createSite({ db });
    const ctx = await fuzzContext(db);
    // The whole database's first download builds the reference data's file (36,000 territories, 86,000 indicators:
    // ≈ 9 s cold at load 4, past 15 s on a loaded machine); made once here, so that the fuzz's 15 s per request
    // judges answers, not that one cold build (features/export/cache.ts).
    const warm = await app.request('/api/export/all');
    expect([warm.status, (await warm.arrayBuffer()).byteLength > 0]).toEqual([200, true]);
    const report = await fuzz(app, ctx, await siteRequests(app, ctx.known), { runs: 1000, seed: 20261206 });
    console.log(summary(report, db.engine));
    expect(report.runs).toBe(1000);
    expect(report.failures.map((f) => `${f.reason}: ${f.request.method} ${f.request.path} ${f.request.body ?? ''}`.slice(0, 300))).toEqual([]);
  }, 120_000);
});
