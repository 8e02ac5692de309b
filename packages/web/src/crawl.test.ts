/**
 * The crawl: every link from the home page in the three languages, every sheet of every seeded record and every
 * country, as a visitor sees them. Fails on any 5xx, a page without a doctype, or a link to a missing page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { createSite } from './site.js';

const LANGS = ['', '/en', '/vi'];
/** Links followed from the pages found (beyond the sheets visited anyway); search facets multiply without end. */
const FOLLOW_DEPTH = 2;
const HREF = /\shref="([^"]*)"/g;

function internal(href: string): string | null {
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  const path = href.replace(/&amp;/g, '&').split('#')[0]!;
  if (!path || path.startsWith('/api/') || path.startsWith('/assets/')) return null;
  return path;
}

describe('crawl of the public site', () => {
  let db: Db;
  let app: ReturnType<typeof createSite>;
  beforeAll(async () => {
    db = await testDb();
    app = createSite({ db });
  });
  afterAll(async () => { await db.close(); });

  it('answers every linked page, every record sheet and every country in fr, en and vi without a 5xx or a missing page', async () => {
    const seen = new Map<string, number>();
    const problems: string[] = [];
    const from = new Map<string, string>();
    const queue: Array<{ path: string; depth: number }> = [];
    const add = (path: string, depth: number, parent: string) => {
      if (seen.has(path) || queue.some((q) => q.path === path)) return;
      from.set(path, parent);
      queue.push({ path, depth });
    };
    for (const l of LANGS) add(l || '/', 0, '(start)');
    const kinds = [['partnerships', 'partnership'], ['projects', 'project'], ['organisations', 'organisation'], ['missions', 'mission'], ['events', 'event'], ['series', 'event_series']];
    for (const [path, table] of kinds) {
      for (const { id } of await db.query<{ id: string }>(`select id from ${table}`)) for (const l of LANGS) add(`${l}/${path}/${encodeURIComponent(id)}`, FOLLOW_DEPTH, '(seeded record)');
    }
    for (const s of await db.query<{ event_id: string; id: string }>('select event_id, id from event_session')) {
      for (const l of LANGS) add(`${l}/events/${encodeURIComponent(s.event_id)}/sessions/${encodeURIComponent(s.id)}`, FOLLOW_DEPTH, '(seeded session)');
    }
    for (const { id } of await db.query<{ id: string }>(`select id from territory where kind = 'country'`)) for (const l of LANGS) add(`${l}/territories/${encodeURIComponent(id)}`, FOLLOW_DEPTH, '(country)');

    while (queue.length) {
      const { path, depth } = queue.shift()!;
      const res = await app.request(path);
      seen.set(path, res.status);
      const body = await res.text();
      if (res.status >= 500) { problems.push(`${res.status} ${path} (linked from ${from.get(path)})`); continue; }
      if (res.status === 404) { problems.push(`404 ${path} (linked from ${from.get(path)})`); continue; }
      const type = res.headers.get('content-type') ?? '';
      if (!type.startsWith('text/html')) continue;
      if (!/^<!doctype html>/i.test(body)) problems.push(`no doctype: ${path}`);
      if (depth > FOLLOW_DEPTH) continue;
      if (depth === FOLLOW_DEPTH) {
        // links of the deepest pages are still checked to exist, but not followed further
        for (const m of body.matchAll(HREF)) { const p = internal(m[1]!); if (p && !p.includes('?') && !p.startsWith('/logout')) add(p, FOLLOW_DEPTH + 1, path); }
        continue;
      }
      for (const m of body.matchAll(HREF)) { const p = internal(m[1]!); if (p && !p.startsWith('/logout')) add(p, depth + 1, path); }
    }
    console.log(`crawl: ${seen.size} pages`);
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(750); // 250 countries × 3 languages, the records and what they link to
  }, 600_000);
});
