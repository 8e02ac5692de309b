/** IATI 2.03 activity file of some projects, written activity by activity: memory follows the batch, not the export. */
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../lib/errors.js';
import { loadBundles, projectIds, type ExportFilter } from './export.data.js';
import { activityXml } from './export.activity.js';
import { textStream } from '../export/stream.js';

const BATCH = 200;

async function assertTarget(db: Db, f: ExportFilter): Promise<void> {
  if (f.project && !(await db.query('select 1 from project where id = $1', [f.project])).length) throw new NotFoundError('project', f.project);
  if (f.organisation && !(await db.query('select 1 from organisation where id = $1', [f.organisation])).length) throw new NotFoundError('organisation', f.organisation);
  if (f.partnership && !(await db.query('select 1 from partnership where id = $1', [f.partnership])).length) throw new NotFoundError('partnership', f.partnership);
}

/** Writes the whole document through `write` (awaited: a slow reader slows the export down); returns the number of activities. */
export async function exportIati(db: Db, filter: ExportFilter, write: (chunk: string) => void | Promise<void>): Promise<number> {
  await assertTarget(db, filter);
  const ids = await projectIds(db, filter);
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${new Date().toISOString().slice(0, 19)}">\n`);
  for (let i = 0; i < ids.length; i += BATCH) {
    const bundles = await loadBundles(db, ids.slice(i, i + BATCH));
    await write(bundles.map(activityXml).join(''));
  }
  await write('</iati-activities>\n');
  return ids.length;
}

/** The same document as a web stream, for an HTTP answer: checks the target first, so a 404 is still a JSON answer. */
export async function iatiStream(db: Db, filter: ExportFilter): Promise<ReadableStream<Uint8Array>> {
  await assertTarget(db, filter);
  return textStream((write) => exportIati(db, filter, write));
}
