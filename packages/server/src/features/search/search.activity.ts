/**
 * Which territories say something. A territory no record is placed at (itself, a unit below it, or one its history
 * links it to: the territory facet of every other kind's document) is reference data, and ranks below the records
 * that say something ("eau" lists water projects before Eaubonne). Kept in step with the records' documents: a
 * document written activates its territories (`activate`), one rewritten or removed re-checks those it left (`recheck`).
 */
import type { Db } from '../../db/client.js';

const TERRITORY_WEIGHT: Record<string, number> = { country: 1.6, region: 1.3, province: 1.3, oblast: 1.3, departement: 1.2, city: 1.2, commune: 0.7, epci: 0.6 };
/** The weight of a territory without activity, relative to its kind's. */
export const INACTIVE = 0.2;

export const territoryWeight = (kind: string, active: boolean) => (TERRITORY_WEIGHT[kind] ?? 1) * (active ? 1 : INACTIVE);

/** The same weight in SQL, for a territory row `t`, `active` a boolean expression. */
const weightSql = (active: string) =>
  `(case t.kind ${Object.entries(TERRITORY_WEIGHT).map(([k, w]) => `when '${k}' then ${w}` as string).join(' ')} else 1 end) * (case when ${active} then 1 else ${INACTIVE} end)`;

/** Whether some other record's document is placed at the territory whose id is the SQL expression `id` (one GIN lookup of its `~t:` lexeme). */
const placedAt = (id: string) =>
  `exists (select 1 from search_doc x where x.tsv @@ ('''' || replace(replace('~t:' || ${id}, E'\\\\', E'\\\\\\\\'), '''', '''''') || '''')::tsquery and x.kind <> 'territory')`;

/** The territories (of ids, or all) some record is placed at. */
export async function activeTerritories(db: Db, ids: string[] | null): Promise<Set<string>> {
  const rows = ids === null
    ? await db.query<{ id: string }>(`select distinct t as id from search_doc, unnest(territories) t where kind <> 'territory'`)
    : await db.query<{ id: string }>(`select id from unnest($1::text[]) id where ${placedAt('id')}`, [ids]);
  return new Set(rows.map((r) => r.id));
}

const update = (active: string) => `update search_doc d set weight = w from (select t.id, ${weightSql(active)} as w from territory t where t.id = any($1::text[])) t
  where d.kind = 'territory' and d.id = t.id and d.weight <> t.w`;

/** Records were just written at these territories: they say something now. */
export async function activate(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.query(update('true'), [ids]);
}

/** Records left these territories: each keeps its weight only while another record is placed at it. */
export async function recheck(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.query(update(placedAt('t.id')), [ids]);
}
