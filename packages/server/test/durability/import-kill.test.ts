/**
 * An IATI import is all or nothing, even through `kill -9` (run's engine): a small file imported to the end (its
 * answer acknowledged) is all there after the kill; the 2,000-activity d-portal file (23 MB), killed once the server
 * reports 500 activities read and written in the import's transaction, left nothing — none of its projects,
 * organisations, revisions or search documents — and the restarted server imports it whole.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { identifiersOf, plainSample, sample } from '../../src/features/iati/iati.testkit.js';
import { signalGroup, type Proc } from '../server-process.js';
import { auth, served, type Served } from './served.js';

const SMALL = sample('js-validator-api_FI-3-mfa-finland-6acts-2.03.xml');
let s: Served, big: string;
beforeAll(async () => { s = await served('import'); big = plainSample('dportal-2021-06-15-2000acts.xml.br'); }, 120_000);
afterAll(async () => { await s?.cleanup(); }, 60_000);

const TABLES = ['project', 'organisation', 'revision', 'search_doc', 'funding_line'];
async function counts(db: Db) {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await db.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0].n;
  return out;
}
const present = async (db: Db, ids: string[]) =>
  (await db.query<{ n: number }>('select count(*)::int as n from project where iati_identifier = any($1::text[])', [ids]))[0].n;

/** Posts the file with progress events; resolves with the progress once `until` holds (or the final event). */
async function importWatching(p: Proc, file: string, until: (progress: { activities: number }) => boolean) {
  const res = await fetch(`${p.url}/api/import/iati?skipInvalid=true`, {
    method: 'POST', body: readFileSync(file), headers: { ...auth, 'content-type': 'application/xml', accept: 'text/event-stream' } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { event: 'end', data: null };
    text += new TextDecoder().decode(value);
    for (const m of text.matchAll(/event: (\w+)\ndata: (.*)\n/g)) {
      const data = JSON.parse(m[2]);
      if (m[1] !== 'progress' || until(data)) { void reader.cancel().catch(() => {}); return { event: m[1], data }; }
    }
  }
}

describe('kill -9 during an IATI import', () => {
  it('keeps the acknowledged import whole and leaves nothing of the one it cut', async () => {
    const small = identifiersOf(SMALL), all = identifiersOf(big);
    // two of the Finnish activities are in the d-portal file too: the cut import must leave the others out
    const shared = all.filter((id) => small.includes(id)), many = all.filter((id) => !small.includes(id));
    expect(shared).toHaveLength(2);
    expect(many.length).toBeGreaterThan(1500);
    let db = await s.open();
    const before = await counts(db);
    expect(await present(db, [...small, ...many])).toBe(0);
    await db.close();

    const p = await s.start('A');
    const ok = await fetch(`${p.url}/api/import/iati`, { method: 'POST', body: readFileSync(SMALL), headers: { ...auth, 'content-type': 'application/xml' } });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const smallReport = await ok.json();
    expect(smallReport.imported).toBe(6);
    const cut = await importWatching(p, big, (progress) => progress.activities >= 500);
    expect(cut.event).toBe('progress');
    await signalGroup(p, 'SIGKILL');

    db = await s.open();
    const after = await counts(db);
    expect(await present(db, small)).toBe(small.length);
    expect(await present(db, many)).toBe(0);
    expect(after.project - before.project).toBe(small.length);
    expect(after.organisation - before.organisation).toBe(smallReport.organisationsCreated);
    await db.close();

    const again = await s.start('B');
    const whole = await importWatching(again, big, () => false);
    expect(whole.event).toBe('report');
    expect(whole.data.imported).toBeGreaterThan(1500);
    await s.stop(again);
    db = await s.open();
    try {
      expect(await present(db, many)).toBe(whole.data.imported - shared.length);
      // the cut import left nothing behind: its rerun created every project and organisation afresh (it updated
      // only the two the acknowledged import wrote)
      const full = await counts(db);
      expect(whole.data.updated).toBe(shared.length);
      expect(full.project - after.project).toBe(whole.data.imported - shared.length);
      expect(full.organisation - after.organisation).toBe(whole.data.organisationsCreated);
      expect(whole.data.organisationsCreated).toBeGreaterThan(0);
    } finally { await db.close(); }
  }, 300_000);
});
