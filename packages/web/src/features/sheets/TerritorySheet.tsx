import type { Child } from 'hono/jsx';
import { localName, ownLanguage, textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, LinkList, Section, SheetHeader, Timeline } from '../../components/Sheet.js';
import { IndicatorList, presentation } from './indicators.js';
import { PlaceLink, PlaceName, placeName } from './place.js';
import { Downloads } from '../../components/Downloads.js';

export function TerritoryBody(props: { i: I18n; t: any; partnerships: any[]; subdivisions: any[]; map?: any }) {
  const { i, t } = props;
  const pres = presentation(t.indicators, t.kind);
  return (
    <>
      {props.map && <figure class="sheet-map">{props.map}</figure>}
      <Section id="presentation" title={i.t('sheet.presentation')} when={pres.length > 0}>
        <IndicatorList i={i} rows={pres} charts />
      </Section>
      <Section id="history" title={i.t('sheet.history')} when={t.history.length > 0}>
        <ul class="history">
          {t.history.map((h: any) => {
            const outgoing = h.from.id === t.id;
            const other = outgoing ? h.to : h.from;
            const key = (outgoing ? `history.${h.kind}` : `history.from.${h.kind}`) as any;
            const [before, after] = i.t(key, { name: '\u0000', date: i.date(h.on) }).split('\u0000');
            return <li>{before}<PlaceLink i={i} t={other} />{after}</li>;
          })}
        </ul>
      </Section>
      <Section id="partnerships" title={i.t('sheet.partnerships')} when={props.partnerships.length > 0}>
        <LinkList textLang={textLang(i)} items={props.partnerships.map((p) => ({ href: i.path(`/partnerships/${p.id}`), text: p.title }))} />
      </Section>
      <Timeline i={i} items={[
        ...(t.validFrom ? [{ date: t.validFrom, label: i.l('status', 'current') }] : []),
        ...t.history.map((h: any) => ({ date: h.on, label: <a href={i.path(`/territories/${h.from.id === t.id ? h.to.id : h.from.id}`)}><PlaceName i={i} t={h.from} /> → <PlaceName i={i} t={h.to} /></a> })),
        ...props.partnerships.filter((p) => p.started).map((p) => ({ date: p.started, label: <a href={i.path(`/partnerships/${p.id}`)} lang={textLang(i)}>{p.title}</a> })),
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
  const { name, lang: titleLang } = placeName(i, t);
  const path = `/territories/${t.id}`;
  const parent = t.ancestors[0];
  const jsonLd = { '@context': 'https://schema.org', '@type': t.kind === 'country' ? 'Country' : 'AdministrativeArea', name, alternateName: [t.name, ...t.aliases].filter((x: string) => x !== name),
    containedInPlace: parent ? { '@type': 'AdministrativeArea', name: localName(parent, i.lang) } : undefined,
    geo: t.lat != null ? { '@type': 'GeoCoordinates', latitude: t.lat, longitude: t.lon } : undefined };
  return (
    <Layout i={i} meta={{ title: name, titleLang: textLang(i, titleLang), path, jsonLd, scripts: props.map ? ['map'] : ['sheet'] }}>
      <article class="sheet">
        <SheetHeader i={i} kind="territory" title={name} titleLang={titleLang} embedPath={path}
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
