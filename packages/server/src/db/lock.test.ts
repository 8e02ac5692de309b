import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, parseLock, processStart } from './lock.js';
import { ROOT, signalGroup, startProcess, stop, waitHealthy, type Proc } from '../../test/server-process.js';

const lockOf = (dir: string) => parseLock(readFileSync(join(dir, 'tandem.lock'), 'utf8'));
/** A second server on dir: its exit code and what it said. */
function secondServer(dir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PORT: '0' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/app/src/main.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

describe('one process per PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
  const file = join(dir, 'tandem.lock');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second Tandem process with a clear message and a non-zero exit, writing nothing', () => {
    const lock = acquireDataDirLock(dir);
    try {
      const r = secondServer(dir);
      expect(r.status).toBe(75);
      expect(r.stderr).toMatch(/already in use by another Tandem process \(pid \d+\)/);
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
      expect(lockOf(dir)).toEqual({ pid: process.pid, ...processStart(process.pid) });
    } finally {
      lock.release();
    }
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a second lock in the same process and takes over a dead process’s lock', () => {
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    writeFileSync(file, '999999999');
    const again = acquireDataDirLock(dir);
    expect(lockOf(dir)?.pid).toBe(process.pid);
    again.release();
  });

  it('names the owner by its start: a live pid that started at another time holds nothing (pid reuse)', () => {
    const me = processStart(process.pid)!;
    expect(me.start).toMatch(/^\d+$/);
    // our own pid, left by an earlier process (a container's pid 1, killed and restarted as pid 1): ours to take,
    // whether it was written with its start time or, by an earlier version, as a bare pid
    for (const earlier of [JSON.stringify({ pid: process.pid, boot: me.boot, start: String(Number(me.start) - 1) }), String(process.pid)]) {
      writeFileSync(file, earlier);
      const lock = acquireDataDirLock(dir);
      expect(lockOf(dir)).toEqual({ pid: process.pid, ...me });
      lock.release();
    }
    // another live process (our parent, and pid 1) recorded with another start time or another boot: stale
    const parent = processStart(process.ppid)!;
    for (const stale of [{ pid: process.ppid, boot: parent.boot, start: String(Number(parent.start) + 1) }, { pid: process.ppid, boot: 'another-boot', start: parent.start },
      { pid: 1, boot: me.boot, start: String(Number(processStart(1)!.start) + 7) }]) {
      writeFileSync(file, JSON.stringify(stale));
      acquireDataDirLock(dir).release();
    }
    // the same live process with its own start time, or recorded as a bare pid (nothing more to go by): refused
    for (const live of [JSON.stringify({ pid: process.ppid, ...parent }), String(process.ppid)]) {
      writeFileSync(file, live);
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(readFileSync(file, 'utf8')).toBe(live);
    }
    rmSync(file);
  });

  it('reads the start time after the command name, whatever it holds', async () => {
    const child = spawn(process.execPath, ['-e', 'process.title = "a) b ) (c"; setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(readFileSync(`/proc/${child.pid}/stat`, 'utf8')).toContain(') b ) (c)');
      const start = processStart(child.pid!);
      expect(Number(start?.start)).toBeGreaterThanOrEqual(Number(processStart(process.pid)!.start));
    } finally { child.kill('SIGKILL'); }
    expect(parseLock('{"pid":"1"}')).toBeUndefined();
    expect(parseLock('garbage')).toBeUndefined();
  });
});

// the spawned servers run on PGlite whatever the run's engine; they start from the run's seeded PGlite snapshot
const snapshot = inject('snapshotPath');
describe.skipIf(!snapshot)('a real server killed with SIGKILL, then restarted on its data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-kill-'));
  const procs: Proc[] = [];
  beforeAll(async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([readFileSync(snapshot)]) });
    await pg.close();
  });
  afterAll(async () => {
    await Promise.all(procs.map(stop));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a second process out while the server runs (exit 75), and restarts after kill -9 without help', async () => {
    const a = await startProcess('A', { DATA_DIR: dir });
    procs.push(a);
    await waitHealthy(a, 120_000);
    expect(lockOf(dir)).toEqual({ pid: a.child.pid, ...processStart(a.child.pid!) });
    const second = secondServer(dir);
    expect(second.status).toBe(75);
    expect(second.stderr).toContain(`already in use by another Tandem process (pid ${a.child.pid})`);

    await signalGroup(a, 'SIGKILL');
    expect(a.child.signalCode).toBe('SIGKILL');
    expect(lockOf(dir)?.pid).toBe(a.child.pid); // a killed process leaves its lock behind

    const b = await startProcess('B', { DATA_DIR: dir });
    procs.push(b);
    await waitHealthy(b, 120_000);
    expect(lockOf(dir)?.pid).toBe(b.child.pid);
    const org = await fetch(`${b.url}/api/organisations/cd93`);
    expect(org.status).toBe(200);
    expect((await org.json()).id).toBe('cd93');
  }, 300_000);
});
