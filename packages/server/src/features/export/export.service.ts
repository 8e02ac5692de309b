/** Open data exports of the records as CSV (one table per kind) or JSON (records with their parts). */
import { csvLine, formatPartialDate } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../lib/errors.js';
import { csvPlan, type CsvOptions } from './columns.js';
import { getMission } from '../missions/missions.service.js';
import { getPublicEvent } from '../events/events.service.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { getPartnership } from '../partnerships/partnerships.service.js';
import { getProject } from '../projects/projects.service.js';

export const exportKinds = ['partnerships', 'projects', 'funding', 'organisations', 'missions', 'events', 'territories', 'indicators'] as const;
export type ExportKind = (typeof exportKinds)[number];

const pd = (d: string | null, p: string | null) => formatPartialDate(d, p);

/**
 * Each kind's table. Its rows hang on ids (a record's own, a funding line's project, an indicator's territory):
 * `ids` lists them all, `sql` reads the rows of a batch of them ($1), in order.
 */
interface Table { header: string[]; ids: string; count: string; sql: string; row: (r: any) => unknown[] }

const TABLES: Record<ExportKind, Table> = {
  partnerships: {
    header: ['id', 'title', 'kind', 'status', 'started', 'french_parties', 'foreign_parties', 'countries', 'themes', 'agreements', 'first_agreement_signed'],
    ids: 'select id from partnership', count: 'select count(*)::int as n from partnership',
    sql: `select p.*, (select array_agg(o.name order by pp.position) from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.partnership_id = p.id and pp.side = 'fr') as fr,
      (select array_agg(o.name order by pp.position) from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.partnership_id = p.id and pp.side <> 'fr') as foreign_,
      (select array_agg(distinct o.country) from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.partnership_id = p.id) as countries,
      (select count(*) from agreement a where a.partnership_id = p.id) as n_agreements,
      (select a.signed_on || '|' || a.signed_precision from agreement a where a.partnership_id = p.id and a.signed_on is not null order by a.signed_on limit 1) as first_signed
      from partnership p where p.id = any($1::text[]) order by p.id`,
    row: (r) => [r.id, r.title, r.kind, r.status, pd(r.started_on, r.started_precision), r.fr, r.foreign_, r.countries, r.themes, r.n_agreements,
      r.first_signed ? pd(r.first_signed.split('|')[0], r.first_signed.split('|')[1]) : null],
  },
  projects: {
    header: ['id', 'title', 'partnership_id', 'status', 'start', 'end', 'themes', 'places', 'lead', 'budget_amount', 'budget_currency', 'funders'],
    ids: 'select id from project', count: 'select count(*)::int as n from project',
    sql: `select p.*, (select array_agg(t.name order by t.name) from project_place x join territory t on t.id = x.territory_id where x.project_id = p.id) as places,
      (select array_agg(o.name) from project_participant x join organisation o on o.id = x.organisation_id where x.project_id = p.id and x.role = 'lead') as lead,
      (select array_agg(distinct o.name) from funding_line f join organisation o on o.id = f.funder_id where f.project_id = p.id) as funders
      from project p where p.id = any($1::text[]) order by p.id`,
    row: (r) => [r.id, r.title, r.partnership_id, r.status, pd(r.start_on, r.start_precision), pd(r.end_on, r.end_precision), r.themes, r.places, r.lead,
      r.budget_amount, r.budget_currency, r.funders],
  },
  funding: {
    header: ['project_id', 'project_title', 'funder_id', 'funder', 'amount', 'currency', 'year', 'kind'],
    ids: 'select id from project', count: 'select count(*)::int as n from funding_line',
    sql: `select f.*, p.title, o.name as funder from funding_line f join project p on p.id = f.project_id left join organisation o on o.id = f.funder_id
      where f.project_id = any($1::text[]) order by f.project_id, f.position, f.id`,
    row: (r) => [r.project_id, r.title, r.funder_id, r.funder, r.amount, r.currency, r.year, r.kind],
  },
  organisations: {
    header: ['id', 'name', 'kind', 'acronyms', 'aliases', 'territory_id', 'territory', 'country', 'website'],
    ids: 'select id from organisation', count: 'select count(*)::int as n from organisation',
    sql: 'select o.*, t.name as territory from organisation o left join territory t on t.id = o.territory_id where o.id = any($1::text[]) order by o.id',
    row: (r) => [r.id, r.name, r.kind, r.acronyms, r.aliases, r.territory_id, r.territory, r.country, r.website],
  },
  missions: {
    header: ['id', 'title', 'direction', 'from', 'to', 'place', 'partnership_id', 'organisations'],
    ids: 'select id from mission', count: 'select count(*)::int as n from mission',
    sql: `select m.*, t.name as place, (select array_agg(o.name order by o.name) from mission_participant x join organisation o on o.id = x.organisation_id where x.mission_id = m.id) as orgs
      from mission m left join territory t on t.id = m.place_territory_id where m.id = any($1::text[]) order by m.id`,
    row: (r) => [r.id, r.title, r.direction, pd(r.from_on, r.from_precision), pd(r.to_on, r.to_precision), r.place, r.partnership_id, r.orgs],
  },
  events: {
    header: ['id', 'title', 'kind', 'series_id', 'series', 'edition', 'start', 'end', 'start_time', 'end_time', 'time_zone', 'place_id', 'place', 'online',
      'online_url', 'side', 'theme', 'hosts', 'workshops_count'],
    ids: "select id from event where visibility = 'public'", count: "select count(*)::int as n from event where visibility = 'public'",
    sql: `select e.*, s.name as series, coalesce(t.name, e.place_text) as place,
      (select array_agg(o.name order by h.position) from event_host h join organisation o on o.id = h.organisation_id where h.event_id = e.id) as hosts
      from event e left join event_series s on s.id = e.series_id left join territory t on t.id = e.place_territory_id where e.id = any($1::text[]) and e.visibility = 'public' order by e.id`,
    row: (r) => [r.id, r.title, r.kind, r.series_id, r.series, r.edition, pd(r.start_on, r.start_precision), pd(r.end_on, r.end_precision),
      r.start_time?.slice(0, 5) ?? null, r.end_time?.slice(0, 5) ?? null, r.time_zone, r.place_territory_id, r.place, r.online, r.online_url, r.side, r.theme, r.hosts, r.workshops_count],
  },
  territories: {
    header: ['id', 'kind', 'name', 'name_fr', 'name_en', 'name_vi', 'parent_id', 'country', 'valid_from', 'valid_to', 'codes'],
    ids: 'select id from territory', count: 'select count(*)::int as n from territory',
    sql: 'select * from territory where id = any($1::text[]) order by id',
    row: (r) => [r.id, r.kind, r.name, r.names?.fr, r.names?.en, r.names?.vi, r.parent_id, r.country, r.valid_from, r.valid_to, r.codes],
  },
  indicators: {
    header: ['territory_id', 'territory', 'indicator', 'year', 'value', 'unit', 'source'],
    ids: 'select id from territory', count: 'select count(*)::int as n from indicator_value',
    sql: `select v.*, t.name from indicator_value v join territory t on t.id = v.territory_id where v.territory_id = any($1::text[])
      order by v.territory_id, v.indicator, v.year, v.source`,
    row: (r) => [r.territory_id, r.name, r.indicator, r.year, r.value, r.unit, r.source],
  },
};

