#!/usr/bin/env node
// `npx tandem …`: runs the CLI of the composition root (packages/app: the server's commands, `serve` with the pages)
// as a cached bundle (bundle.mjs; through tsx when there is none).
import { spawn } from 'node:child_process';
import { fromRoot, loadEntry } from './bundle.mjs';

/**
 * `tandem import` runs itself again with flags that keep it under 300 MB resident on a 13,000-activity file
 * (docs/benchmarks.md, `npx tandem import iati`), unless the person gave a heap limit (--max-old-space-size):
 * - a 160 MB heap: V8 sizes its heap for the machine and lets garbage grow far past what an import holds (30–80 MB live);
 * - 1 MB semi-spaces: the young generation's default 16 MB pair stays resident for nothing (−70 MB);
 * - (the command also halves PGlite's buffer pool: cli/main.ts, −20 MB)
 * - on PGlite (no DATABASE_URL), WebAssembly compiled once by Liftoff only: the optimised second tier keeps a second
 *   copy of the engine's code resident (−35 MB, ≈ 15 % more CPU for the import).
 */
const IMPORT_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=1', ...(process.env.DATABASE_URL ? [] : ['--liftoff-only'])];
const args = process.argv.slice(2);
const limited = /--max-old-space-size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`);
if (args[0] === 'import' && !limited) {
  const child = spawn(process.execPath, [...process.execArgv, ...IMPORT_FLAGS, process.argv[1], ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => { process.exitCode = code ?? (signal ? 1 : 0); });
} else {
  const { main } = await loadEntry(fromRoot('packages/app/src/cli.ts'));
  process.exitCode = await main(process.argv.slice(2));
}
