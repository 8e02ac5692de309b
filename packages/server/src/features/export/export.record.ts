/** One record's download: JSON of the record with its parts, and CSV of the rows of it a table holds. */
import type { Db } from '../../db/client.js';
import { getMission } from '../missions/missions.service.js';
import { getPublicEvent } from '../events/events.service.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { getPartnership } from '../partnerships/partnerships.service.js';
import { getProject } from '../projects/projects.service.js';
import { getTerritory } from '../territories/territories.service.js';
import { projectIds } from '../iati/export.data.js';
import type { CsvOptions } from './columns.js';
import { csvWriter, type ExportKind } from './export.service.js';
import { download, textStream } from './stream.js';

const GET = { partnerships: getPartnership, projects: getProject, organisations: getOrganisation, missions: getMission, events: getPublicEvent, territories: getTerritory };
export const recordKinds = ['partnerships', 'projects', 'organisations', 'missions', 'events', 'territories'] as const;
export type RecordKind = (typeof recordKinds)[number];

const ids = async (db: Db, sql: string, id: string) => (await db.query<{ id: string }>(sql, [id])).map((r) => r.id);

/**
 * A record's CSV: a partnership's projects, a project's funding lines, the projects an organisation takes part in, funds
 * or reported, a delegation's or an event's own row, a territory's indicators.
 */
export const RECORD_CSV: Record<RecordKind, { table: ExportKind; ids: (db: Db, id: string) => Promise<string[]> }> = {
  partnerships: { table: 'projects', ids: (db, id) => ids(db, 'select id from project where partnership_id = $1 order by id', id) },
  projects: { table: 'funding', ids: async (_db, id) => [id] },
  organisations: { table: 'projects', ids: (db, id) => projectIds(db, { organisation: id }) },
  missions: { table: 'missions', ids: async (_db, id) => [id] },
  events: { table: 'events', ids: async (_db, id) => [id] },
  territories: { table: 'indicators', ids: async (_db, id) => [id] },
};

export async function recordDownload(db: Db, kind: RecordKind, id: string, format: 'json' | 'csv', opts: CsvOptions = {}): Promise<Response> {
  const csv = format === 'csv' ? csvWriter(RECORD_CSV[kind].table, opts) : null; // a bad column: 400 before the record is read
  const record = await GET[kind](db, id); // 404 for an unknown one
  const name = `tandem-${kind.replace(/ies$/, 'y').replace(/s$/, '')}-${id}`;
  if (!csv) return download(textStream((w) => w(`${JSON.stringify(record, null, 2)}\n`)), 'json', name);
  const rows = await RECORD_CSV[kind].ids(db, id);
  return download(textStream((w) => csv(db, w, rows)), 'csv', name);
}
