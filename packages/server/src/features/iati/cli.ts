/** `tandem import iati FILE…` (progress bar, report) and `tandem export --format iati`. */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import type { Db } from '../../db/client.js';
import { exportIati } from './export.service.js';
import { DEFAULT_MAX_BYTES, ImportFailed, importIati, type ImportReport, type Progress } from './import/service.js';
import { ImportError, formatBytes } from './import/parse.js';

export const IMPORT_HELP = `Usage: tandem import iati FILE… [--skip-invalid] [--max-size MB]

Imports IATI activity files (versions 2.01–2.03; FILE may be .xml, or compressed: .xml.gz,
.xml.br or .xml.xz). Each file lands whole or not at
all; re-importing updates the projects imported before (key: iati-identifier), never duplicates them.
  --skip-invalid   import the valid activities and report the invalid ones (a critical problem), instead of
                   refusing the whole file
  --max-size MB    largest accepted file (default: TANDEM_IATI_MAX_BYTES or ${DEFAULT_MAX_BYTES / 2 ** 20} MB)`;

export function maxBytesFrom(env: NodeJS.ProcessEnv, option?: string): number {
  if (option) return Math.round(Number(option) * 2 ** 20);
  return env.TANDEM_IATI_MAX_BYTES ? Number(env.TANDEM_IATI_MAX_BYTES) : DEFAULT_MAX_BYTES;
}

/** Compressed files the command reads, decompressed in-process (no system program): gzip and brotli by node:zlib, xz by xz-decompress (WebAssembly). */
const DECOMPRESS: Record<string, (raw: Readable) => Readable> = {
  '.gz': (raw) => raw.pipe(createGunzip()),
  '.br': (raw) => raw.pipe(createBrotliDecompress()),
  '.xz': (raw) => {
    // xz-decompress (its WebAssembly decoded at import) is loaded for an .xz file only, not with every command or server start
    const out = new PassThrough();
    import('xz-decompress').then(({ default: xz }) => {
      const xml = Readable.fromWeb(new xz.XzReadableStream(Readable.toWeb(raw) as ReadableStream<Uint8Array>) as NodeReadableStream<Uint8Array>);
      xml.on('error', (e) => out.destroy(e));
      xml.pipe(out);
    }, (e: Error) => out.destroy(e));
    return out;
  },
};

/** A readable of the file's XML; done rejects with an ImportError naming the file when it cannot be decompressed. */
export function openXml(file: string): { stream: Readable; total?: number; done: Promise<void> } {
  const size = statSync(file).size;
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const ext = extname(file).toLowerCase();
  const decompress = DECOMPRESS[ext];
  if (!decompress) return { stream: raw, total: size, done: Promise.resolve() };
  const stream = decompress(raw);
  const done = new Promise<void>((res, rej) => {
    const fail = (e: Error) => { stream.destroy(); rej(new ImportError(`could not decompress ${file} (${ext.slice(1)}): ${e.message}`)); };
    raw.on('error', fail);
    stream.on('error', fail);
    stream.on('close', res);
  });
  done.catch(() => {}); // awaited by the caller; a decompression failure explains a broken stream
  return { stream, done };
}

function progressBar(file: string, tty: boolean) {
  let last = 0;
  return (p: Progress) => {
    if (!tty || Date.now() - last < 100) return;
    last = Date.now();
    const ratio = p.total ? Math.min(1, p.bytes / p.total) : 0;
    const bar = p.total ? `[${'#'.repeat(Math.round(ratio * 30)).padEnd(30, '-')}] ${String(Math.round(ratio * 100)).padStart(3)}% ` : '';
    process.stderr.write(`\r${bar}${formatBytes(p.bytes)}${p.total ? ` / ${formatBytes(p.total)}` : ''} · ${p.activities} activities · ${file}\x1b[K`);
  };
}

function printReport(r: ImportReport, log: (s: string) => void, failed = false): void {
  const c = r.problemCounts;
  const problems = `problems: ${c.critical} critical, ${c.error} errors, ${c.warning} warnings`;
  if (failed) log(`${r.file}: IATI ${r.version ?? '?'} · ${r.activities} activities read, ${r.skipped} invalid · ${problems}`);
  else log(`${r.file}: IATI ${r.version ?? '?'} · ${r.activities} activities read, ${r.imported} imported (${r.created} new, ${r.updated} updated), ${r.skipped} invalid`
    + ` · ${r.transactions} transactions, ${r.budgets} budgets, ${r.plannedDisbursements} planned disbursements, ${r.results} results`
    + ` · ${r.organisationsCreated} organisations created · ${problems} · ${(r.ms / 1000).toFixed(1)} s`);
  const rank = { critical: 0, error: 1, warning: 2 };
  const serious = r.problems.filter((x) => x.level !== 'warning').sort((a, b) => rank[a.level] - rank[b.level] || a.line - b.line);
  for (const p of serious.slice(0, 50)) log(`  ${p.level} line ${p.line}${p.activity ? ` (${p.activity})` : ''}: ${p.message}`);
  const listed = Math.min(50, serious.length);
  if (c.critical + c.error > listed) log(`  … and ${c.critical + c.error - listed} more critical problems and errors`);
}

export async function runImportIati(db: Db, files: string[], opts: { skipInvalid: boolean; maxBytes: number }): Promise<number> {
  let failures = 0;
  const tty = !!process.stderr.isTTY;
  for (const file of files) {
    try {
      const src = openXml(file);
      const report = await importIati(db, src.stream, { file, total: src.total, skipInvalid: opts.skipInvalid, maxBytes: opts.maxBytes, onProgress: progressBar(file, tty) })
        .catch(async (e) => { src.stream.destroy(); await src.done; throw e; });
      await src.done;
      if (tty) process.stderr.write('\r\x1b[K');
      printReport(report, console.log);
    } catch (e) {
      if (tty) process.stderr.write('\r\x1b[K');
      failures++;
      if (e instanceof ImportFailed) printReport(e.report, console.error, true);
      if (!(e instanceof ImportError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      console.error(`tandem: ${file}: ${(e as Error).message}${e instanceof ImportFailed ? '' : ' — nothing was imported from this file'}`);
    }
  }
  return failures ? 1 : 0;
}

export async function runExportIati(db: Db, values: { organisation?: string; partnership?: string; out?: string }): Promise<number> {
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const write = (s: string) => new Promise<void>((res, rej) => { out.write(s, (e) => (e ? rej(e) : res())); });
  try {
    const n = await exportIati(db, { organisation: values.organisation, partnership: values.partnership }, write);
    if (values.out) console.error(`${n} IATI activities written to ${values.out}`);
  } finally {
    if (values.out) await new Promise((res) => (out as ReturnType<typeof createWriteStream>).end(res));
  }
  return 0;
}
