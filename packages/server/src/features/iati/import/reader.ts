/**
 * Reads an IATI file through a worker thread: this thread reads the bytes and hands them over; the worker parses and
 * maps (worker.ts) and sends the mapped activities back, while this thread writes the previous ones. On two cores the
 * parse no longer waits behind the writes' own work (payloads, driver, garbage collection).
 *
 * The worker is started from a JavaScript bundle of worker.ts made once per process by esbuild (tsx's own compiler):
 * a worker loading the TypeScript through tsx took ≈ 0.4 s to start, the bundle ≈ 30 ms.
 * Memory stays bounded: at most CHUNKS_AHEAD chunks are handed over and not yet parsed, and no chunk is handed over
 * while `onActivities` is busy (the writer's own queue is full).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError, tooLarge, type XNode } from './parse.js';
import type { ActivityIn } from './types.js';

export interface WorkerSetup { countries: string[]; batch: number }
export type ToWorker = { t: 'chunk'; data: Uint8Array | string } | { t: 'end' };
export type FromWorker =
  | { t: 'root'; attrs: Record<string, string>; line: number }
  | { t: 'activities'; activities: ActivityIn[] }
  | { t: 'ack' } | { t: 'done' }
  | { t: 'error'; message: string; line?: number; status?: number };

export interface MappedReadOptions {
  maxBytes: number;
  countries: Set<string>;
  /** activities per message from the worker */
  batch: number;
  onRoot: (node: XNode) => void;
  /** awaited: while it runs, the worker gets nothing new to parse */
  onActivities: (activities: ActivityIn[]) => Promise<void>;
  /** after each chunk parsed, with the bytes parsed so far */
  onChunk?: (bytesParsed: number) => void;
}

const CHUNKS_AHEAD = 4;

let bundle: Promise<string> | undefined;
/** worker.ts and what it imports, as one CommonJS script (built once per process). */
function workerCode(): Promise<string> {
  bundle ??= import('esbuild').then(async ({ build }) => {
    const out = await build({
      entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', write: false, logLevel: 'silent', legalComments: 'none',
    });
    return out.outputFiles[0].text;
  });
  bundle.catch(() => { bundle = undefined; });
  return bundle;
}

/** Worker messages in arrival order, awaited one at a time. */
class Inbox {
  private queue: FromWorker[] = [];
  private waiting: ((m: FromWorker) => void) | null = null;
  constructor(worker: Worker) {
    worker.on('message', (m: FromWorker) => this.push(m));
    worker.on('error', (e) => this.push({ t: 'error', message: e.stack ?? e.message }));
    worker.on('exit', (code) => this.push({ t: 'error', message: `the import's worker thread stopped (exit code ${code})` }));
  }
  private push(m: FromWorker) {
    if (this.waiting) { const w = this.waiting; this.waiting = null; w(m); } else this.queue.push(m);
  }
  next(): Promise<FromWorker> {
    const m = this.queue.shift();
    return m ? Promise.resolve(m) : new Promise((ok) => { this.waiting = ok; });
  }
}

/** A chunk of its own (a view on a shared pool would copy the whole pool), transferred rather than copied again. */
function own(chunk: Uint8Array | string): { data: Uint8Array | string; transfer: ArrayBuffer[] } {
  if (typeof chunk === 'string') return { data: chunk, transfer: [] };
  const data = new Uint8Array(chunk.byteLength);
  data.set(chunk);
  return { data, transfer: [data.buffer] };
}

/** Reads the whole stream; resolves with its size in bytes, or throws ImportError (with the line when there is one). */
export async function readMapped(source: AsyncIterable<Uint8Array | string>, opts: MappedReadOptions): Promise<number> {
  const setup: WorkerSetup = { countries: [...opts.countries], batch: opts.batch };
  const worker = new Worker(await workerCode(), { eval: true, execArgv: [], workerData: setup });
  const inbox = new Inbox(worker);
  const chunks = source[Symbol.asyncIterator]();
  const sizes: number[] = [];
  let bytes = 0, parsed = 0, ended = false;
  try {
    for (;;) {
      while (!ended && sizes.length < CHUNKS_AHEAD) {
        const r = await chunks.next();
        if (r.done) { ended = true; worker.postMessage({ t: 'end' } satisfies ToWorker); break; }
        const size = typeof r.value === 'string' ? Buffer.byteLength(r.value) : r.value.byteLength;
        bytes += size;
        if (bytes > opts.maxBytes) throw tooLarge(opts.maxBytes);
        const { data, transfer } = own(r.value);
        worker.postMessage({ t: 'chunk', data } satisfies ToWorker, transfer);
        sizes.push(size);
      }
      const m = await inbox.next();
      if (m.t === 'ack') { parsed += sizes.shift()!; opts.onChunk?.(parsed); }
      else if (m.t === 'root') opts.onRoot({ name: 'iati-activities', attrs: m.attrs, children: [], text: '', line: m.line });
      else if (m.t === 'activities') await opts.onActivities(m.activities);
      else if (m.t === 'error') throw m.status ? new WorkerImportError(m.message, m.line, m.status) : new Error(m.message);
      else break; // done
    }
  } finally {
    await worker.terminate();
  }
  if (!bytes) throw new ImportError('the file is empty');
  return bytes;
}

/** An ImportError raised in the worker (its message already says the line). */
class WorkerImportError extends ImportError {
  constructor(message: string, line: number | undefined, status: number) { super('', line, status); this.message = message; }
}
