/**
 * How a `tandem backup` finds the server that holds an embedded data directory (no second process may open it:
 * db/lock.ts). The server writes DATA_DIR/tandem-server.json (mode 0600, as private as the data it sits next to)
 * with its address and a secret drawn at each start; the CLI reads it and asks that server for the backup
 * (GET /api/admin/backup with the secret in `X-Tandem-Local-Secret`). The file goes when the server stops.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomToken } from '../auth/secrets.js';

export const LOCAL_FILE = 'tandem-server.json';
export const LOCAL_HEADER = 'x-tandem-local-secret';

export interface LocalServer { pid: number; url: string; secret: string; startedAt: string }

/** The loopback address to reach a server listening on host (all interfaces: the loopback one). */
function reachAt(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '') return `http://127.0.0.1:${port}`;
  if (host === '::') return `http://[::1]:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A running server's access: the secret (for createApp) now, the file once it listens. */
export function localAccess(dataDir: string) {
  const file = join(dataDir, LOCAL_FILE);
  const secret = randomToken();
  let written = false;
  const remove = () => { if (written) { written = false; try { unlinkSync(file); } catch { /* gone */ } } };
  return {
    secret,
    publish(host: string, port: number) {
      const info: LocalServer = { pid: process.pid, url: reachAt(host, port), secret, startedAt: new Date().toISOString() };
      try { unlinkSync(file); } catch { /* none: a clean stop removed it */ }
      writeFileSync(file, JSON.stringify(info) + '\n', { mode: 0o600, flag: 'wx' }); // created 0600, never an older file's mode
      written = true;
      process.once('exit', remove);
    },
    remove,
  };
}

/** The server that says it holds dataDir, or null (no file, or one that cannot be read). */
export function findLocalServer(dataDir: string): LocalServer | null {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, LOCAL_FILE), 'utf8')) as LocalServer;
    return typeof info.url === 'string' && typeof info.secret === 'string' ? info : null;
  } catch { return null; }
}
