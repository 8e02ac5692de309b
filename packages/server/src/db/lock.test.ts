import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';

describe('one process per PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second Tandem process with a clear message and a non-zero exit, writing nothing', () => {
    const lock = acquireDataDirLock(dir);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PORT: '0' };
      delete env.DATABASE_URL;
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { env, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(75);
      expect(r.stderr).toMatch(/already in use by another Tandem process \(pid \d+\)/);
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
      expect(readFileSync(join(dir, 'tandem.lock'), 'utf8')).toBe(String(process.pid));
    } finally {
      lock.release();
    }
    expect(existsSync(join(dir, 'tandem.lock'))).toBe(false);
  });

  it('refuses a second lock in the same process and takes over a dead process’s lock', () => {
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    writeFileSync(join(dir, 'tandem.lock'), '999999999');
    const again = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, 'tandem.lock'), 'utf8')).toBe(String(process.pid));
    again.release();
  });
});
