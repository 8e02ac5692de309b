/**
 * Every API route the site serves is in its OpenAPI description (which the fuzz draws its requests from): a hono
 * route under /api that the description lacks fails here, and so does a described operation that nothing serves.
 * Writes that take a JSON body declare its schema (the fuzz builds bodies from it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { createSite } from '../src/site.js';

/** Served outside the route table on purpose: the description itself. */
const UNDESCRIBED = ['GET /api/openapi.json'];
/** Writes without a JSON body: actions named by their path, and the IATI upload (an XML stream). */
const NO_BODY = /^POST \/api\/(registrations\/\{token\}\/cancel|surveys\/\{id\}\/(responses|invitations|reminders)|funding-alerts\/(confirm|unsubscribe)\/\{token\}|admin\/funding-alerts\/send|people\/\{id\}\/erase|auth\/logout|admin\/accounts\/\{id\}\/(disable|enable)|import\/iati)$/;

describe('the OpenAPI description covers every API route', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('lists each hono route under /api, and nothing that is not served', async () => {
    const app = createSite({ db });
    const doc = await (await app.request('/api/openapi.json')).json();
    const described = Object.entries<Record<string, unknown>>(doc.paths)
      .flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`));
    const served = [...new Set(app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, '{$1}')}`))];
    expect(served.filter((r) => !described.includes(r) && !UNDESCRIBED.includes(r))).toEqual([]);
    expect(described.filter((r) => !served.includes(r))).toEqual([]);
    // every feature is there (a feature's routes left out of apiRoutes would vanish from both lists at once)
    for (const prefix of ['/api/events', '/api/events/{id}/sessions', '/api/registrations', '/api/surveys', '/api/groups', '/api/news', '/api/funding-calls',
      '/api/funding-alerts', '/api/extractions', '/api/who-else', '/api/admin/backup', '/api/people', '/api/import/iati', '/api/export']) {
      expect(described.some((r) => r.split(' ')[1].startsWith(prefix)), prefix).toBe(true);
    }
    const bodiless = Object.entries<Record<string, any>>(doc.paths).flatMap(([p, ms]) => Object.entries(ms)
      .filter(([m, op]) => ['post', 'put', 'patch'].includes(m) && !op.requestBody).map(([m]) => `${m.toUpperCase()} ${p}`));
    expect(bodiless.filter((r) => !NO_BODY.test(r))).toEqual([]);
  });
});
