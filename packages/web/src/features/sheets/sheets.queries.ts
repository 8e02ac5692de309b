/** Extra reads the sheets need beyond the record services. */
import { formatPartialDate } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';

/** Partnerships found at a territory: its own, its subdivisions', and through its history (the search facet). */
export async function partnershipsAt(db: Db, territoryId: string) {
  const rows = await db.query<{ id: string; title: string; subtitle: string | null; started: string | null; precision: string | null }>(
    `select d.id, d.title, d.subtitle, coalesce(p.started_on, (select min(a.signed_on) from agreement a where a.partnership_id = p.id)) as started,
            coalesce(p.started_precision, (select a.signed_precision from agreement a where a.partnership_id = p.id order by a.signed_on limit 1)) as precision
       from search_doc d join partnership p on p.id = d.id where d.kind = 'partnership' and $1 = any(d.territories) order by d.title limit 500`, [territoryId]);
  return rows.map((r) => ({ ...r, started: formatPartialDate(r.started, r.precision) }));
}

export async function childrenOf(db: Db, territoryId: string) {
  return db.query<{ id: string; name: string; names: Record<string, string>; kind: string; valid_to: string | null }>(
    `select id, name, names, kind, valid_to from territory where parent_id = $1 and kind not in ('commune', 'epci') order by valid_to nulls first, name limit 300`, [territoryId]);
}

/** Partnership counts per territory id among the given ids (for shading subdivision maps). */
export async function partnershipCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ t: string; n: number }>(
    `select t, count(*)::int as n from search_doc, unnest(territories) t where kind = 'partnership' and t = any($1::text[]) group by t`, [ids]);
  return new Map(rows.map((r) => [r.t, r.n]));
}
