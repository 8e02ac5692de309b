/** The territories a partnership's sheet presents: the partner's country and region (with their figures), and the French side's. */
import type { Db } from '../../../../server/src/db/client.js';
import { PROFILE, type IndicatorRow } from './indicators.js';

export interface Place {
  id: string; kind: string; name: string; names: Record<string, string> | null; country: string | null;
  lat: number | null; lon: number | null;
}
export interface ProfilePlace extends Place { indicators: IndicatorRow[] }
export interface PartnerPlaces {
  /** Each partner country, followed by the partner's territories in it (seed 000: "le pays", then "la région de coopération"). */
  partners: ProfilePlace[];
  french: Place[];
  /** The countries of both sides, for naming them. */
  countries: Place[];
  /** For each of these territories, the territories that stand for it on a map: itself, its ancestors, its parts, its predecessors. */
  related: Map<string, string[]>;
}

const MAX_PARTNERS = 6;
const uniq = <T,>(xs: T[]) => [...new Set(xs)];

async function places(db: Db, ids: string[]): Promise<Place[]> {
  if (!ids.length) return [];
  const rows = await db.query<Place>('select id, kind, name, names, country, lat, lon from territory where id = any($1::text[])', [ids]);
  const byId = new Map(rows.map((r) => [r.id, { ...r, lat: r.lat == null ? null : Number(r.lat), lon: r.lon == null ? null : Number(r.lon) }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Self, ancestors (a commune stands on the map as its département), parts (a région as its départements), predecessors (a 2025 province as the ones merged into it). */
async function relatedIds(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await db.query<{ target: string; id: string }>(
    `with recursive up(target, id, parent_id, depth) as (
       select id, id, parent_id, 0 from territory where id = any($1::text[])
       union all select up.target, t.id, t.parent_id, up.depth + 1 from territory t join up on t.id = up.parent_id where up.depth < 8)
     select target, id from up
     union all select parent_id, id from territory where parent_id = any($1::text[]) and kind not in ('commune', 'epci')
     union all select to_id, from_id from territory_change where to_id = any($1::text[])`, [ids]);
  for (const r of rows) out.get(r.target)?.push(r.id);
  return out;
}

export async function partnerPlaces(db: Db, p: { parties: any[] }): Promise<PartnerPlaces | null> {
  const foreign = p.parties.filter((x) => x.side === 'foreign');
  const regionIds = uniq(foreign.map((x) => x.territory?.id as string | undefined).filter((x): x is string => !!x));
  const regions = await places(db, regionIds);
  const countryIds = uniq([...regions.map((r) => (r.kind === 'country' ? r.id : r.country)), ...foreign.map((x) => x.country)].filter((x): x is string => !!x));
  const countries = (await places(db, countryIds)).filter((c) => c.kind === 'country');
  const ordered = countries.flatMap((c) => [c, ...regions.filter((r) => r.kind !== 'country' && r.country === c.id)]).slice(0, MAX_PARTNERS);
  if (!ordered.length) return null;
  const french = await places(db, uniq(p.parties.filter((x) => x.side === 'fr').map((x) => x.territory?.id).filter((x): x is string => !!x)));
  const frenchCountries = await places(db, uniq(french.map((t) => t.country).filter((x): x is string => !!x && !countryIds.includes(x))));
  const rows = await db.query<IndicatorRow & { territory_id: string; source_document_id: string | null; document_title: string | null }>(
    `select i.territory_id, i.indicator, i.year, i.value, i.unit, i.source, i.source_document_id, d.title as document_title
       from indicator_value i left join source_document d on d.id = i.source_document_id
      where i.territory_id = any($1::text[]) and i.indicator = any($2::text[]) order by i.year`, [ordered.map((t) => t.id), PROFILE]);
  const partners = ordered.map((t) => ({
    ...t,
    indicators: rows.filter((r) => r.territory_id === t.id).map((r) => ({ indicator: r.indicator, year: r.year, value: Number(r.value), unit: r.unit, source: r.source,
      documentId: r.source_document_id, documentTitle: r.document_title })),
  }));
  return { partners, french, countries: [...countries, ...frenchCountries], related: await relatedIds(db, [...partners.map((t) => t.id), ...french.map((t) => t.id)]) };
}
