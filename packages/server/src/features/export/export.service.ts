/** Open data exports of the records as CSV (one table per kind) or JSON (records with their parts). */
import { csvLine, formatPartialDate } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { csvPlan, type CsvOptions } from './columns.js';
import { getMission } from '../missions/missions.service.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { getPartnership } from '../partnerships/partnerships.service.js';
import { getProject } from '../projects/projects.service.js';

export const exportKinds = ['partnerships', 'projects', 'funding', 'organisations', 'missions', 'territories'] as const;
export type ExportKind = (typeof exportKinds)[number];

const pd = (d: string | null, p: string | null) => formatPartialDate(d, p);

const TABLES: Record<ExportKind, { header: string[]; sql: string; row: (r: any) => unknown[] }> = {
  partnerships: {
    header: ['id', 'title', 'kind', 'status', 'started', 'french_parties', 'foreign_parties', 'countries', 'themes', 'agreements', 'first_agreement_signed'],
    sql: `select p.*, (select array_agg(o.name order by pp.position) from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.partnership_id = p.id and pp.side = 'fr') as fr,
      (select array_agg(o.name order by pp.position) from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.partnership_id = p.id and pp.side <> 'fr') as foreign_,
      (select array_agg(distinct o.country) from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.partnership_id = p.id) as countries,
      (select count(*) from agreement a where a.partnership_id = p.id) as n_agreements,
      (select a.signed_on || '|' || a.signed_precision from agreement a where a.partnership_id = p.id and a.signed_on is not null order by a.signed_on limit 1) as first_signed
      from partnership p order by p.id`,
    row: (r) => [r.id, r.title, r.kind, r.status, pd(r.started_on, r.started_precision), r.fr, r.foreign_, r.countries, r.themes, r.n_agreements,
      r.first_signed ? pd(r.first_signed.split('|')[0], r.first_signed.split('|')[1]) : null],
  },
  projects: {
    header: ['id', 'title', 'partnership_id', 'status', 'start', 'end', 'themes', 'places', 'lead', 'budget_amount', 'budget_currency', 'funders'],
    sql: `select p.*, (select array_agg(t.name order by t.name) from project_place x join territory t on t.id = x.territory_id where x.project_id = p.id) as places,
      (select array_agg(o.name) from project_participant x join organisation o on o.id = x.organisation_id where x.project_id = p.id and x.role = 'lead') as lead,
      (select array_agg(distinct o.name) from funding_line f join organisation o on o.id = f.funder_id where f.project_id = p.id) as funders
      from project p order by p.id`,
    row: (r) => [r.id, r.title, r.partnership_id, r.status, pd(r.start_on, r.start_precision), pd(r.end_on, r.end_precision), r.themes, r.places, r.lead,
      r.budget_amount, r.budget_currency, r.funders],
  },
  funding: {
    header: ['project_id', 'project_title', 'funder_id', 'funder', 'amount', 'currency', 'year', 'kind'],
    sql: `select f.*, p.title, o.name as funder from funding_line f join project p on p.id = f.project_id left join organisation o on o.id = f.funder_id order by f.project_id, f.position`,
    row: (r) => [r.project_id, r.title, r.funder_id, r.funder, r.amount, r.currency, r.year, r.kind],
  },
  organisations: {
    header: ['id', 'name', 'kind', 'acronyms', 'aliases', 'territory_id', 'territory', 'country', 'website'],
    sql: 'select o.*, t.name as territory from organisation o left join territory t on t.id = o.territory_id order by o.id',
    row: (r) => [r.id, r.name, r.kind, r.acronyms, r.aliases, r.territory_id, r.territory, r.country, r.website],
  },
  missions: {
    header: ['id', 'title', 'direction', 'from', 'to', 'place', 'partnership_id', 'organisations'],
    sql: `select m.*, t.name as place, (select array_agg(o.name order by o.name) from mission_participant x join organisation o on o.id = x.organisation_id where x.mission_id = m.id) as orgs
      from mission m left join territory t on t.id = m.place_territory_id order by m.id`,
    row: (r) => [r.id, r.title, r.direction, pd(r.from_on, r.from_precision), pd(r.to_on, r.to_precision), r.place, r.partnership_id, r.orgs],
  },
  territories: {
    header: ['id', 'kind', 'name', 'name_fr', 'name_en', 'name_vi', 'parent_id', 'country', 'valid_from', 'valid_to', 'codes'],
    sql: 'select * from territory order by id',
    row: (r) => [r.id, r.kind, r.name, r.names?.fr, r.names?.en, r.names?.vi, r.parent_id, r.country, r.valid_from, r.valid_to, r.codes],
  },
};

/** CSV of one kind, written chunk by chunk; opts: a choice of columns, readable labels (features/export/columns.ts). */
export async function exportCsv(db: Db, kind: ExportKind, write: (chunk: string) => void | Promise<void>, opts: CsvOptions = {}): Promise<number> {
  const t = TABLES[kind];
  const plan = csvPlan(kind, t.header, opts);
  await write('\ufeff' + csvLine(plan.header));
  const rows = await db.query(t.sql);
  for (const r of rows) await write(csvLine(plan.row(t.row(r))));
  return rows.length;
}

const GETTERS = { partnerships: getPartnership, projects: getProject, organisations: getOrganisation, missions: getMission } as const;

/** JSON: the records of the given kinds with their parts (territories: the flat table). */
export async function exportJson(db: Db, kinds: ExportKind[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const kind of kinds) {
    if (kind === 'funding' || kind === 'territories') {
      const t = TABLES[kind];
      out[kind] = (await db.query(t.sql)).map((r) => Object.fromEntries(t.header.map((h, i) => [h, t.row(r)[i]])));
      continue;
    }
    const ids = await db.query<{ id: string }>(`select id from ${kind.slice(0, -1)} order by id`);
    const get = GETTERS[kind];
    out[kind] = [];
    for (const { id } of ids) out[kind].push(await get(db, id));
  }
  return out;
}
