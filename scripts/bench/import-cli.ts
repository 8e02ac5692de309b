/**
 * The command as a person runs it: `npx tandem import iati FILE --skip-invalid`, no flag, on a copy of the seeded
 * embedded database (PGlite) and on a throwaway PostgreSQL database; resident memory of every process of the command
 * sampled every 20 ms from /proc (the importing node process, and the whole tree: npx, the launcher, the importer).
 *
 *   npm run bench:import -- --cli [--times 6.5] [--skip pglite,postgresql]
 * --times 6.5 = 13,000 activities (the 2,000-activity sample 6.5 times, identifiers suffixed).
 */
import { spawn } from 'node:child_process';
import { copyDataDir, fmt, groupProcs, ROOT } from './lib.js';

interface Sampled { ms: number; code: number | null; importerPeakMb: number; treePeakMb: number; out: string }

/** Runs `npx tandem args…` in its own process group and samples its memory until it exits. */
export async function sampleCommand(args: string[], env: NodeJS.ProcessEnv): Promise<Sampled> {
  const t0 = performance.now();
  const child = spawn('npx', ['tandem', ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  let importerPeak = 0, treePeak = 0;
  const timer = setInterval(() => {
    const ps = groupProcs(child.pid!);
    treePeak = Math.max(treePeak, ps.reduce((s, p) => s + p.rssKb, 0));
    // the process that imports: the launcher's child, started with the heap limit it sets
    for (const p of ps) if (/max-old-space-size/.test(p.cmd)) importerPeak = Math.max(importerPeak, p.rssKb);
  }, 20);
  const code = await new Promise<number | null>((ok) => child.once('exit', ok));
  clearInterval(timer);
  return { ms: performance.now() - t0, code, importerPeakMb: Math.round(importerPeak / 1024), treePeakMb: Math.round(treePeak / 1024), out };
}

export async function benchImportCli(file: string, opts: { skip: string[]; seeded: () => Promise<string>; pgDatabase: () => Promise<{ url: string; drop: () => Promise<void> }>; log: (m: string) => void }) {
  const results: Array<Record<string, unknown>> = [];
  const base = { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', DATA_DIR: '' };
  const run = async (name: string, env: NodeJS.ProcessEnv) => {
    const r = await sampleCommand(['import', 'iati', file, '--skip-invalid'], env);
    if (r.code !== 0) throw new Error(`npx tandem import iati (${name}) exited with ${r.code}:\n${r.out}`);
    const summary = r.out.trim().split('\n').filter((l) => /^\S/.test(l) && /\d activit/i.test(l)).slice(-1)[0] ?? '';
    opts.log(`CLI ${name}: ${fmt(r.ms)} · importing process peak ${r.importerPeakMb} MB · all processes of the command ${r.treePeakMb} MB · ${summary}`);
    results.push({ case: `cli-${name}`, ms: Math.round(r.ms), importerPeakMb: r.importerPeakMb, treePeakMb: r.treePeakMb, summary });
  };
  if (!opts.skip.includes('pglite')) await run('pglite', { ...base, DATA_DIR: copyDataDir(await opts.seeded(), 'import-cli-pglite') });
  if (!opts.skip.includes('postgresql')) {
    const pg = await opts.pgDatabase();
    try { await run('postgresql', { ...base, DATABASE_URL: pg.url }); } finally { await pg.drop(); }
  }
  return results;
}
