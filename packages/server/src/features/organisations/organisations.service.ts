/** Organisations (actors): collectivités, associations, agencies, ministries, networks… */
import { attributedByFunder, formatPartialDate, normaliseAmount, totalsByCurrency, type OrganisationInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { WriteContext } from '../../lib/actor.js';
import { writeRecord } from '../history/write.js';
import { NotFoundError } from '../../lib/errors.js';
import { offsetOf, pageOf } from '../../lib/pagination.js';
import { assertExist, assertIdFree, bumpVersion, deleteRow, freeId } from '../../lib/records.js';
import { reindex } from '../search/search.index.js';

const COLS = `o.id, o.kind, o.name, o.names, o.acronyms, o.aliases, o.territory_id, o.country, o.website, o.iati_ref, o.iati_type,
  o.description, o.version, o.created_at, o.updated_at, t.name as territory_name, t.names as territory_names, t.kind as territory_kind, t.country as territory_country`;
const FROM = 'organisation o left join territory t on t.id = o.territory_id';

export function presentOrganisation(r: any) {
  return {
    id: r.id, kind: r.kind, name: r.name, names: r.names, acronyms: r.acronyms, aliases: r.aliases,
    territory: r.territory_id ? { id: r.territory_id, name: r.territory_name, names: r.territory_names, kind: r.territory_kind, country: r.territory_country } : null,
    country: r.country, website: r.website, iatiRef: r.iati_ref, description: r.description,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export async function listOrganisations(db: Db, opts: { page: number; perPage: number; kind?: string; country?: string }) {
  const where: string[] = []; const params: unknown[] = [];
  if (opts.kind) { params.push(opts.kind); where.push(`o.kind = $${params.length}`); }
  if (opts.country) { params.push(opts.country); where.push(`o.country = $${params.length}`); }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from organisation o ${w}`, params);
  const rows = await db.query(`select ${COLS} from ${FROM} ${w} order by o.name, o.id limit ${opts.perPage} offset ${offsetOf(opts.page, opts.perPage)}`, params);
  return pageOf(rows.map(presentOrganisation), n, opts.page, opts.perPage);
}

export async function getOrganisation(db: Db, id: string) {
  const [row] = await db.query(`select ${COLS} from ${FROM} where o.id = $1`, [id]);
  if (!row) throw new NotFoundError('organisation', id);
  const partnerships = await db.query(
    `select p.id, p.title, pp.side, p.started_on, p.started_precision from partnership_party pp join partnership p on p.id = pp.partnership_id
      where pp.organisation_id = $1 order by p.title`, [id]);
  const projects = await db.query(
    `select p.id, p.title, p.start_on, p.start_precision, array_agg(pp.role order by pp.role) as roles from project_participant pp join project p on p.id = pp.project_id
      where pp.organisation_id = $1 group by p.id, p.title, p.start_on, p.start_precision order by p.title`, [id]);
  // Co-financing lines it gives, and those of the projects it leads (what it receives), summed by project
  const lines = await db.query(
    `select p.id, p.title, f.funder_id, f.amount::text as amount, f.currency, f.kind, f.funder_id = $1 as gives from funding_line f join project p on p.id = f.project_id
      where f.funder_id = $1 or p.id in (select project_id from project_participant where organisation_id = $1 and role = 'lead') order by p.title, p.id, f.position`, [id]);
  const byProject = (rows: any[]) => {
    const out = new Map<string, { id: string; title: string; lines: any[] }>();
    for (const r of rows) {
      const e = out.get(r.id) ?? { id: r.id, title: r.title, lines: [] as any[] };
      e.lines.push({ funderId: r.funder_id, amount: normaliseAmount(r.amount), currency: r.currency, kind: r.kind });
      out.set(r.id, e);
    }
    return [...out.values()].map(({ lines: l, ...e }) => ({ ...e, amounts: totalsByCurrency(attributedByFunder(l)) }));
  };
  const funded = byProject(lines.filter((r) => r.gives));
  const received = byProject(lines.filter((r) => projects.some((p) => p.id === r.id && p.roles.includes('lead'))));
  const missions = await db.query(
    `select m.id, m.title, m.from_on, m.from_precision from mission_participant mp join mission m on m.id = mp.mission_id where mp.organisation_id = $1 order by m.from_on`, [id]);
  return {
    ...presentOrganisation(row),
    partnerships: partnerships.map((p) => ({ id: p.id, title: p.title, side: p.side, started: formatPartialDate(p.started_on, p.started_precision) })),
    projects: projects.map((p) => ({ id: p.id, title: p.title, roles: p.roles, start: formatPartialDate(p.start_on, p.start_precision) })),
    fundedProjects: funded,
    receivedFunding: received,
    missions: missions.map((m) => ({ id: m.id, title: m.title, from: formatPartialDate(m.from_on, m.from_precision) })),
  };
}

function values(input: OrganisationInput, country: string | null) {
  return [input.kind, input.name, JSON.stringify(input.names), input.acronyms, input.aliases, input.territoryId ?? null,
    country, input.website ?? null, input.iatiRef ?? null, input.description ?? null];
}

/** The country defaults to the territory's. */
async function countryOf(db: Db, input: OrganisationInput): Promise<string | null> {
  if (input.country) return input.country;
  if (!input.territoryId) return null;
  const [t] = await db.query<{ country: string | null }>('select country from territory where id = $1', [input.territoryId]);
  return t?.country ?? null;
}

export async function createOrganisation(db: Db, input: OrganisationInput, ctx: WriteContext) {
  const id = await writeRecord(db, ctx, { kind: 'organisation', action: 'create', input, get: getOrganisation }, async (tx) => {
    const id = await freeId(tx, 'organisation', input.id, input.acronyms[0] ?? input.name);
    await assertIdFree(tx, 'organisation', id);
    await assertExist(tx, 'territory', [{ path: 'territoryId', id: input.territoryId }]);
    await tx.query(`insert into organisation (id, kind, name, names, acronyms, aliases, territory_id, country, website, iati_ref, description)
      values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11)`, [id, ...values(input, await countryOf(tx, input))]);
    await reindex(tx, 'organisation', [id]);
    return id;
  });
  return getOrganisation(db, id);
}

export async function updateOrganisation(db: Db, id: string, input: OrganisationInput & { version: number }, ctx: WriteContext, action: 'update' | 'restore' = 'update') {
  await writeRecord(db, ctx, { kind: 'organisation', action, id, input, get: getOrganisation }, async (tx) => {
    await bumpVersion(tx, 'organisation', 'organisation', id, input.version);
    await assertExist(tx, 'territory', [{ path: 'territoryId', id: input.territoryId }]);
    await tx.query(`update organisation set kind = $2, name = $3, names = $4::jsonb, acronyms = $5, aliases = $6, territory_id = $7, country = $8,
      website = $9, iati_ref = $10, description = $11 where id = $1`, [id, ...values(input, await countryOf(tx, input))]);
    await reindexDependents(tx, id);
    return id;
  });
  return getOrganisation(db, id);
}

/** An organisation's names appear in the search documents of its partnerships, projects and missions. */
async function reindexDependents(db: Db, id: string) {
  await reindex(db, 'organisation', [id]);
  const ids = (sql: string) => db.query<{ id: string }>(sql, [id]).then((r) => r.map((x) => x.id));
  await reindex(db, 'partnership', await ids('select distinct partnership_id as id from partnership_party where organisation_id = $1'));
  await reindex(db, 'project', await ids(`select project_id as id from project_participant where organisation_id = $1
    union select project_id from funding_line where funder_id = $1`));
  await reindex(db, 'mission', await ids('select mission_id as id from mission_participant where organisation_id = $1'));
  await reindex(db, 'event', await ids('select event_id as id from event_host where organisation_id = $1'));
}

export async function deleteOrganisation(db: Db, id: string, ctx: WriteContext) {
  await writeRecord(db, ctx, { kind: 'organisation', action: 'delete', id, get: getOrganisation }, async (tx) => {
    await deleteRow(tx, 'organisation', 'organisation', id);
    await tx.query(`delete from search_doc where kind = 'organisation' and id = $1`, [id]);
    return id;
  });
}
