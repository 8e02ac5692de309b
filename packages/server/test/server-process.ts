/**
 * Real Tandem server processes for tests: `node --import tsx packages/app/src/main.ts`, as production runs it,
 * on a free port, in its own process group (ended as a whole).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => ok(port)); });
  });
}

export interface Proc { name: string; url: string; child: ChildProcess; log: () => string; exited: Promise<number | null> }

/** env: settings on top of this process's environment, from which `drop` (the database and token settings) is removed. */
export async function startProcess(name: string, env: Record<string, string>,
  drop = ['DATABASE_URL', 'DATABASE_READ_URL', 'TANDEM_ADMIN_TOKEN', 'DATA_DIR']): Promise<Proc> {
  const port = await freePort();
  const inherited = { ...process.env };
  for (const k of drop) delete inherited[k];
  // detached: its own process group, ended as a whole by stop()
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/app/src/main.ts'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { name, url: `http://127.0.0.1:${port}`, child, log: () => out, exited };
}

export async function waitHealthy(p: Proc, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  let gone = false;
  void p.exited.then(() => { gone = true; });
  while (Date.now() - t0 < timeoutMs) {
    if (gone) throw new Error(`process ${p.name} exited before answering:\n${p.log()}`);
    try { if ((await fetch(`${p.url}/api/health`)).status === 200) return; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`process ${p.name}: no 200 from /api/health within ${timeoutMs / 1000} s:\n${p.log()}`);
}

/** Sends signal to the process's group; resolves when the process has exited. */
export async function signalGroup(p: Proc, signal: NodeJS.Signals): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  try { process.kill(-p.child.pid!, signal); } catch { /* already gone */ }
  await p.exited;
}

/** SIGTERM (a clean stop), then SIGKILL after 10 s. */
export async function stop(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const timer = setTimeout(() => { try { process.kill(-p.child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
  await signalGroup(p, 'SIGTERM');
  clearTimeout(timer);
}
