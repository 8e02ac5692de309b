/**
 * Admission control (lib/admission.ts) on a real HTTP server over the test database: a crowd beyond the queue's bound
 * gets prompt 503s with Retry-After, the queued ones wait at most the bound, none hangs, the admitted ones succeed, and
 * never more than maxInflight are at the database at once. Behaviour, not speed (speed: `npm run bench:http -- --mix`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { testDb } from '../../test/db.js';
import type { Db } from '../db/client.js';
import { createApp } from '../app.js';
import { Admission, admissionOptionsFromEnv, type AdmissionOptions } from './admission.js';

/** A server of the app with its own admission; stop() closes it. */
async function start(db: Db, opts: AdmissionOptions) {
  const admission = new Admission(opts);
  const server = serve({ fetch: createApp({ db, admission }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((listening) => server.once('listening', listening));
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { admission, base, stop: () => new Promise<void>((done) => server.close(() => done())) };
}

/** GET path; status, Retry-After, JSON body and the time the answer took. */
async function get(base: string, path: string) {
  const t0 = performance.now();
  const res = await fetch(base + path, { signal: AbortSignal.timeout(20_000) }); // a hung request fails the test
  const json = await res.json();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json, ms: performance.now() - t0 };
}

const SEARCHES = ['hue', 'cergy', 'montreuil', 'thies', 'eau', 'culture', 'jeunesse', 'formation', 'saffa', 'tanguieta', 'dnipro', 'sidi'];

describe('admission control', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('turns away a crowd beyond the queue at once with 503 + Retry-After; the queued searches then succeed; none hangs', async () => {
    const s = await start(db, { maxInflight: 2, maxQueue: 4, maxWaitMs: 10_000 });
    try {
      // the two slots are taken as by two long requests, so the crowd meets a full house whatever the machine's speed
      expect([await s.admission.acquire(), await s.admission.acquire()]).toEqual([true, true]);
      const crowd = Array.from({ length: 36 }, (_, n) => get(s.base(), `/api/search?q=${SEARCHES[n % SEARCHES.length]}&page=${1 + (n % 3)}`));
      let answered = 0;
      for (const p of crowd) void p.then(() => { answered++; });
      for (let i = 0; i < 400 && answered < 32; i++) await new Promise((r) => setTimeout(r, 25));
      // 4 wait, the other 32 have their answer while the database is still held
      expect([s.admission.queued, s.admission.stats.refusedFull, answered]).toEqual([4, 32, 32]);
      s.admission.release(); s.admission.release();
      const answers = await Promise.all(crowd);
      const ok = answers.filter((r) => r.status === 200), busy = answers.filter((r) => r.status === 503);
      expect([ok.length, busy.length]).toEqual([4, 32]); // nothing else: no 500, no timeout
      for (const r of ok) expect(r.json).toMatchObject({ total: expect.any(Number), results: expect.any(Array) });
      for (const r of busy) {
        expect(r.retryAfter).toBe('10');
        expect(r.json).toMatchObject({ error: expect.stringContaining('busy'), retryAfter: 10 });
        expect(r.ms).toBeLessThan(5_000); // refused at once, not after the 10 s bound
      }
      expect(s.admission.stats.peakInflight).toBe(2);
      expect([s.admission.running, s.admission.queued]).toEqual([0, 0]); // every slot given back
    } finally { await s.stop(); }
  });

  it('under a crowd of real searches, answers each with 200 or a 503 with Retry-After, never more than maxInflight at once', async () => {
    const s = await start(db, { maxInflight: 2, maxQueue: 4, maxWaitMs: 10_000 });
    try {
      const answers = await Promise.all(Array.from({ length: 36 }, (_, n) => get(s.base(), `/api/search?q=${SEARCHES[n % SEARCHES.length]}`)));
      const busy = answers.filter((r) => r.status === 503);
      expect(answers.every((r) => r.status === 200 || (r.status === 503 && r.retryAfter === '10'))).toBe(true);
      expect(answers.length - busy.length).toBeGreaterThanOrEqual(2);
      expect(s.admission.stats.refusedFull + s.admission.stats.refusedWait).toBe(busy.length);
      expect(s.admission.stats.peakInflight).toBeLessThanOrEqual(2);
      expect(s.admission.stats.peakWaiting).toBeLessThanOrEqual(4);
    } finally { await s.stop(); }
  });

  it('answers 503 to a request that waited its bound, promptly, and serves the next once the database is free', async () => {
    const s = await start(db, { maxInflight: 1, maxQueue: 3, maxWaitMs: 400 });
    try {
      expect(await s.admission.acquire()).toBe(true); // the database is held as by a long request
      const queued = Promise.all([0, 1, 2].map(() => get(s.base(), '/api/projects/innotech-master')));
      await new Promise((r) => setTimeout(r, 100));
      expect(s.admission.queued).toBe(3);
      const full = await get(s.base(), '/api/organisations/cd93'); // a fourth: the queue is full
      expect([full.status, full.retryAfter]).toEqual([503, '1']);
      for (const r of await queued) {
        expect([r.status, r.retryAfter]).toEqual([503, '1']);
        expect(r.ms).toBeGreaterThanOrEqual(380); // waited its turn…
        expect(r.ms).toBeLessThan(400 + 1_500); // …and no longer than the bound (+ a margin for a busy machine)
      }
      s.admission.release();
      const after = await get(s.base(), '/api/projects/innotech-master');
      expect([after.status, after.json.id]).toEqual([200, 'innotech-master']);
      expect((await get(s.base(), '/api/health')).status).toBe(200); // never queued
    } finally { await s.stop(); }
  });

  it('lets the queued requests through one at a time once the database is free', async () => {
    const s = await start(db, { maxInflight: 1, maxQueue: 50, maxWaitMs: 15_000 });
    try {
      expect(await s.admission.acquire()).toBe(true);
      const pending = Array.from({ length: 12 }, (_, n) => get(s.base(), `/api/search?q=${SEARCHES[n]}`));
      for (let i = 0; i < 400 && s.admission.queued < 12; i++) await new Promise((r) => setTimeout(r, 25));
      expect(s.admission.queued).toBe(12);
      s.admission.release();
      const all = await Promise.all(pending);
      expect(all.map((r) => r.status)).toEqual(all.map(() => 200));
      expect(all.every((r) => Array.isArray(r.json.results))).toBe(true);
      expect([s.admission.stats.peakInflight, s.admission.stats.waited, s.admission.running]).toEqual([1, 12, 0]);
    } finally { await s.stop(); }
  });

  it('sees requests that arrive together as waiting, though PGlite runs a request to its end without the event loop', async () => {
    const s = await start(db, { maxInflight: 1, maxQueue: 50, maxWaitMs: 15_000 });
    const sockets: Socket[] = [];
    try {
      // ten connections open first, then ten requests written in one go: they are readable together on the server
      const port = Number(new URL(s.base()).port);
      for (let n = 0; n < 10; n++) sockets.push(await new Promise<Socket>((ok) => { const k = connect(port, '127.0.0.1', () => ok(k)); }));
      const answers = sockets.map((k) => new Promise<string>((ok) => { let out = ''; k.on('data', (d) => { out += d; if (out.includes('"innotech-master"')) ok(out); }); }));
      for (const k of sockets) k.write('GET /api/projects/innotech-master HTTP/1.1\r\nHost: localhost\r\n\r\n');
      for (const a of await Promise.all(answers)) expect(a.startsWith('HTTP/1.1 200')).toBe(true);
      // each waited its turn in the queue (before, each ran to its end inside its socket's callback: the queue saw none)
      expect(s.admission.stats.waited).toBeGreaterThanOrEqual(5);
      expect(s.admission.stats.peakInflight).toBe(1);
    } finally { for (const k of sockets) k.destroy(); await s.stop(); }
  });

  it('reads TANDEM_MAX_INFLIGHT, TANDEM_QUEUE_WAIT_MS and TANDEM_MAX_QUEUE, with defaults per engine', () => {
    expect(admissionOptionsFromEnv({}, 'pglite')).toEqual({ maxInflight: 1, maxWaitMs: 5000, maxQueue: 1000 });
    expect(admissionOptionsFromEnv({ DATABASE_POOL_SIZE: '5' }, 'postgresql')).toEqual({ maxInflight: 20, maxWaitMs: 5000, maxQueue: 1000 });
    expect(admissionOptionsFromEnv({ TANDEM_MAX_INFLIGHT: '8', TANDEM_QUEUE_WAIT_MS: '500', TANDEM_MAX_QUEUE: '0' }, 'pglite'))
      .toEqual({ maxInflight: 8, maxWaitMs: 500, maxQueue: 0 });
    expect(admissionOptionsFromEnv({ TANDEM_MAX_INFLIGHT: '0' }, 'pglite')).toBeNull();
    expect(() => admissionOptionsFromEnv({ TANDEM_QUEUE_WAIT_MS: 'soon' }, 'pglite')).toThrow(/TANDEM_QUEUE_WAIT_MS/);
  });
});
