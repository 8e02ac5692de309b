import { formatPartialDate } from '@tandem/shared';
import type { Child } from 'hono/jsx';
import type { I18n, PluralKey } from '../../i18n/index.js';
import { localName, textLang } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { SearchBox } from '../search/SearchBox.js';
import type { MapArea } from '../../map/render.js';
import { MapBox } from '../../map/box.js';
import { worldShapes } from '../../map/geo.js';
import type { AtlasData } from './home.queries.js';

export function WorldMap(props: { i: I18n; data: AtlasData; id?: string }) {
  const { i, data } = props;
  const areas = new Map<string, MapArea>();
  for (const [id, n] of data.byCountry) {
    const c = data.countryNames.get(id);
    const name = c ? localName(c, i.lang) : id;
    areas.set(id, { id, name, count: n, href: i.path(`/territories/${id}`), label: `${name} : ${i.plural('figures.partnerships', n)}` });
  }
  const fr = data.countryNames.get('FR');
  areas.set('FR', { id: 'FR', name: fr ? localName(fr, i.lang) : 'France', href: i.path('/territories/FR'), count: 0, home: true });
  return (
    <MapBox i={i} measure="countries" id={props.id} shapes={worldShapes()} areas={areas} title={i.t('home.map.title')} desc={i.t('home.map.caption')}
      links={data.links.map((l) => ({ from: l.from, to: l.to, title: l.title, href: i.path(`/partnerships/${l.id}`) }))} />
  );
}

export function MapAsList(props: { i: I18n; data: AtlasData }) {
  const { i, data } = props;
  const rows = [...data.byCountry].map(([id, n]) => ({ id, n, name: data.countryNames.get(id) ? localName(data.countryNames.get(id)!, i.lang) : id }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, i.lang));
  return (
    <details class="map-list">
      <summary>{i.t('home.map.list')}</summary>
      <ul>
        {rows.map((r) => (
          <li><a href={i.path(`/territories/${r.id}`)}>{r.name}</a> — {i.plural('figures.partnerships', r.n)}
            <ul>{data.links.filter((l) => l.countries.includes(r.id)).filter((l, k, all) => all.findIndex((x) => x.id === l.id) === k)
              .map((l) => <li><a href={i.path(`/partnerships/${l.id}`)}>{l.title}</a></li>)}</ul>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "<strong>12</strong> partenariats": the count in its plural sentence, the number set off. */
function KeyFigure(props: { i: I18n; figure: PluralKey; n: number }) {
  const text = props.i.plural(props.figure, props.n), num = props.i.num(props.n), at = text.indexOf(num);
  return at < 0 ? <>{text}</> : <>{text.slice(0, at)}<strong>{num}</strong>{text.slice(at + num.length)}</>;
}

export function HomePage(props: { i: I18n; data: AtlasData; recent: Array<{ id: string; title: string; started_on: string | null; started_precision: string | null }>; news?: Child }) {
  const { i, data } = props;
  return (
    <Layout i={i} meta={{ title: i.t('home.title'), description: i.t('home.lead'), path: '/', scripts: ['map'],
      jsonLd: { '@context': 'https://schema.org', '@type': 'WebSite', name: 'Tandem', description: i.t('home.lead'), inLanguage: i.lang } }}>
      <section class="hero">
        <h1>{i.t('home.title')}</h1>
        <p class="lead">{i.t('home.lead')}</p>
        <SearchBox i={i} q="" />
      </section>
      <section aria-labelledby="map-h" class="atlas">
        <h2 id="map-h">{i.t('home.map.title')}</h2>
        <figure>
          <WorldMap i={i} data={data} id="world-map" />
          <figcaption>{i.t('home.map.caption')}</figcaption>
        </figure>
        <MapAsList i={i} data={data} />
        <p><a class="embed-link" href={i.path('/embed-code/map')}>{i.t('sheet.embed')}</a></p>
      </section>
      <section aria-labelledby="fig-h">
        <h2 id="fig-h">{i.t('home.figures')}</h2>
        <ul class="figures">
          <li><KeyFigure i={i} figure='figures.partnerships' n={data.figures.partnerships} /></li>
          <li><KeyFigure i={i} figure='figures.projects' n={data.figures.projects} /></li>
          <li><KeyFigure i={i} figure='figures.countries' n={data.figures.countries} /></li>
          <li><KeyFigure i={i} figure='figures.organisations' n={data.figures.organisations} /></li>
        </ul>
      </section>
      {props.news}
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{i.t('home.recent')}</h2>
        <ul class="cards">
          {props.recent.map((p) => (
            <li class="card"><a href={i.path(`/partnerships/${p.id}`)} lang={textLang(i)}>{p.title}</a>
              {p.started_on && <span class="muted"> · {i.date(formatPartialDate(p.started_on, p.started_precision))}</span>}</li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
