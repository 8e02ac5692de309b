/** Missions (delegations): a visit in one direction, with dates, organisations, purpose and outcomes. */
import { formatPartialDate, parsePartialDate, type MissionInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { WriteContext } from '../../lib/actor.js';
import { writeRecord } from '../history/write.js';
import { NotFoundError } from '../../lib/errors.js';
import { offsetOf, pageOf } from '../../lib/pagination.js';
import { assertExist, assertIdFree, bumpVersion, deleteRow, freeId } from '../../lib/records.js';
import { reindex } from '../search/search.index.js';

const d = (v: string | null | undefined) => (v ? parsePartialDate(v) : null);

export function presentMissionRow(r: any) {
  return {
    id: r.id, partnershipId: r.partnership_id, title: r.title, direction: r.direction,
    from: formatPartialDate(r.from_on, r.from_precision), to: formatPartialDate(r.to_on, r.to_precision),
    placeId: r.place_territory_id, purpose: r.purpose, outcomes: r.outcomes, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export async function listMissions(db: Db, opts: { page: number; perPage: number; partnershipId?: string }) {
  const params: unknown[] = []; let w = '';
  if (opts.partnershipId) { params.push(opts.partnershipId); w = 'where partnership_id = $1'; }
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from mission ${w}`, params);
  const rows = await db.query(`select * from mission ${w} order by from_on desc nulls last, id limit ${opts.perPage} offset ${offsetOf(opts.page, opts.perPage)}`, params);
  return pageOf(rows.map(presentMissionRow), n, opts.page, opts.perPage);
}

export async function getMission(db: Db, id: string) {
  const [row] = await db.query('select * from mission where id = $1', [id]);
  if (!row) throw new NotFoundError('mission', id);
  const orgs = await db.query('select o.id, o.name, o.kind from mission_participant mp join organisation o on o.id = mp.organisation_id where mp.mission_id = $1 order by o.name', [id]);
  const [place] = row.place_territory_id ? await db.query('select id, name, names, kind, country from territory where id = $1', [row.place_territory_id]) : [];
  const [partnership] = row.partnership_id ? await db.query('select id, title from partnership where id = $1', [row.partnership_id]) : [];
  return { ...presentMissionRow(row), place: place ?? null, partnership: partnership ?? null, organisations: orgs };
}

async function checkRefs(db: Db, input: MissionInput) {
  await assertExist(db, 'partnership', [{ path: 'partnershipId', id: input.partnershipId }]);
  await assertExist(db, 'territory', [{ path: 'placeId', id: input.placeId }]);
  await assertExist(db, 'organisation', input.organisations.map((o, i) => ({ path: `organisations.${i}`, id: o })));
}

async function writeChildren(db: Db, id: string, input: MissionInput) {
  await db.query('delete from mission_participant where mission_id = $1', [id]);
  for (const o of new Set(input.organisations)) await db.query('insert into mission_participant (mission_id, organisation_id) values ($1, $2)', [id, o]);
}

function values(input: MissionInput) {
  const f = d(input.from), t = d(input.to);
  return [input.partnershipId ?? null, input.title, input.direction, f?.date ?? null, f?.precision ?? null, t?.date ?? null, t?.precision ?? null,
    input.placeId ?? null, input.purpose ?? null, input.outcomes ?? null];
}

export async function createMission(db: Db, input: MissionInput, ctx: WriteContext) {
  const id = await writeRecord(db, ctx, { kind: 'mission', action: 'create', input, get: getMission }, async (tx) => {
    const id = await freeId(tx, 'mission', input.id, input.title);
    await assertIdFree(tx, 'mission', id);
    await checkRefs(tx, input);
    await tx.query(`insert into mission (id, partnership_id, title, direction, from_on, from_precision, to_on, to_precision, place_territory_id, purpose, outcomes)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [id, ...values(input)]);
    await writeChildren(tx, id, input);
    await reindex(tx, 'mission', [id]);
    return id;
  });
  return getMission(db, id);
}

export async function updateMission(db: Db, id: string, input: MissionInput & { version: number }, ctx: WriteContext, action: 'update' | 'restore' = 'update') {
  await writeRecord(db, ctx, { kind: 'mission', action, id, input, get: getMission }, async (tx) => {
    await bumpVersion(tx, 'mission', 'mission', id, input.version);
    await checkRefs(tx, input);
    await tx.query(`update mission set partnership_id = $2, title = $3, direction = $4, from_on = $5, from_precision = $6, to_on = $7, to_precision = $8,
      place_territory_id = $9, purpose = $10, outcomes = $11 where id = $1`, [id, ...values(input)]);
    await writeChildren(tx, id, input);
    await reindex(tx, 'mission', [id]);
    return id;
  });
  return getMission(db, id);
}

export async function deleteMission(db: Db, id: string, ctx: WriteContext) {
  await writeRecord(db, ctx, { kind: 'mission', action: 'delete', id, get: getMission }, async (tx) => {
    await deleteRow(tx, 'mission', 'mission', id);
    await tx.query(`delete from search_doc where kind = 'mission' and id = $1`, [id]);
    return id;
  });
}
