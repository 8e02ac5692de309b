/**
 * Funding calls as records: one call with its funders and instructors (organisations, in order), written by
 * platform administrators and network administrators (a system token acts as a platform administrator); versioned
 * (409 on a stale version), audited.
 */
import { slugify } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, type WriteContext } from '../../lib/actor.js';
import { ConflictError, HttpError, NotFoundError, ValidationError, badReference } from '../../lib/errors.js';
import { audit } from '../audit/audit.js';
import { CALL_COLUMNS, type CallRow } from './funding.query.js';
import type { CallInput } from './funding.input.js';

export interface CallOrg { id: string; name: string; acronyms: string[] }
export interface CallView extends CallRow { source_url: string | null; body_md: string | null; funders: CallOrg[]; instructors: CallOrg[]; area: { id: string; name: string } | null }

/** Funders and instructors of these calls, in order. */
export async function callOrgs(db: Db, ids: string[]): Promise<Map<string, { funders: CallOrg[]; instructors: CallOrg[] }>> {
  const out = new Map(ids.map((id) => [id, { funders: [] as CallOrg[], instructors: [] as CallOrg[] }]));
  if (!ids.length) return out;
  const rows = await db.query<{ call_id: string; role: string; id: string; name: string; acronyms: string[] }>(
    `select f.call_id, f.role, o.id, o.name, o.acronyms from funding_call_org f join organisation o on o.id = f.organisation_id
     where f.call_id = any($1::text[]) order by f.call_id, f.role, f.position, o.name`, [ids]);
  for (const r of rows) out.get(r.call_id)?.[r.role === 'funder' ? 'funders' : 'instructors'].push({ id: r.id, name: r.name, acronyms: r.acronyms });
  return out;
}

export async function withOrgs(db: Db, rows: CallRow[]): Promise<Array<CallRow & { funders: CallOrg[]; instructors: CallOrg[] }>> {
  const orgs = await callOrgs(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, ...orgs.get(r.id)! }));
}

export async function getCall(db: Db, id: string): Promise<CallView> {
  const [row] = await db.query<CallRow & { source_url: string | null; body_md: string | null }>(`select ${CALL_COLUMNS}, source_url, body_md from funding_call where id = $1`, [id]);
  if (!row) throw new NotFoundError('funding call', id);
  const [call] = await withOrgs(db, [row]);
  const area = row.area_territory_id ? (await db.query<{ id: string; name: string }>('select id, name from territory where id = $1', [row.area_territory_id]))[0] ?? null : null;
  return { ...call, source_url: row.source_url, body_md: row.body_md, area };
}

/** Platform administrators and network administrators write the catalogue of calls. */
export function assertCallWriter(ctx: WriteContext): void {
  if (isPlatformAdmin(ctx.actor)) return;
  if (!('system' in ctx.actor) && ctx.actor.grants.some((g) => g.role === 'network_admin')) return;
  throw new HttpError(403, 'only platform administrators and network administrators write funding calls');
}

async function checkRefs(db: Db, input: CallInput): Promise<void> {
  if (input.areaTerritoryId && !(await db.query('select 1 from territory where id = $1', [input.areaTerritoryId])).length) throw badReference('areaTerritoryId', 'territory', input.areaTerritoryId);
  for (const field of ['funders', 'instructors'] as const) {
    const ids = input[field];
    const found = new Set((await db.query<{ id: string }>('select id from organisation where id = any($1::text[])', [ids])).map((r) => r.id));
    const i = ids.findIndex((id) => !found.has(id));
    if (i >= 0) throw badReference(`${field}.${i}`, 'organisation', ids[i]);
    const dup = ids.findIndex((id, k) => ids.indexOf(id) !== k);
    if (dup >= 0) throw new ValidationError([{ path: `${field}.${dup}`, message: 'named twice' }]);
  }
}