const BATCH = 500;

/**
 * The ids of a kind's rows in batches: the given ones (a search's, a record's parts), else every one, read batch after
 * batch by key (memory follows the batch, not the table).
 */
export async function* idBatches(db: Db, kind: ExportKind, ids?: string[]): AsyncGenerator<string[]> {
  if (ids) { for (let i = 0; i < ids.length; i += BATCH) yield ids.slice(i, i + BATCH); return; }
  let after = '';
  for (;;) {
    const rows = await db.query<{ id: string }>(`select id from (${TABLES[kind].ids}) b where id > $1 order by id limit ${BATCH}`, [after]);
    if (rows.length) yield rows.map((r) => r.id);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** How many rows each kind has (the open data page's counts). */
export async function exportCounts(db: Db): Promise<Record<ExportKind, number>> {
  const out = {} as Record<ExportKind, number>;
  for (const kind of exportKinds) out[kind] = (await db.query<{ n: number }>(TABLES[kind].count))[0]!.n;
  return out;
}

/** The rows of a batch of ids, as objects named by the header (JSON of the flat kinds). */
export async function tableObjects(db: Db, kind: ExportKind, ids: string[]): Promise<Array<Record<string, unknown>>> {
  const t = TABLES[kind];
  return (await db.query(t.sql, [ids])).map((r) => { const v = t.row(r); return Object.fromEntries(t.header.map((h, i) => [h, v[i]])); });
}

/**
 * CSV of one kind, written batch by batch; opts: a choice of columns, readable labels (features/export/columns.ts), and
 * the ids to keep (a search's, a record's parts: given to the writer). The plan is checked first: a bad column is a 400 before any byte.
 */
export function csvWriter(kind: ExportKind, opts: CsvOptions = {}) {
  const t = TABLES[kind];
  const plan = csvPlan(kind, t.header, opts);
  return async (db: Db, write: (chunk: string) => void | Promise<void>, ids?: string[]): Promise<number> => {
    await write('\ufeff' + csvLine(plan.header));
    let n = 0;
    for await (const batch of idBatches(db, kind, ids)) {
      const rows = await db.query(t.sql, [batch]);
      for (const r of rows) await write(csvLine(plan.row(t.row(r))));
      n += rows.length;
    }
    return n;
  };
}

export async function exportCsv(db: Db, kind: ExportKind, write: (chunk: string) => void | Promise<void>, opts: CsvOptions & { ids?: string[] } = {}): Promise<number> {
  return csvWriter(kind, opts)(db, write, opts.ids);
}

const GETTERS = { partnerships: getPartnership, projects: getProject, organisations: getOrganisation, missions: getMission, events: getPublicEvent } as const;
export const withParts = (kind: ExportKind): kind is keyof typeof GETTERS => kind in GETTERS;

/** The records of a kind, batch by batch: with their parts (partnerships, projects, organisations, missions), else the table's rows. */
export async function* records(db: Db, kind: ExportKind, ids?: string[]): AsyncGenerator<unknown[]> {
  for await (const batch of idBatches(db, kind, ids)) {
    if (!withParts(kind)) { yield await tableObjects(db, kind, batch); continue; }
    const get = GETTERS[kind];
    const out: unknown[] = [];
    for (const id of batch) {
      try { out.push(await get(db, id)); } catch (e) { if (!(e instanceof NotFoundError)) throw e; } // deleted while the export ran
    }
    yield out;
  }
}

/** JSON in memory (the CLI, tests): the records of the given kinds; the API streams the same (export.json.ts). */
export async function exportJson(db: Db, kinds: ExportKind[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const kind of kinds) {
    out[kind] = [];
    for await (const batch of records(db, kind)) out[kind].push(...batch);
  }
  return out;
}
