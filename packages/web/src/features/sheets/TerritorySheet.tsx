import type { Child } from 'hono/jsx';
import { textLang, type I18n } from '../../i18n/index.js';
import { localName, ownLanguage } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, LinkList, Section, SheetHeader, Timeline } from '../../components/Sheet.js';
import { Sparkline } from '../../components/Charts.js';
import { Downloads } from '../../components/Downloads.js';

export const PRESENTATION = ['population', 'area_km2', 'life_expectancy', 'literacy_rate', 'unemployment_rate', 'hdi', 'gni_per_capita'];

function fmtIndicator(i: I18n, indicator: string, value: number, unit: string | null) {
  if (indicator === 'population') return `${i.num(Math.round(value))} ${i.t('unit.people')}`;
  if (indicator === 'area_km2') return `${i.num(value)} km²`;
  if (indicator === 'hdi') return i.num(value, 3);
  if (unit === '%') return `${i.num(value, 1)} %`;
  if (unit === 'years') return `${i.num(value, 1)} ${i.t('unit.years')}`;
  if (unit === 'PPP 2017 $') return `${i.num(value, 0)} ${i.t('unit.ppp2017')}`;
  return `${i.num(value, 2)}${unit ? ` ${unit}` : ''}`;
}

type IndicatorRow = { indicator: string; year: number; value: number; unit: string | null; source: string; documentId?: string | null };

/**
 * Latest value of each indicator, with its year and source; and the longest series for the small chart.
 * A country's figures come from the reference datasets (UNDP, World Bank) only: a partner's document that
 * quotes country figures without their source is not their source. A province's come from the documents too.
 */
export function presentation(all: IndicatorRow[], kind?: string) {
  const indicators = kind === 'country' ? all.filter((r) => !r.documentId) : all;
  const out: Array<{ indicator: string; latest: typeof indicators[number]; series: Array<{ year: number; value: number }> }> = [];
  for (const name of PRESENTATION) {
    const rows = indicators.filter((r) => r.indicator === name);
    if (!rows.length) continue;
    const latest = rows.reduce((a, b) => (b.year > a.year ? b : a));
    const bySource = new Map<string, typeof rows>();
    for (const r of rows) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
    const longest = [...bySource.values()].sort((a, b) => b.length - a.length)[0];
    out.push({ indicator: name, latest, series: longest.map((r) => ({ year: r.year, value: Number(r.value) })) });
  }
  return out;
}

