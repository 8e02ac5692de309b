/** Projects (actions): themes, places, participants by role, co-financing lines, results, links. */
import { formatPartialDate, normaliseAmount, parsePartialDate, type ProjectInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { WriteContext } from '../../lib/actor.js';
import { writeRecord } from '../history/write.js';
import { NotFoundError } from '../../lib/errors.js';
import { offsetOf, pageOf } from '../../lib/pagination.js';
import { assertExist, assertIdFree, bumpVersion, deleteRow, freeId } from '../../lib/records.js';
import { reindex } from '../search/search.index.js';
import { insertLinks } from '../links/links.js';

const d = (v: string | null | undefined) => (v ? parsePartialDate(v) : null);

export function presentProjectRow(r: any) {
  return {
    id: r.id, partnershipId: r.partnership_id, title: r.title, description: r.description, status: r.status,
    start: formatPartialDate(r.start_on, r.start_precision), end: formatPartialDate(r.end_on, r.end_precision), themes: r.themes,
    budget: r.budget_amount != null ? { amount: normaliseAmount(r.budget_amount), currency: r.budget_currency } : null,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export async function listProjects(db: Db, opts: { page: number; perPage: number; partnershipId?: string; status?: string }) {
  const where: string[] = []; const params: unknown[] = [];
  if (opts.partnershipId) { params.push(opts.partnershipId); where.push(`partnership_id = $${params.length}`); }
  if (opts.status) { params.push(opts.status); where.push(`status = $${params.length}`); }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from project ${w}`, params);
  const rows = await db.query(`select * from project ${w} order by title, id limit ${opts.perPage} offset ${offsetOf(opts.page, opts.perPage)}`, params);
  return pageOf(rows.map(presentProjectRow), n, opts.page, opts.perPage);
}

/** One project with its parts, in one statement (one round trip: a sheet or an API read of a project is one query). */
export async function getProject(db: Db, id: string) {
  const [row] = await db.query(
    `select p.*,
       (select json_build_object('id', pa.id, 'title', pa.title) from partnership pa where pa.id = p.partnership_id) as _partnership,
       (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'names', t.names, 'kind', t.kind, 'country', t.country) order by t.name), '[]')
          from project_place pp join territory t on t.id = pp.territory_id where pp.project_id = p.id) as _places,
       (select coalesce(json_agg(json_build_object('organisationId', o.id, 'name', o.name, 'kind', o.kind, 'acronyms', o.acronyms, 'role', pp.role) order by pp.position), '[]')
          from project_participant pp join organisation o on o.id = pp.organisation_id where pp.project_id = p.id) as _participants,
       (select coalesce(json_agg(json_build_object('funderId', o.id, 'funderName', o.name, 'amount', f.amount::text, 'currency', f.currency, 'year', f.year,
                 'kind', f.kind, 'note', f.note) order by f.position), '[]')
          from funding_line f left join organisation o on o.id = f.funder_id where f.project_id = p.id) as _funding,
       (select coalesce(json_agg(json_build_object('label', r.label, 'value', r.value::text, 'unit', r.unit, 'year', r.year, 'kind', r.kind) order by r.position), '[]')
          from result r where r.project_id = p.id) as _results,
       (select coalesce(json_agg(json_build_object('url', l.url, 'title', l.title, 'kind', l.kind) order by l.position), '[]')
          from link l where l.owner_kind = 'project' and l.owner_id = p.id) as _links
     from project p where p.id = $1`, [id], { prepare: true });
  if (!row) throw new NotFoundError('project', id);
  const { _partnership, _places, _participants, _funding, _results, _links, ...projectRow } = row;
  return {
    ...presentProjectRow(projectRow),
    partnership: _partnership ?? null,
    places: _places,
    participants: _participants,
    funding: (_funding as Array<Record<string, any>>).map((f) => ({ ...f, amount: normaliseAmount(f.amount) })),
    results: (_results as Array<Record<string, any>>).map((r) => ({ ...r, value: Number(r.value) })),
    links: _links,
  };
}

async function checkRefs(db: Db, input: ProjectInput) {
  await assertExist(db, 'partnership', [{ path: 'partnershipId', id: input.partnershipId }]);
  await assertExist(db, 'theme', input.themes.map((t, i) => ({ path: `themes.${i}`, id: t })));
  await assertExist(db, 'territory', input.places.map((t, i) => ({ path: `places.${i}`, id: t })));
  await assertExist(db, 'organisation', [
    ...input.participants.map((p, i) => ({ path: `participants.${i}.organisationId`, id: p.organisationId })),
    ...input.funding.map((f, i) => ({ path: `funding.${i}.funderId`, id: f.funderId })),
  ]);
}

async function writeChildren(db: Db, id: string, input: ProjectInput) {
  for (const t of ['project_place', 'project_participant', 'funding_line', 'result']) await db.query(`delete from ${t} where project_id = $1`, [id]);
  for (const t of new Set(input.places)) await db.query('insert into project_place (project_id, territory_id) values ($1, $2)', [id, t]);
  const seen = new Set<string>();
  for (const [i, p] of input.participants.entries()) {
    const key = `${p.organisationId}/${p.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await db.query('insert into project_participant (project_id, organisation_id, role, position) values ($1, $2, $3, $4)', [id, p.organisationId, p.role, i]);
  }
  for (const [i, f] of input.funding.entries()) {
    await db.query('insert into funding_line (project_id, funder_id, amount, currency, year, kind, note, position) values ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, f.funderId ?? null, f.amount, f.currency, f.year ?? null, f.kind, f.note ?? null, i]);
  }
  for (const [i, r] of input.results.entries()) {
    await db.query('insert into result (project_id, label, value, unit, year, kind, position) values ($1, $2, $3, $4, $5, $6, $7)',
      [id, r.label, r.value, r.unit, r.year ?? null, r.kind, i]);
  }
  await insertLinks(db, 'project', id, input.links);
}

function values(input: ProjectInput) {
  const s = d(input.start), e = d(input.end);
  return [input.partnershipId ?? null, input.title, input.description ?? null, input.status, s?.date ?? null, s?.precision ?? null,
    e?.date ?? null, e?.precision ?? null, input.themes, input.budget?.amount ?? null, input.budget?.currency ?? null];
}

async function reindexWithPartnership(db: Db, id: string, partnershipIds: Array<string | null>) {
  await reindex(db, 'project', [id]);
  await reindex(db, 'partnership', partnershipIds.filter((p): p is string => !!p));
}

export async function createProject(db: Db, input: ProjectInput, ctx: WriteContext) {
  const id = await writeRecord(db, ctx, { kind: 'project', action: 'create', input, get: getProject }, async (tx) => {
    const id = await freeId(tx, 'project', input.id, input.title);
    await assertIdFree(tx, 'project', id);
    await checkRefs(tx, input);
    await tx.query(`insert into project (id, partnership_id, title, description, status, start_on, start_precision, end_on, end_precision, themes, budget_amount, budget_currency)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [id, ...values(input)]);
    await writeChildren(tx, id, input);
    await reindexWithPartnership(tx, id, [input.partnershipId ?? null]);
    return id;
  });
  return getProject(db, id);
}

export async function updateProject(db: Db, id: string, input: ProjectInput & { version: number }, ctx: WriteContext, action: 'update' | 'restore' = 'update') {
  await writeRecord(db, ctx, { kind: 'project', action, id, input, get: getProject }, async (tx) => {
    await bumpVersion(tx, 'project', 'project', id, input.version);
    await checkRefs(tx, input);
    const [before] = await tx.query<{ partnership_id: string | null }>('select partnership_id from project where id = $1', [id]);
    await tx.query(`update project set partnership_id = $2, title = $3, description = $4, status = $5, start_on = $6, start_precision = $7,
      end_on = $8, end_precision = $9, themes = $10, budget_amount = $11, budget_currency = $12 where id = $1`, [id, ...values(input)]);
    await writeChildren(tx, id, input);
    await reindexWithPartnership(tx, id, [before.partnership_id, input.partnershipId ?? null]);
    return id;
  });
  return getProject(db, id);
}

export async function deleteProject(db: Db, id: string, ctx: WriteContext) {
  await writeRecord(db, ctx, { kind: 'project', action: 'delete', id, get: getProject }, async (tx) => {
    const [before] = await tx.query<{ partnership_id: string | null }>('select partnership_id from project where id = $1', [id]);
    await deleteRow(tx, 'project', 'project', id);
    await tx.query(`delete from link where owner_kind = 'project' and owner_id = $1`, [id]);
    await tx.query(`delete from search_doc where kind = 'project' and id = $1`, [id]);
    if (before?.partnership_id) await reindex(tx, 'partnership', [before.partnership_id]);
    return id;
  });
}
