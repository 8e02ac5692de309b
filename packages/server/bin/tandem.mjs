#!/usr/bin/env node
// `npx tandem …`: runs the CLI of the composition root (packages/app: the server's commands, `serve` with the pages)
// as a cached bundle (bundle.mjs; through tsx when there is none).
import { spawn } from 'node:child_process';
import { fromRoot, loadEntry } from './bundle.mjs';

/**
 * `tandem import`: V8 sizes its heap for the machine and lets garbage grow far past what an import holds (30–80 MB
 * live, batch after batch); a heap of IMPORT_HEAP_MB makes it collect sooner (docs/benchmarks.md, IATI import). The
 * command runs itself again with that limit unless the person gave one (--max-old-space-size in NODE_OPTIONS).
 */
const IMPORT_HEAP_MB = 160;
const args = process.argv.slice(2);
const limited = /--max-old-space-size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`);
if (args[0] === 'import' && !limited) {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${IMPORT_HEAP_MB}`, process.argv[1], ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => { process.exitCode = code ?? (signal ? 1 : 0); });
} else {
  const { main } = await loadEntry(fromRoot('packages/app/src/cli.ts'));
  process.exitCode = await main(process.argv.slice(2));
}