export function TerritoryBody(props: { i: I18n; t: any; partnerships: any[]; subdivisions: any[]; map?: any }) {
  const { i, t } = props;
  const pres = presentation(t.indicators, t.kind);
  return (
    <>
      {props.map && <figure class="sheet-map">{props.map}</figure>}
      <Section id="presentation" title={i.t('sheet.presentation')} when={pres.length > 0}>
        <table class="data indicators">
          <caption class="visually-hidden">{i.t('sheet.indicators')}</caption>
          <thead><tr><th scope="col">{i.t('sheet.indicators')}</th><th scope="col" class="num">{i.t('sheet.value')}</th><th scope="col">{i.t('sheet.year')}</th><th scope="col">{i.t('sheet.source')}</th><th scope="col"><span class="visually-hidden">{i.t('sheet.timeline')}</span></th></tr></thead>
          <tbody>
            {pres.map((p) => (
              <tr>
                <th scope="row">{i.t(`indicator.${p.indicator}` as any)}</th>
                <td class="num">{fmtIndicator(i, p.indicator, Number(p.latest.value), p.latest.unit)}</td>
                <td>{p.latest.year}</td>
                <td class="source">{p.latest.source}</td>
                <td><Sparkline label={i.t(`indicator.${p.indicator}` as any)} points={p.series} format={(v) => fmtIndicator(i, p.indicator, v, p.latest.unit)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section id="history" title={i.t('sheet.history')} when={t.history.length > 0}>
        <ul class="history">
          {t.history.map((h: any) => {
            const outgoing = h.from.id === t.id;
            const other = outgoing ? h.to : h.from;
            const key = (outgoing ? `history.${h.kind}` : `history.from.${h.kind}`) as any;
            const [before, after] = i.t(key, { name: '\u0000', date: i.date(h.on) }).split('\u0000');
            return <li>{before}<a href={i.path(`/territories/${other.id}`)}>{other.name}</a>{after}</li>;
          })}
        </ul>
      </Section>
      <Section id="partnerships" title={i.t('sheet.partnerships')} when={props.partnerships.length > 0}>
        <LinkList textLang={textLang(i)} items={props.partnerships.map((p) => ({ href: i.path(`/partnerships/${p.id}`), text: p.title }))} />
      </Section>
      <Timeline i={i} items={[
        ...(t.validFrom ? [{ date: t.validFrom, label: i.l('status', 'current') }] : []),
        ...t.history.map((h: any) => ({ date: h.on, label: <a href={i.path(`/territories/${h.from.id === t.id ? h.to.id : h.from.id}`)}>{h.from.name} → {h.to.name}</a> })),
        ...props.partnerships.filter((p) => p.started).map((p) => ({ date: p.started, label: <a href={i.path(`/partnerships/${p.id}`)}>{p.title}</a> })),
      ]} />
      <Section id="subdivisions" title={i.t('sheet.subdivisions')} when={props.subdivisions.length > 0}>
        <ul class="columns">
          {sortedSubdivisions(props.subdivisions, i).map((c) => <li><a href={i.path(`/territories/${c.id}`)}>{localName(c, i.lang)}</a>{c.valid_to && <span class="muted"> ({i.l('status', 'historical')})</span>}</li>)}
        </ul>
      </Section>
    </>
  );
}

/** Current units first, then former ones; each group alphabetically by the name shown, in the page's collation. */
export function sortedSubdivisions<T extends { name: string; names?: Record<string, string> | null; valid_to?: string | null }>(list: T[], i: I18n): T[] {
  const collator = new Intl.Collator(i.lang);
  return list.map((c) => ({ c, name: localName(c, i.lang) }))
    .sort((a, b) => Number(!!a.c.valid_to) - Number(!!b.c.valid_to) || collator.compare(a.name, b.name))
    .map((x) => x.c);
}

/** Another name only where it is the territory's name in its own language (Việt Nam on the French page). */
function OwnName(props: { i: I18n; t: any; shown: string }) {
  const own = ownLanguage(props.t);
  const name = own && own !== props.i.lang ? props.t.names?.[own] : null;
  return name && name !== props.shown ? <><span lang={own!}>{name}</span> · </> : null;
}

export function TerritorySheet(props: { after?: Child; i: I18n; t: any; partnerships: any[]; subdivisions: any[]; map?: any }) {
  const { i, t } = props;
  const name = localName(t, i.lang);
  const path = `/territories/${t.id}`;
  const parent = t.ancestors[0];
  const jsonLd = { '@context': 'https://schema.org', '@type': t.kind === 'country' ? 'Country' : 'AdministrativeArea', name, alternateName: [t.name, ...t.aliases].filter((x: string) => x !== name),
    containedInPlace: parent ? { '@type': 'AdministrativeArea', name: localName(parent, i.lang) } : undefined,
    geo: t.lat != null ? { '@type': 'GeoCoordinates', latitude: t.lat, longitude: t.lon } : undefined };
  return (
    <Layout i={i} meta={{ title: name, path, jsonLd, scripts: props.map ? ['map'] : ['sheet'] }}>
      <article class="sheet">
        <SheetHeader i={i} kind="territory" title={name} titleLang={t.names?.[i.lang] === name ? i.lang : (ownLanguage(t) ?? undefined)} embedPath={path}
          subtitle={<><OwnName i={i} t={t} shown={name} />{i.l('territoryKind', t.kind)}{parent && <> · {i.t('sheet.partof', { name: '' })}<a href={i.path(`/territories/${parent.id}`)}>{localName(parent, i.lang)}</a></>}
            {t.validTo && <> · {i.l('status', 'historical')}</>}</>} />
        <Facts items={Object.entries(t.codes ?? {}).map(([k, v]) => [i.l('code', k), Array.isArray(v) ? v.join(', ') : String(v)] as [string, string])} />
        <TerritoryBody {...props} />
        {props.after}
        <Downloads i={i} kind="territories" id={t.id} />
      </article>
    </Layout>
  );
}
