/**
 * JSON downloads written as they are read, record by record: `{…head, "partnerships": […], "projects": […], …}`.
 * The whole public database is the same document over every kind, gzipped on the way out.
 */
import { flattenThemes } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { records, type ExportKind } from './export.service.js';
import { dumpHead } from './licences.js';
import { textStream, type Write } from './stream.js';
import { cachedDownload } from './cache.js';

export interface Section { kind: ExportKind; ids?: string[] }

/** The sections of a document (`"kind": [records…]`), after its head's members when `comma`; returns the records written. */
async function writeSections(db: Db, write: Write, sections: Section[], comma: boolean): Promise<number> {
  let total = 0;
  for (const s of sections) {
    await write(`${comma ? ',' : ''}\n${JSON.stringify(s.kind)}: [`);
    comma = true;
    let n = 0;
    for await (const batch of records(db, s.kind, s.ids)) for (const r of batch) await write(`${n++ ? ',' : ''}\n${JSON.stringify(r)}`);
    await write(n ? '\n]' : ']');
    total += n;
  }
  return total;
}

/** head: the document's first members (what it is, the query…); sections: the kinds, each with its records (all, or the ids given). */
export async function writeJson(db: Db, write: Write, sections: Section[], head: Record<string, unknown> = {}): Promise<number> {
  const open = JSON.stringify(head);
  await write(open.slice(0, -1));
  const total = await writeSections(db, write, sections, open.length > 2);
  await write('\n}\n');
  return total;
}

/** The record kinds of the whole public database (funding lines are in their projects), then the reference data. People, accounts, history and declarations are not public. */
const DUMP_RECORDS: ExportKind[] = ['partnerships', 'projects', 'organisations', 'missions', 'events'];
const DUMP_REFERENCE: ExportKind[] = ['territories', 'indicators'];
export const DUMP_KINDS = [...DUMP_RECORDS, ...DUMP_REFERENCE];

const gzip = (s: ReadableStream<Uint8Array>) => s.pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);

/** One stream after the other. */
function concat(streams: Array<ReadableStream<Uint8Array>>): ReadableStream<Uint8Array> {
  let at = 0;
  let reader = streams[0]!.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const r = await reader.read();
        if (!r.done) { controller.enqueue(r.value); return; }
        if (++at >= streams.length) { controller.close(); return; }
        reader = streams[at]!.getReader();
      }
    },
    async cancel(reason) { await reader.cancel(reason); for (const s of streams.slice(at + 1)) await s.cancel(reason); },
  });
}

/**
 * Every public record as one gzipped JSON document, streamed: the records, read at each download, then the territories
 * and indicators (36,000 and 86,000 rows in the seed), kept gzipped as a file until they change (cache.ts). The two are
 * gzip members one after the other: one file, one document for any gunzip.
 */
export async function dumpStream(db: Db, origin: string): Promise<ReadableStream<Uint8Array>> {
  const reference = await cachedDownload(db, 'dump-reference', () => gzip(textStream(async (w) => {
    await writeSections(db, w, DUMP_REFERENCE.map((kind) => ({ kind })), true);
    await w('\n}\n');
  })), 'reference');
  const head = { ...dumpHead(origin), themes: flattenThemes() };
  const records = gzip(textStream(async (w) => {
    const open = JSON.stringify(head);
    await w(open.slice(0, -1));
    await writeSections(db, w, DUMP_RECORDS.map((kind) => ({ kind })), true);
  }));
  return concat([records, reference]);
}
