/**
 * PGlite has no cross-process lock: exactly one process may own a data directory.
 * We take an exclusive lock file holding our pid; a second process is refused with a clear error.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(`The data directory ${dir} is already in use by another Tandem process (pid ${pid}). ` +
      `Stop that process, or set DATA_DIR to another directory, or use PostgreSQL (DATABASE_URL) to run several processes.`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock { release(): void }

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e: any) { return e.code === 'EPERM'; }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const file = join(dir, 'tandem.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => { if (!released) { released = true; try { unlinkSync(file); } catch { /* gone */ } } };
      process.once('exit', release);
      return { release };
    } catch (e: any) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid);
      if (pid === process.pid) throw new DataDirLockedError(dir, pid);
      unlinkSync(file); // stale lock from a process that died
    }
  }
  throw new Error(`could not lock ${dir}`);
}
