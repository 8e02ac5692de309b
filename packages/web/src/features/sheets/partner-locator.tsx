/** The partnership's locator map: the French territory and the partner's, each in a panel of its country. */
import type { Child } from 'hono/jsx';
import { geoCentroid } from 'd3-geo';
import { textLang, type I18n } from '../../i18n/index.js';
import { countryShape, frenchDepartements, vietnamProvinces, worldShapes, type Shape } from '../../map/geo.js';
import { LocatorMap, type LocatorPanel } from '../../map/locator.js';
import type { PartnerPlaces, Place } from './partner-profiles.queries.js';
import { placeName } from './place.js';

async function subdivisionShapes(country: string): Promise<Shape[] | null> {
  if (country === 'FR') return frenchDepartements();
  if (country === 'VN') return vietnamProvinces();
  return null;
}

interface Group { country: Place | undefined; countryId: string; targets: Place[] }
type Shown = { name: string; lang: string | undefined };
/** What a panel shows, in words: its territories (none for a country alone) and their country, each in its own language. */
interface Named { places: Shown[]; country: Shown }

/** Where the territories sit: their country's subdivisions with theirs highlighted, else the country among its neighbours. */
async function panelOf(i: I18n, g: Group, related: Map<string, string[]>): Promise<{ panel: LocatorPanel; named: Named }> {
  const local = g.targets.filter((t) => t.kind !== 'country');
  const subs = local.length ? await subdivisionShapes(g.countryId) : null;
  const subIds = new Set((subs ?? []).map((s) => s.properties.id));
  const hitsOf = (t: Place) => (related.get(t.id) ?? [t.id]).filter((id) => subIds.has(id));
  const at = (t: Place) => (t.lat != null && t.lon != null ? [[t.lon, t.lat] as [number, number]] : []);
  const named = { places: local.map((t) => placeName(i, t)), country: g.country ? placeName(i, g.country) : { name: g.countryId, lang: undefined } };
  const lang = (x: Shown) => textLang(i, x.lang);
  // one territory: its name over its country's; several: the country's (the caption names them all)
  const label = named.places.length === 1
    ? { label: named.places[0].name, labelLang: lang(named.places[0]), sublabel: named.country.name, sublabelLang: lang(named.country) }
    : { label: named.country.name, labelLang: lang(named.country) };
  if (subs && local.every((t) => hitsOf(t).length > 0)) {
    // a territory without coordinates is marked at the middle of the shapes that stand for it
    const points = local.flatMap((t) => { const own = at(t); return own.length ? own : [geoCentroid({ type: 'FeatureCollection', features: subs.filter((s) => hitsOf(t).includes(s.properties.id)) } as any) as [number, number]]; });
    return { panel: { ...label, shapes: subs, hits: new Set(local.flatMap(hitsOf)), points }, named };
  }
  const outline = countryShape(g.countryId);
  return { panel: { ...label, shapes: worldShapes(), hits: new Set([g.countryId]), points: local.flatMap(at), frame: outline ? [outline] : undefined, zoomOut: 3 }, named };
}

/** "Seine-Saint-Denis (France) et Hải Dương (Việt Nam)", as text (the map's title) and with each name marked with its language (the caption). */
function placesText(i: I18n, all: Named[]): { text: string; nodes: Child } {
  const list = new Intl.ListFormat(i.lang, { type: 'conjunction' });
  const span = (x: Shown) => <span lang={textLang(i, x.lang)}>{x.name}</span>;
  const items = all.map((n) => (n.places.length
    ? { text: `${n.places.map((x) => x.name).join(', ')} (${n.country.name})`,
      node: <>{n.places.map((x, k) => <>{k > 0 && ', '}{span(x)}</>)} ({span(n.country)})</> }
    : { text: n.country.name, node: span(n.country) }));
  let k = 0;
  const nodes = list.formatToParts(items.map((x) => x.text)).map((part) => (part.type === 'element' ? items[k++].node : part.value));
  return { text: list.format(items.map((x) => x.text)), nodes: <>{nodes}</> };
}

export async function partnerLocator(i: I18n, places: PartnerPlaces) {
  const groups: Group[] = [];
  const add = (countryId: string | null, t: Place) => {
    if (!countryId) return;
    let g = groups.find((x) => x.countryId === countryId);
    if (!g) { g = { countryId, country: places.countries.find((c) => c.id === countryId), targets: [] }; groups.push(g); }
    g.targets.push(t);
  };
  for (const t of places.french) add(t.kind === 'country' ? t.id : t.country, t);
  for (const t of places.partners) add(t.kind === 'country' ? t.id : t.country, t);
  const drawn = await Promise.all(groups.slice(0, 3).map((g) => panelOf(i, g, places.related)));
  if (!drawn.length) return null;
  const [before, after] = i.t('locator.caption', { places: '\u0000' }).split('\u0000');
  const { text, nodes } = placesText(i, drawn.map((d) => d.named));
  const panels = drawn.map((d) => d.panel);
  return (
    <figure class="locator-figure">
      <LocatorMap id="locator" title={i.t('locator.caption', { places: text })} panels={panels} />
      <figcaption>{before}{nodes}{after}</figcaption>
    </figure>
  );
}
