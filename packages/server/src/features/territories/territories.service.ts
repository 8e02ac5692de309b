/** Territories: countries and their subdivisions, with history and indicators. */
import type { TerritoryInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { WriteContext } from '../../lib/actor.js';
import { writeRecord } from '../history/write.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { offsetOf, pageOf } from '../../lib/pagination.js';
import { assertExist, assertIdFree, bumpVersion, deleteRow, freeId } from '../../lib/records.js';
import { reindex } from '../search/search.index.js';

const COLS = 'id, kind, parent_id, country, name, names, aliases, codes, valid_from, valid_to, lat, lon, version, created_at, updated_at';

export function presentTerritory(r: any) {
  return {
    id: r.id, kind: r.kind, name: r.name, names: r.names, aliases: r.aliases, codes: r.codes,
    parentId: r.parent_id, country: r.country, validFrom: r.valid_from, validTo: r.valid_to,
    lat: r.lat, lon: r.lon, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export async function listTerritories(db: Db, opts: { page: number; perPage: number; kind?: string; country?: string; parentId?: string }) {
  const where: string[] = []; const params: unknown[] = [];
  if (opts.kind) { params.push(opts.kind); where.push(`kind = $${params.length}`); }
  if (opts.country) { params.push(opts.country); where.push(`country = $${params.length}`); }
  if (opts.parentId) { params.push(opts.parentId); where.push(`parent_id = $${params.length}`); }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from territory ${w}`, params);
  const rows = await db.query(`select ${COLS} from territory ${w} order by name, id limit ${opts.perPage} offset ${offsetOf(opts.page, opts.perPage)}`, params);
  return pageOf(rows.map(presentTerritory), n, opts.page, opts.perPage);
}

export async function getTerritory(db: Db, id: string) {
  const [row] = await db.query(`select ${COLS} from territory where id = $1`, [id]);
  if (!row) throw new NotFoundError('territory', id);
  const history = await db.query(
    `select c.kind, c.on_date, c.note, c.from_id, f.name as from_name, f.names as from_names, f.country as from_country,
            c.to_id, t.name as to_name, t.names as to_names, t.country as to_country
       from territory_change c join territory f on f.id = c.from_id join territory t on t.id = c.to_id
      where c.from_id = $1 or c.to_id = $1 order by c.on_date, c.id`, [id]);
  const indicators = await db.query(
    `select i.indicator, i.year, i.value, i.unit, i.source, i.source_document_id, d.title as document_title
       from indicator_value i left join source_document d on d.id = i.source_document_id
      where i.territory_id = $1 order by i.indicator, i.year, i.source`, [id]);
  const parents = await db.query(
    `with recursive up(id, parent_id, name, names, kind, depth) as (
       select id, parent_id, name, names, kind, 0 from territory where id = $1
       union all select t.id, t.parent_id, t.name, t.names, t.kind, up.depth + 1 from territory t join up on t.id = up.parent_id where up.depth < 8)
     select id, name, names, kind from up where depth > 0 order by depth`, [id]);
  return {
    ...presentTerritory(row),
    ancestors: parents,
    history: history.map((h) => ({ kind: h.kind, on: h.on_date, note: h.note,
      from: { id: h.from_id, name: h.from_name, names: h.from_names, country: h.from_country },
      to: { id: h.to_id, name: h.to_name, names: h.to_names, country: h.to_country } })),
    indicators: indicators.map((i) => ({ indicator: i.indicator, year: i.year, value: i.value, unit: i.unit, source: i.source,
      documentId: i.source_document_id ?? null, documentTitle: i.document_title ?? null })),
  };
}

async function checkRefs(db: Db, input: TerritoryInput) {
  await assertExist(db, 'territory', [{ path: 'parentId', id: input.parentId }]);
}

function values(input: TerritoryInput) {
  return [input.kind, input.parentId ?? null, input.country ?? null, input.name, JSON.stringify(input.names), input.aliases,
    JSON.stringify(input.codes), input.validFrom ?? null, input.validTo ?? null, input.lat ?? null, input.lon ?? null];
}

export async function createTerritory(db: Db, input: TerritoryInput, ctx: WriteContext) {
  const id = await writeRecord(db, ctx, { kind: 'territory', action: 'create', input, get: getTerritory }, async (tx) => {
    const id = await freeId(tx, 'territory', input.id, input.name);
    await assertIdFree(tx, 'territory', id);
    await checkRefs(tx, input);
    await tx.query(`insert into territory (id, kind, parent_id, country, name, names, aliases, codes, valid_from, valid_to, lat, lon)
      values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10, $11, $12)`, [id, ...values(input)]);
    await reindex(tx, 'territory', [id]);
    return id;
  });
  return getTerritory(db, id);
}

export async function updateTerritory(db: Db, id: string, input: TerritoryInput & { version: number }, ctx: WriteContext, action: 'update' | 'restore' = 'update') {
  await writeRecord(db, ctx, { kind: 'territory', action, id, input, get: getTerritory }, async (tx) => {
    await bumpVersion(tx, 'territory', 'territory', id, input.version);
    await checkRefs(tx, input);
    if (input.parentId === id) throw new ValidationError([{ path: 'parentId', message: 'a territory cannot be its own parent' }]);
    await tx.query(`update territory set kind = $2, parent_id = $3, country = $4, name = $5, names = $6::jsonb, aliases = $7, codes = $8::jsonb,
      valid_from = $9, valid_to = $10, lat = $11, lon = $12 where id = $1`, [id, ...values(input)]);
    await reindex(tx, 'territory', [id]);
    return id;
  });
  return getTerritory(db, id);
}

export async function deleteTerritory(db: Db, id: string, ctx: WriteContext) {
  await writeRecord(db, ctx, { kind: 'territory', action: 'delete', id, get: getTerritory }, async (tx) => {
    await deleteRow(tx, 'territory', 'territory', id);
    await tx.query(`delete from search_doc where kind = 'territory' and id = $1`, [id]);
    return id;
  });
}
