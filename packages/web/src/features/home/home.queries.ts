/** What the atlas shows: counts by country, partnership links between territories, key figures. */
import type { Db } from '../../../../server/src/db/client.js';

/** [lon, lat] of each territory, or of its nearest ancestor that has coordinates. */
export async function coordinatesOf(db: Db, ids: string[]): Promise<Map<string, [number, number]>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ start: string; lon: number; lat: number }>(
    `with recursive up as (
        select id as start, id, parent_id, lat, lon, 0 as depth from territory where id = any($1::text[])
        union all select up.start, t.id, t.parent_id, t.lat, t.lon, up.depth + 1 from territory t join up on t.id = up.parent_id
         where up.lat is null and up.depth < 8)
     select start, lon, lat from up where lat is not null`, [ids]);
  return new Map(rows.map((r) => [r.start, [Number(r.lon), Number(r.lat)]]));
}

export interface AtlasData {
  figures: { partnerships: number; projects: number; countries: number; organisations: number };
  byCountry: Map<string, number>;
  links: Array<{ id: string; title: string; from: [number, number]; to: [number, number]; countries: string[] }>;
  countryNames: Map<string, { name: string; names: Record<string, string> }>;
}

export async function atlasData(db: Db): Promise<AtlasData> {
  const [f] = await db.query(`select (select count(*) from partnership)::int as partnerships, (select count(*) from project)::int as projects,
    (select count(*) from organisation)::int as organisations,
    (select count(distinct o.country) from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.side <> 'fr' and o.country <> 'FR')::int as countries`);
  const parties = await db.query<{ partnership_id: string; title: string; side: string; territory_id: string | null; country: string | null }>(
    `select p.id as partnership_id, p.title, pp.side, o.territory_id, o.country
       from partnership p join partnership_party pp on pp.partnership_id = p.id join organisation o on o.id = pp.organisation_id order by p.id, pp.position`);
  const byPartnership = new Map<string, typeof parties>();
  for (const r of parties) byPartnership.set(r.partnership_id, [...(byPartnership.get(r.partnership_id) ?? []), r]);
  const coords = await coordinatesOf(db, [...new Set(parties.map((p) => p.territory_id).filter((x): x is string => !!x))]);
  const byCountry = new Map<string, number>();
  const links: AtlasData['links'] = [];
  for (const [id, ps] of byPartnership) {
    const foreign = ps.filter((p) => p.side !== 'fr' && p.country && p.country !== 'FR');
    for (const c of new Set(foreign.map((p) => p.country as string))) byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
    const fr = ps.find((p) => p.side === 'fr' && p.territory_id && coords.has(p.territory_id));
    for (const p of foreign) {
      const to = p.territory_id ? coords.get(p.territory_id) : undefined;
      if (fr && to) links.push({ id, title: ps[0].title, from: coords.get(fr.territory_id!)!, to, countries: [p.country!] });
    }
  }
  const names = await db.query<{ id: string; name: string; names: Record<string, string> }>(`select id, name, names from territory where kind = 'country'`);
  return { figures: f as AtlasData['figures'], byCountry, links, countryNames: new Map(names.map((n) => [n.id, n])) };
}

export async function recentPartnerships(db: Db, limit = 6) {
  return db.query<{ id: string; title: string; kind: string; started_on: string | null; started_precision: string | null }>(
    `select p.id, p.title, p.kind, coalesce(p.started_on, (select min(a.signed_on) from agreement a where a.partnership_id = p.id)) as started_on,
            case when p.started_on is not null then p.started_precision else (select a.signed_precision from agreement a where a.partnership_id = p.id order by a.signed_on limit 1) end as started_precision
       from partnership p order by started_on desc nulls last, p.title limit $1`, [limit]);
}