const values = (x: CallInput) => [x.title, x.summary ?? null, x.bodyMd ?? null, x.url ?? null, x.beneficiaries, x.aidTypes, x.spending, x.stages,
  [...new Set(x.themes)], x.areaTerritoryId ?? null, [...new Set(x.partnerCountries)], x.minGroupSize ?? null, x.opensOn ?? null, x.predepositOn ?? null,
  x.closesOn ?? null, x.recurrence, x.recurrenceNote ?? null, x.rateMin ?? null, x.rateMax ?? null, x.amountMin ?? null, x.amountMax ?? null,
  x.currency, x.requiredDocuments, x.sourceUrl ?? null];
const FIELDS = `title, summary, body_md, url, beneficiaries, aid_types, spending, stages, themes, area_territory_id, partner_countries, min_group_size,
  opens_on, predeposit_on, closes_on, recurrence, recurrence_note, rate_min, rate_max, amount_min, amount_max, currency, required_documents, source_url`;

async function writeOrgs(db: Db, id: string, x: CallInput): Promise<void> {
  await db.query('delete from funding_call_org where call_id = $1', [id]);
  for (const [role, ids] of [['funder', x.funders], ['instructor', x.instructors]] as const) {
    for (const [position, org] of ids.entries()) await db.query('insert into funding_call_org (call_id, organisation_id, role, position) values ($1, $2, $3, $4)', [id, org, role, position]);
  }
}

async function freeCallId(db: Db, title: string): Promise<string> {
  const base = slugify(title, 70) || 'appel';
  const taken = new Set((await db.query<{ id: string }>('select id from funding_call where id = $1 or id like $2', [base, `${base}-%`])).map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function createCall(db: Db, ctx: WriteContext, x: CallInput): Promise<CallView> {
  assertCallWriter(ctx);
  await checkRefs(db, x);
  const id = await db.transaction(async (tx) => {
    if (x.id && (await tx.query('select 1 from funding_call where id = $1', [x.id])).length) throw new ValidationError([{ path: 'id', message: `a funding call with id "${x.id}" already exists` }]);
    const id = x.id ?? await freeCallId(tx, x.title);
    const v = values(x);
    await tx.query(`insert into funding_call (id, ${FIELDS}) values ($1, ${v.map((_, k) => `$${k + 2}`).join(', ')})`, [id, ...v]);
    await writeOrgs(tx, id, x);
    await audit(tx, { actor: ctx.actor, action: 'funding_call_created', targetKind: 'funding_call', targetId: id });
    return id;
  });
  return getCall(db, id);
}

export async function updateCall(db: Db, ctx: WriteContext, id: string, x: CallInput): Promise<CallView> {
  assertCallWriter(ctx);
  if (x.version === undefined) throw new ValidationError([{ path: 'version', message: 'send the version you read' }]);
  await checkRefs(db, x);
  await db.transaction(async (tx) => {
    const v = values(x);
    const sets = FIELDS.split(',').map((f, k) => `${f.trim()} = $${k + 3}`).join(', ');
    const rows = await tx.query(`update funding_call set ${sets}, version = version + 1, updated_at = now() where id = $1 and version = $2 returning id`, [id, x.version, ...v]);
    if (!rows.length) {
      const [cur] = await tx.query<{ version: number }>('select version from funding_call where id = $1', [id]);
      if (!cur) throw new NotFoundError('funding call', id);
      throw new ConflictError('funding call', id, cur.version, x.version!);
    }
    await writeOrgs(tx, id, x);
    await audit(tx, { actor: ctx.actor, action: 'funding_call_updated', targetKind: 'funding_call', targetId: id });
  });
  return getCall(db, id);
}

export async function deleteCall(db: Db, ctx: WriteContext, id: string): Promise<void> {
  assertCallWriter(ctx);
  await db.transaction(async (tx) => {
    const rows = await tx.query('delete from funding_call where id = $1 returning id', [id]);
    if (!rows.length) throw new NotFoundError('funding call', id);
    await tx.query(`delete from news_link where record_kind = 'funding_call' and record_id = $1`, [id]);
    await audit(tx, { actor: ctx.actor, action: 'funding_call_deleted', targetKind: 'funding_call', targetId: id });
  });
}
