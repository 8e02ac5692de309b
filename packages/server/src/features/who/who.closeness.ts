/**
 * How close a place or a theme is to the one asked about (who-else, issue 15). Territories: the same one
 * (100), the same across a reform of territory_change in either direction (90: Hải Dương merged into Hải Phòng
 * in 2025), a child at any depth (70), an ancestor (40: counts less), the same country (20). Themes (dotted
 * ids): the same (100), a sub-theme (70), a parent theme (40).
 */
import type { Db } from '../../db/client.js';
import { ValidationError } from '../../lib/errors.js';

export type PlaceCode = 'same' | 'reform' | 'child' | 'parent' | 'country';
export const PLACE_WEIGHT: Record<PlaceCode, number> = { same: 100, reform: 90, child: 70, parent: 40, country: 20 };
export type ThemeCode = 'same' | 'sub' | 'parent';
export const THEME_WEIGHT: Record<ThemeCode, number> = { same: 100, sub: 70, parent: 40 };

export interface PlaceMatch { code: PlaceCode; weight: number; place: string; placeId: string; other?: string; year?: number; direction?: 'became' | 'absorbed' | 'merged' }
export interface Places { id: string; name: string; country: string | null; isCountry: boolean; near: Map<string, Omit<PlaceMatch, 'place' | 'placeId'>> }

interface Row { id: string; name: string; parent_id: string | null; country: string | null; kind: string }

export async function placesNear(db: Db, id: string): Promise<Places> {
  const [t] = await db.query<Row>('select id, name, parent_id, country, kind from territory where id = $1', [id]);
  if (!t) throw new ValidationError([{ path: 'territory', message: `no territory with id "${id}"` }]);
  const near = new Map<string, Omit<PlaceMatch, 'place' | 'placeId'>>();
  near.set(t.id, { code: 'same', weight: PLACE_WEIGHT.same });
  // across a reform, both ways; territories merged into the same one as this one count too
  const changes = await db.query<{ from_id: string; to_id: string; year: number; from_name: string; to_name: string }>(
    `with direct as (select * from territory_change where from_id = $1 or to_id = $1),
          siblings as (select c.* from territory_change c join direct d on c.to_id = d.to_id and d.from_id = $1 and c.from_id <> $1
                      join territory s on s.id = c.from_id and s.parent_id is distinct from $1)
     select x.from_id, x.to_id, extract(year from x.on_date)::int as year, f.name as from_name, t.name as to_name
       from (select * from direct union select * from siblings) x join territory f on f.id = x.from_id join territory t on t.id = x.to_id`, [t.id]);
  const reformIds = [t.id];
  for (const c of changes) {
    if (c.to_id === t.id && !near.has(c.from_id)) near.set(c.from_id, { code: 'reform', weight: PLACE_WEIGHT.reform, other: c.to_name, year: c.year, direction: 'became' });
    else if (c.from_id === t.id && !near.has(c.to_id)) near.set(c.to_id, { code: 'reform', weight: PLACE_WEIGHT.reform, other: c.from_name, year: c.year, direction: 'absorbed' });
    else if (c.from_id !== t.id && !near.has(c.from_id)) near.set(c.from_id, { code: 'reform', weight: PLACE_WEIGHT.reform, other: c.to_name, year: c.year, direction: 'merged' });
    reformIds.push(c.from_id, c.to_id);
  }
  if (t.kind !== 'country') {
    const down = await db.query<{ id: string }>(
      `with recursive d(id, depth) as (select id, 1 from territory where parent_id = any($1::text[])
         union all select t.id, d.depth + 1 from territory t join d on t.parent_id = d.id where d.depth < 6)
       select distinct id from d limit 20000`, [[...new Set(reformIds)]]);
    for (const r of down) if (!near.has(r.id)) near.set(r.id, { code: 'child', weight: PLACE_WEIGHT.child });
  }
  const up = await db.query<{ id: string }>(
    `with recursive u(id, parent_id, depth) as (select id, parent_id, 0 from territory where id = $1
       union all select t.id, t.parent_id, u.depth + 1 from territory t join u on t.id = u.parent_id where u.depth < 8)
     select id from u where depth > 0`, [t.id]);
  for (const r of up) if (!near.has(r.id)) near.set(r.id, { code: 'parent', weight: PLACE_WEIGHT.parent });
  return { id: t.id, name: t.name, country: t.country, isCountry: t.kind === 'country', near };
}

/** The closeness of a place, or null: same country counts when the territory asked about is not a country itself. */
export function placeMatch(p: Places, placeId: string, placeName: string, placeCountry: string | null): PlaceMatch | null {
  const n = p.near.get(placeId);
  if (n) return { ...n, place: placeName, placeId };
  // a country's territories are its children (not walked one by one: tens of thousands of communes)
  if (p.country && placeCountry === p.country) return p.isCountry ? { code: 'child', weight: PLACE_WEIGHT.child, place: placeName, placeId } : { code: 'country', weight: PLACE_WEIGHT.country, place: placeName, placeId };
  return null;
}

export interface ThemeRef { id: string; labels: Record<string, string> }

export async function themeOf(db: Db, id: string): Promise<ThemeRef> {
  const [t] = await db.query<{ id: string; labels: Record<string, string> }>('select id, labels from theme where id = $1', [id]);
  if (!t) throw new ValidationError([{ path: 'theme', message: `no theme with id "${id}"` }]);
  return t;
}

/** The closest of a record's themes to `theme`, or null. */
export function themeMatch(theme: string, themes: string[]): { code: ThemeCode; weight: number; themeId: string } | null {
  let best: { code: ThemeCode; weight: number; themeId: string } | null = null;
  for (const x of themes) {
    const code: ThemeCode | null = x === theme ? 'same' : x.startsWith(`${theme}.`) ? 'sub' : theme.startsWith(`${x}.`) ? 'parent' : null;
    if (code && (!best || THEME_WEIGHT[code] > best.weight)) best = { code, weight: THEME_WEIGHT[code], themeId: x };
  }
  return best;
}
