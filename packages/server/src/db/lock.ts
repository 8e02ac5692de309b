/**
 * PGlite has no cross-process lock: exactly one process may own a data directory.
 * We take an exclusive lock file naming our process; a second process is refused with a clear error.
 *
 * A process is named by its pid and, where /proc exists (Linux), by when it started: the boot id and the start time
 * in clock ticks (field 22 of /proc/<pid>/stat). A pid alone is not enough: after a crash the pid may belong to
 * another process (in a container the server is often pid 1 both before and after a restart), and a lock whose pid
 * is alive but started at another time is stale. Without /proc, a live pid still counts as the owner, except our own
 * pid when this process holds no such lock (a previous incarnation with the same pid).
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

/** What a lock file records: the pid, and where known when that process started. */
export interface LockOwner { pid: number; boot?: string; start?: string }

/** Lock files held by this process (a second lock on one directory in the same process is refused). */
const held = new Set<string>();

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e: any) { return e.code === 'EPERM'; }
}

function readOr(file: string): string | undefined {
  try { return readFileSync(file, 'utf8'); } catch { return undefined; }
}

/** The process's start, or undefined where /proc is missing or the process is gone. */
export function processStart(pid: number): { boot: string; start: string } | undefined {
  const boot = readOr('/proc/sys/kernel/random/boot_id')?.trim();
  const stat = readOr(`/proc/${pid}/stat`);
  if (!boot || !stat) return undefined;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so the fields are counted after the last ')'
  const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3];
  return start && /^\d+$/.test(start) ? { boot, start } : undefined;
}

/** Reads a lock file: JSON {pid, boot, start}, or a bare pid (written by earlier versions). */
export function parseLock(text: string): LockOwner | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t) };
  try {
    const o = JSON.parse(t);
    if (!Number.isSafeInteger(o?.pid) || o.pid <= 0) return undefined;
    return { pid: o.pid, ...(typeof o.boot === 'string' && typeof o.start === 'string' ? { boot: o.boot, start: o.start } : {}) };
  } catch { return undefined; }
}

/** Whether the process the lock names still runs (a garbled lock names nobody). */
function ownerRuns(owner: LockOwner | undefined, file: string): boolean {
  if (!owner) return false;
  if (owner.pid === process.pid) {
    if (held.has(file)) return true;
    const me = processStart(process.pid);
    return !!me && !!owner.start && owner.boot === me.boot && owner.start === me.start;
  }
  if (!alive(owner.pid)) return false;
  if (!owner.start) return true; // recorded without its start time: the live pid is all we can go by
  const now = processStart(owner.pid);
  if (!now) return true; // no /proc here: a live pid counts
  return now.boot === owner.boot && now.start === owner.start;
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const file = join(dir, 'tandem.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, ...processStart(process.pid) } satisfies LockOwner));
      closeSync(fd);
      held.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        try { unlinkSync(file); } catch { /* gone */ }
      };
      process.once('exit', release);
      return { release };
    } catch (e: any) {
      if (e.code !== 'EEXIST') throw e;
      const owner = parseLock(readOr(file) ?? '');
      if (ownerRuns(owner, file)) throw new DataDirLockedError(dir, owner!.pid);
      try { unlinkSync(file); } catch { /* removed meanwhile */ } // stale lock from a process that died
    }
  }
  throw new Error(`could not lock ${dir}`);
}
