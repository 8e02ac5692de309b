/**
 * No lost update (both engines), through HTTP on the real app: 1,000 clients each read a project and write it back
 * with the version they read, in ten overlapping waves of 100 → every 2xx is one version step (final version = initial +
 * number of 2xx) whose content is in its own revision, every other answer is 409, none is 5xx. Then read-modify-write
 * until success for 30 clients adding each their own mark → the final text holds all 30 marks.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';
import { testDb } from '../db.js';
import { ADMIN, auth } from './served.js';

let db: Db;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await testDb();
  app = createApp({ db, adminToken: ADMIN });
  vi.spyOn(console, 'log').mockImplementation(() => {});
}, 60_000);
afterAll(async () => { vi.restoreAllMocks(); await db?.close(); });

async function send(method: string, path: string, json?: unknown) {
  const res = await app.request(path, { method, headers: { ...auth, ...(json ? { 'content-type': 'application/json' } : {}) }, body: json ? JSON.stringify(json) : undefined });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function newProject(title: string): Promise<{ id: string; version: number }> {
  const made = await send('POST', '/api/projects', { title, status: 'implementation', description: '' });
  expect(made.status).toBe(201);
  return { id: made.json.id, version: made.json.version };
}

/** The project's update revisions: after-version → after-title and after-description. */
async function revisions(id: string) {
  const rows = await db.query<{ version: number; title: string; description: string | null }>(
    `select version, after->>'title' as title, after->>'description' as description from revision where record_kind = 'project' and record_id = $1 and action = 'update' order by id`, [id]);
  return rows;
}

describe('concurrent conflicting edits', () => {
  it('1,000 writes of one project with the version each read: every 2xx kept, the rest 409, no 5xx', async () => {
    const p = await newProject('Projet disputé');
    // ten waves of 100 clients: a wave's clients all read, then all write at once; the next wave starts reading when
    // the first answer to those writes is in (so it reads while the others land)
    const waves = Array.from({ length: 10 }, () => {
      let read!: () => void, start!: () => void;
      return { left: 100, allRead: new Promise<void>((r) => { read = r; }), read, started: new Promise<void>((r) => { start = r; }), start };
    });
    waves[0].start();
    const replies = await Promise.all(Array.from({ length: 1000 }, async (_, i) => {
      const w = Math.floor(i / 100), wave = waves[w];
      await wave.started;
      const read = await send('GET', `/api/projects/${p.id}`);
      expect(read.status).toBe(200);
      if (--wave.left === 0) wave.read();
      await wave.allRead;
      const title = `Version écrite par le client ${i}`;
      const put = await send('PUT', `/api/projects/${p.id}`, { title, status: 'implementation', version: read.json.version });
      waves[w + 1]?.start();
      return { i, title, read: read.json.version as number, status: put.status, version: put.json?.version as number | undefined };
    }));
    const accepted = replies.filter((r) => r.status === 200);
    expect(replies.filter((r) => r.status !== 200 && r.status !== 409).map((r) => r.status)).toEqual([]);
    expect(accepted.length).toBeGreaterThan(1);
    expect(accepted.length).toBeLessThan(500);
    const final = await send('GET', `/api/projects/${p.id}`);
    expect(final.json.version).toBe(p.version + accepted.length);
    // each accepted write moved the version by one from the version it read, and no two got the same
    for (const a of accepted) expect(a.version).toBe(a.read + 1);
    expect(new Set(accepted.map((a) => a.version)).size).toBe(accepted.length);
    const revs = await revisions(p.id);
    expect(revs.map((r) => [r.version, r.title]).sort((a, b) => Number(a[0]) - Number(b[0])))
      .toEqual(accepted.map((a) => [a.version, a.title]).sort((a, b) => Number(a[0]) - Number(b[0])));
    const last = accepted.reduce((m, a) => (a.version! > m.version! ? a : m));
    expect(final.json.title).toBe(last.title);
    console.info(`1,000 conflicting writes (${db.engine}): ${accepted.length} accepted, ${1000 - accepted.length} refused with 409`);
  }, 120_000);

  it('read-modify-write until success: 30 clients each add their mark, the final text holds all 30', async () => {
    const p = await newProject('Projet annoté');
    let conflicts = 0;
    await Promise.all(Array.from({ length: 30 }, async (_, i) => {
      for (;;) {
        const read = await send('GET', `/api/projects/${p.id}`);
        const description = `${read.json.description ?? ''}[client ${i}]`;
        const put = await send('PUT', `/api/projects/${p.id}`, { title: read.json.title, status: 'implementation', description, version: read.json.version });
        if (put.status === 200) return;
        expect(put.status).toBe(409);
        conflicts++;
      }
    }));
    const final = await send('GET', `/api/projects/${p.id}`);
    for (let i = 0; i < 30; i++) expect(final.json.description).toContain(`[client ${i}]`);
    expect(final.json.description.match(/\[client \d+\]/g)).toHaveLength(30);
    expect(final.json.version).toBe(p.version + 30);
    expect((await revisions(p.id)).map((r) => r.version)).toEqual(Array.from({ length: 30 }, (_, i) => p.version + 1 + i));
    expect(conflicts).toBeGreaterThan(0);
  }, 120_000);
});
