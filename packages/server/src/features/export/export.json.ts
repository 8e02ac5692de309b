/**
 * JSON downloads written as they are read, record by record: `{…head, "partnerships": […], "projects": […], …}`.
 * The whole public database is the same document over every kind, gzipped on the way out.
 */
import { flattenThemes } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { records, type ExportKind } from './export.service.js';
import { dumpHead } from './licences.js';
import { textStream, type Write } from './stream.js';

export interface Section { kind: ExportKind; ids?: string[] }

/** head: the document's first members (what it is, the query…); sections: the kinds, each with its records (all, or the ids given). */
export async function writeJson(db: Db, write: Write, sections: Section[], head: Record<string, unknown> = {}): Promise<number> {
  const open = JSON.stringify(head);
  await write(open.slice(0, -1));
  let comma = open.length > 2;
  let total = 0;
  for (const s of sections) {
    await write(`${comma ? ',' : ''}\n${JSON.stringify(s.kind)}: [`);
    comma = true;
    let n = 0;
    for await (const batch of records(db, s.kind, s.ids)) for (const r of batch) await write(`${n++ ? ',' : ''}\n${JSON.stringify(r)}`);
    await write(n ? '\n]' : ']');
    total += n;
  }
  await write('\n}\n');
  return total;
}

/** The kinds of the whole public database (funding lines are in their projects). People, accounts, history and declarations are not public. */
export const DUMP_KINDS: ExportKind[] = ['partnerships', 'projects', 'organisations', 'missions', 'territories', 'indicators'];

/** Every public record as one gzipped JSON document, streamed. */
export function dumpStream(db: Db, origin: string): ReadableStream<Uint8Array> {
  const head = { ...dumpHead(origin), themes: flattenThemes() };
  return textStream((write) => writeJson(db, write, DUMP_KINDS.map((kind) => ({ kind })), head))
    .pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
}
