/** Partnerships (coopérations) with their parties, agreements and links. */
import { formatPartialDate, normaliseAmount, parsePartialDate, summariseMoney, type PartnershipInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { WriteContext } from '../../lib/actor.js';
import { writeRecord } from '../history/write.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { offsetOf, pageOf } from '../../lib/pagination.js';
import { assertExist, assertIdFree, bumpVersion, deleteRow, freeId } from '../../lib/records.js';
import { reindex } from '../search/search.index.js';
import { insertLinks, listLinks } from '../links/links.js';

const d = (v: string | null | undefined) => (v ? parsePartialDate(v) : null);

export function presentPartnershipRow(r: any) {
  return {
    id: r.id, title: r.title, kind: r.kind, status: r.status, summary: r.summary,
    started: formatPartialDate(r.started_on, r.started_precision), ended: formatPartialDate(r.ended_on, r.ended_precision),
    themes: r.themes, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function presentAgreement(a: any) {
  return {
    id: a.id, kind: a.kind, title: a.title, signed: formatPartialDate(a.signed_on, a.signed_precision), place: a.place,
    durationMonths: a.duration_months, renewsAgreementId: a.renews_agreement_id, documentUrl: a.document_url, axes: a.axes, summary: a.summary,
  };
}

export async function listPartnerships(db: Db, opts: { page: number; perPage: number; status?: string; kind?: string }) {
  const where: string[] = []; const params: unknown[] = [];
  if (opts.status) { params.push(opts.status); where.push(`status = $${params.length}`); }
  if (opts.kind) { params.push(opts.kind); where.push(`kind = $${params.length}`); }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from partnership ${w}`, params);
  const rows = await db.query(`select * from partnership ${w} order by title, id limit ${opts.perPage} offset ${offsetOf(opts.page, opts.perPage)}`, params);
  const parties = await partiesOf(db, rows.map((r) => r.id));
  return pageOf(rows.map((r) => ({ ...presentPartnershipRow(r), parties: parties.get(r.id) ?? [] })), n, opts.page, opts.perPage);
}

async function partiesOf(db: Db, ids: string[]) {
  const rows = await db.query(
    `select pp.partnership_id, pp.side, o.id, o.name, o.kind, o.acronyms, o.country, t.id as territory_id, t.name as territory_name, t.names as territory_names, t.country as territory_country
       from partnership_party pp join organisation o on o.id = pp.organisation_id left join territory t on t.id = o.territory_id
      where pp.partnership_id = any($1::text[]) order by pp.position`, [ids]);
  const out = new Map<string, any[]>();
  for (const r of rows) {
    const list = out.get(r.partnership_id) ?? [];
    list.push({ organisationId: r.id, name: r.name, kind: r.kind, acronyms: r.acronyms, side: r.side, country: r.country,
      territory: r.territory_id ? { id: r.territory_id, name: r.territory_name, names: r.territory_names, country: r.territory_country } : null });
    out.set(r.partnership_id, list);
  }
  return out;
}

export async function getPartnership(db: Db, id: string) {
  const [row] = await db.query('select * from partnership where id = $1', [id], { prepare: true });
  if (!row) throw new NotFoundError('partnership', id);
  const agreements = await db.query('select * from agreement where partnership_id = $1 order by position, signed_on', [id], { prepare: true });
  const projects = await db.query('select id, title, status, start_on, start_precision, end_on, end_precision, budget_amount::text as budget_amount, budget_currency from project where partnership_id = $1 order by start_on nulls last, title', [id], { prepare: true });
  const lines = await db.query(`select f.project_id, f.funder_id, o.name as funder_name, f.amount::text as amount, f.currency, f.kind
      from funding_line f join project p on p.id = f.project_id left join organisation o on o.id = f.funder_id
     where p.partnership_id = $1 order by p.start_on nulls last, p.title, f.position`, [id], { prepare: true });
  const missions = await db.query('select id, title, direction, from_on, from_precision, to_on, to_precision from mission where partnership_id = $1 order by from_on nulls last', [id], { prepare: true });
  return {
    ...presentPartnershipRow(row),
    parties: (await partiesOf(db, [id])).get(id) ?? [],
    agreements: agreements.map(presentAgreement),
    projects: projects.map((p) => ({ id: p.id, title: p.title, status: p.status, start: formatPartialDate(p.start_on, p.start_precision), end: formatPartialDate(p.end_on, p.end_precision) })),
    missions: missions.map((m) => ({ id: m.id, title: m.title, direction: m.direction, from: formatPartialDate(m.from_on, m.from_precision), to: formatPartialDate(m.to_on, m.to_precision) })),
    money: summariseMoney(projects.map((p) => ({
      budget: p.budget_amount != null ? { amount: normaliseAmount(p.budget_amount), currency: p.budget_currency } : null,
      funding: lines.filter((f) => f.project_id === p.id)
        .map((f) => ({ funderId: f.funder_id, funderName: f.funder_name, amount: normaliseAmount(f.amount), currency: f.currency, kind: f.kind })),
    }))),
    links: await listLinks(db, 'partnership', id),
  };
}

async function checkRefs(db: Db, input: PartnershipInput) {
  const seen = new Set<string>();
  input.parties.forEach((p, i) => {
    if (seen.has(p.organisationId)) throw new ValidationError([{ path: `parties.${i}.organisationId`, message: `organisation "${p.organisationId}" is listed twice` }]);
    seen.add(p.organisationId);
  });
  await assertExist(db, 'organisation', input.parties.map((p, i) => ({ path: `parties.${i}.organisationId`, id: p.organisationId })));
  await assertExist(db, 'theme', input.themes.map((t, i) => ({ path: `themes.${i}`, id: t })));
}

async function writeChildren(db: Db, id: string, input: PartnershipInput) {
  await db.query('delete from agreement where partnership_id = $1', [id]);
  await db.query('delete from partnership_party where partnership_id = $1', [id]);
  for (const [i, p] of input.parties.entries()) {
    await db.query('insert into partnership_party (partnership_id, organisation_id, side, position) values ($1, $2, $3, $4)', [id, p.organisationId, p.side, i]);
  }
  const ids = new Set<string>();
  for (const [i, a] of input.agreements.entries()) {
    let aid = a.id ?? `${id}-${a.kind}-${a.signed ?? i + 1}`.toLowerCase();
    while (ids.has(aid)) aid = `${aid}-${i + 1}`;
    ids.add(aid);
    const s = d(a.signed);
    if (a.renewsAgreementId && !ids.has(a.renewsAgreementId)) {
      throw new ValidationError([{ path: `agreements.${i}.renewsAgreementId`, message: `no earlier agreement "${a.renewsAgreementId}" in this partnership` }]);
    }
    await db.query(`insert into agreement (id, partnership_id, kind, title, signed_on, signed_precision, place, duration_months, renews_agreement_id, document_url, axes, summary, position)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [aid, id, a.kind, a.title ?? null, s?.date ?? null, s?.precision ?? null, a.place ?? null, a.durationMonths ?? null, a.renewsAgreementId ?? null,
        a.documentUrl ?? null, a.axes, a.summary ?? null, i]);
  }
  await insertLinks(db, 'partnership', id, input.links);
}

function values(input: PartnershipInput) {
  const s = d(input.started), e = d(input.ended);
  return [input.title, input.kind, input.status, input.summary ?? null, s?.date ?? null, s?.precision ?? null, e?.date ?? null, e?.precision ?? null, input.themes];
}

export async function createPartnership(db: Db, input: PartnershipInput, ctx: WriteContext) {
  const id = await writeRecord(db, ctx, { kind: 'partnership', action: 'create', input, get: getPartnership }, async (tx) => {
    const id = await freeId(tx, 'partnership', input.id, input.title);
    await assertIdFree(tx, 'partnership', id);
    await checkRefs(tx, input);
    await tx.query(`insert into partnership (id, title, kind, status, summary, started_on, started_precision, ended_on, ended_precision, themes)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [id, ...values(input)]);
    await writeChildren(tx, id, input);
    await reindex(tx, 'partnership', [id]);
    return id;
  });
  return getPartnership(db, id);
}

export async function updatePartnership(db: Db, id: string, input: PartnershipInput & { version: number }, ctx: WriteContext, action: 'update' | 'restore' = 'update') {
  await writeRecord(db, ctx, { kind: 'partnership', action, id, input, get: getPartnership }, async (tx) => {
    await bumpVersion(tx, 'partnership', 'partnership', id, input.version);
    await checkRefs(tx, input);
    await tx.query(`update partnership set title = $2, kind = $3, status = $4, summary = $5, started_on = $6, started_precision = $7,
      ended_on = $8, ended_precision = $9, themes = $10 where id = $1`, [id, ...values(input)]);
    await writeChildren(tx, id, input);
    await reindex(tx, 'partnership', [id]);
    const related = await tx.query<{ id: string }>('select id from project where partnership_id = $1', [id]);
    await reindex(tx, 'project', related.map((r) => r.id));
    return id;
  });
  return getPartnership(db, id);
}

export async function deletePartnership(db: Db, id: string, ctx: WriteContext) {
  await writeRecord(db, ctx, { kind: 'partnership', action: 'delete', id, get: getPartnership }, async (tx) => {
    await deleteRow(tx, 'partnership', 'partnership', id);
    await tx.query(`delete from link where owner_kind = 'partnership' and owner_id = $1`, [id]);
    await tx.query(`delete from search_doc where kind = 'partnership' and id = $1`, [id]);
    return id;
  });
}
