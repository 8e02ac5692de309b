/** The map on a territory's sheet: its country with provinces/départements shaded by partnerships (zoomed view of the atlas). */
import type { Db } from '../../../../server/src/db/client.js';
import { localName, type I18n } from '../../i18n/index.js';
import { countryShape, frenchDepartements, vietnamProvinces, type Shape } from '../../map/geo.js';
import type { MapArea } from '../../map/render.js';
import { MapBox } from '../../map/box.js';
import { coordinatesOf } from '../home/home.queries.js';
import { partnershipCounts } from './sheets.queries.js';

async function subdivisions(country: string): Promise<Shape[] | null> {
  if (country === 'VN') return vietnamProvinces();
  if (country === 'FR') return frenchDepartements();
  return null;
}

export async function territoryMap(db: Db, i: I18n, t: any) {
  const country: string | null = t.kind === 'country' ? t.id : t.country;
  if (!country) return null;
  const subs = await subdivisions(country);
  const outline = countryShape(country);
  const shapes = subs ?? (outline ? [outline] : []);
  if (!shapes.length) return null;
  const counts = await partnershipCounts(db, shapes.map((s) => s.properties.id));
  const names = new Map((await db.query<{ id: string; name: string; names: Record<string, string> }>('select id, name, names from territory where id = any($1::text[])', [shapes.map((s) => s.properties.id)]))
    .map((r) => [r.id, localName(r, i.lang)]));
  const areas = new Map<string, MapArea>();
  for (const s of shapes) {
    const id = s.properties.id;
    const name = names.get(id) ?? s.properties.name;
    const n = counts.get(id) ?? 0;
    areas.set(id, { id, name, count: n, href: names.has(id) ? i.path(`/territories/${id}`) : undefined, label: n ? `${name} : ${i.plural('figures.partnerships', n)}` : name });
  }
  const here = t.kind !== 'country' ? (await coordinatesOf(db, [t.id])).get(t.id) : undefined;
  return (
    <MapBox i={i} measure="subdivisions" id="territory-map" projection="local" current={t.id} width={560} height={560} shapes={shapes} areas={areas}
      title={`${i.t('sheet.map')} — ${localName(t, i.lang)}`} desc={i.t('map.territory.desc')}
      points={here ? [{ at: here, title: localName(t, i.lang), href: i.path(`/territories/${t.id}`) }] : []} />
  );
}
