/**
 * The worker thread of an import (started by reader.ts from an esbuild bundle of this file): parses the chunks of the
 * file it is sent and maps each activity; the mapped activities go back in batches. Nothing here touches the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { mapActivity } from './map.js';
import { createParser, ImportError } from './parse.js';
import type { FromWorker, ToWorker, WorkerSetup } from './reader.js';
import type { ActivityIn } from './types.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const ctx = { countries: new Set(setup.countries) };
const post = (m: FromWorker) => port.postMessage(m);

let mapped: ActivityIn[] = [];
const parser = createParser({
  onRoot: (n) => post({ t: 'root', attrs: n.attrs, line: n.line }),
  onActivity: (n) => { mapped.push(mapActivity(n, ctx)); },
});
const decoder = new TextDecoder('utf-8');
const flush = () => { if (mapped.length) { post({ t: 'activities', activities: mapped }); mapped = []; } };

port.on('message', (m: ToWorker) => {
  try {
    if (m.t === 'chunk') {
      parser.write(typeof m.data === 'string' ? m.data : decoder.decode(m.data, { stream: true }));
      if (mapped.length >= setup.batch) flush();
      post({ t: 'ack' });
    } else {
      parser.write(decoder.decode());
      parser.close();
      flush();
      post({ t: 'done' });
    }
  } catch (e) {
    post(e instanceof ImportError
      ? { t: 'error', message: e.message, line: e.line, status: e.status }
      : { t: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
