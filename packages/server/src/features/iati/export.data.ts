/** Reads projects for the IATI export in batches: one query per part for a whole batch, never one per project. */
import type { Db } from '../../db/client.js';

export interface OrgRef { id: string; name: string; kind: string; iati_ref: string | null; iati_type: string | null; country: string | null }
export interface ProjectBundle {
  project: any;
  participants: Array<OrgRef & { role: string }>;
  places: Array<{ id: string; kind: string; country: string | null; name: string; lat: number | null; lon: number | null }>;
  funding: Array<{ amount: string; currency: string; year: number | null; kind: string; note: string | null; iati_element: string | null;
    iati_type: string | null; on_date: string | null; end_date: string | null; funder: OrgRef | null }>;
  results: Array<{ label: string; value: string; unit: string; year: number | null; kind: string }>;
  links: Array<{ url: string; title: string | null; kind: string }>;
  reportingOrg: OrgRef | null;
}

/** projects: a chosen set (a search's), in this order */
export interface ExportFilter { organisation?: string; partnership?: string; project?: string; projects?: string[] }

/** Ids of the projects to export, in a stable order. */
export async function projectIds(db: Db, f: ExportFilter): Promise<string[]> {
  if (f.projects) return f.projects;
  if (f.project) return [f.project];
  if (f.partnership) return ids(db, 'select id from project where partnership_id = $1 order by id', [f.partnership]);
  if (f.organisation) {
    return ids(db, `select id from project where id in (select project_id from project_participant where organisation_id = $1
      union select project_id from funding_line where funder_id = $1) or iati_reporting_org_id = $1 order by id`, [f.organisation]);
  }
  return ids(db, 'select id from project order by id', []);
}

async function ids(db: Db, sql: string, params: unknown[]): Promise<string[]> {
  return (await db.query<{ id: string }>(sql, params)).map((r) => r.id);
}

const ORG = 'o.id, o.name, o.kind, o.iati_ref, o.iati_type, o.country';

function group<T>(rows: any[], key = 'project_id'): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) { const l = m.get(r[key]) ?? []; l.push(r); m.set(r[key], l); }
  return m;
}

const orgOf = (r: any, p: string): OrgRef | null => (r[`${p}id`] ? {
  id: r[`${p}id`], name: r[`${p}name`], kind: r[`${p}kind`], iati_ref: r[`${p}iati_ref`], iati_type: r[`${p}iati_type`], country: r[`${p}country`],
} : null);

export async function loadBundles(db: Db, batch: string[]): Promise<ProjectBundle[]> {
  const projects = await db.query('select * from project where id = any($1::text[]) order by id', [batch]);
  const participants = group<any>(await db.query(`select pp.project_id, pp.role, ${ORG} from project_participant pp
    join organisation o on o.id = pp.organisation_id where pp.project_id = any($1::text[]) order by pp.project_id, pp.position`, [batch]));
  const places = group<any>(await db.query(`select pp.project_id, t.id, t.kind, t.country, t.name, t.lat, t.lon from project_place pp
    join territory t on t.id = pp.territory_id where pp.project_id = any($1::text[]) order by pp.project_id, t.name`, [batch]));
  const funding = group<any>(await db.query(`select f.project_id, f.amount, f.currency, f.year, f.kind, f.note, f.iati_element, f.iati_type, f.on_date, f.end_date,
    o.id as f_id, o.name as f_name, o.kind as f_kind, o.iati_ref as f_iati_ref, o.iati_type as f_iati_type, o.country as f_country
    from funding_line f left join organisation o on o.id = f.funder_id where f.project_id = any($1::text[]) order by f.project_id, f.position`, [batch]));
  const results = group<any>(await db.query('select project_id, label, value, unit, year, kind from result where project_id = any($1::text[]) order by project_id, position', [batch]));
  const links = group<any>(await db.query(`select owner_id as project_id, url, title, kind from link where owner_kind = 'project' and owner_id = any($1::text[])
    order by owner_id, position`, [batch]), 'project_id');
  const reporting = new Map((await db.query(`select ${ORG} from organisation o where o.id = any($1::text[])`,
    [projects.map((p) => p.iati_reporting_org_id).filter(Boolean)])).map((o: any) => [o.id, o as OrgRef]));
  return projects.map((p) => ({
    project: p,
    participants: participants.get(p.id) ?? [],
    places: places.get(p.id) ?? [],
    funding: (funding.get(p.id) ?? []).map((f) => ({ ...f, amount: String(f.amount), funder: orgOf(f, 'f_') })),
    results: results.get(p.id) ?? [],
    links: links.get(p.id) ?? [],
    reportingOrg: p.iati_reporting_org_id ? reporting.get(p.iati_reporting_org_id) ?? null : null,
  }));
}
