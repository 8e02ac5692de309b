/** The open data page: what is published (kinds and counts), its downloads, the whole database, licences, updates, the API. */
import type { I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import type { ExportKind } from '../../../../server/src/features/export/export.service.js';
import { RECORDS_LICENCE, REFERENCE_SOURCES } from '../../../../server/src/features/export/licences.js';
import { SEARCH_EXPORT_MAX } from '../../../../server/src/features/export/export.search.js';

/** The kinds in the order a reader meets them; the IATI file exists for projects (IATI describes activities). */
const KINDS: ExportKind[] = ['partnerships', 'projects', 'funding', 'organisations', 'missions', 'events', 'territories', 'indicators'];

function KindRow(props: { i: I18n; kind: ExportKind; count: number }) {
  const { i, kind } = props;
  const csv = `/api/export?format=csv&kind=${kind}&labels=${i.lang}`;
  return (
    <tr>
      <th scope="row" id={`kind-${kind}`}>{i.t(`opendata.kind.${kind}` as MessageKey)}</th>
      <td class="num">{i.num(props.count)}</td>
      <td>{i.t(`opendata.holds.${kind}` as MessageKey)}</td>
      <td class="formats">
        <a href={csv} download aria-describedby={`kind-${kind}`}>CSV</a>{' · '}
        <a href={`/api/export?format=json&kind=${kind}`} download aria-describedby={`kind-${kind}`}>JSON</a>
        {kind === 'projects' && <>{' · '}<a href="/api/export/iati" download aria-describedby={`kind-${kind}`}>{i.t('download.iati')}</a></>}
      </td>
    </tr>
  );
}

export function OpenDataPage(props: { i: I18n; counts: Record<ExportKind, number> }) {
  const { i } = props;
  return (
    <Layout i={i} meta={{ title: i.t('opendata.title'), description: i.t('opendata.lead'), path: '/open-data' }}>
      <h1>{i.t('opendata.title')}</h1>
      <p class="lead">{i.t('opendata.lead')}</p>

      <section aria-labelledby="published-h">
        <h2 id="published-h">{i.t('opendata.published')}</h2>
        <table class="data open-data">
          <thead><tr><th scope="col">{i.t('opendata.col.kind')}</th><th scope="col" class="num">{i.t('opendata.col.count')}</th>
            <th scope="col">{i.t('opendata.col.holds')}</th><th scope="col">{i.t('opendata.col.download')}</th></tr></thead>
          <tbody>{KINDS.map((kind) => <KindRow i={i} kind={kind} count={props.counts[kind]} />)}</tbody>
        </table>
        <p class="muted">{i.t('opendata.iati.note')}</p>
      </section>

      <section aria-labelledby="all-h">
        <h2 id="all-h">{i.t('opendata.all.title')}</h2>
        <p>{i.t('opendata.all.text')}</p>
        <p><a class="button-link" href="/api/export/all" download>{i.t('opendata.all.link')}</a></p>
        <p class="muted">{i.t('opendata.private')}</p>
      </section>

      <section aria-labelledby="licence-h">
        <h2 id="licence-h">{i.t('opendata.licence.title')}</h2>
        <p>{i.t('opendata.licence.records')} <a href={RECORDS_LICENCE.url} rel="noopener" lang="fr">{RECORDS_LICENCE.name}</a>. {i.t('opendata.licence.reuse')}</p>
        <p>{i.t('opendata.licence.reference')}</p>
        <table class="data sources">
          <thead><tr><th scope="col">{i.t('opendata.ref.col.what')}</th><th scope="col">{i.t('opendata.ref.col.source')}</th><th scope="col">{i.t('opendata.ref.col.licence')}</th></tr></thead>
          <tbody>
            {REFERENCE_SOURCES.map((s) => (
              <tr>
                <td>{i.t(`opendata.ref.${s.what}` as MessageKey)}</td>
                <td>{s.url ? <a href={s.url} rel="noopener">{s.source}</a> : s.source}</td>
                <td>{s.licence || i.t(`opendata.licence.${s.what}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="updates-h">
        <h2 id="updates-h">{i.t('opendata.updates.title')}</h2>
        <p>{i.t('opendata.updates.text')}</p>
      </section>

      <section aria-labelledby="more-h">
        <h2 id="more-h">{i.t('opendata.more.title')}</h2>
        <p>{i.t('opendata.more.sheets')}</p>
        <p>{i.t('opendata.more.search', { max: i.num(SEARCH_EXPORT_MAX) })} <a href={i.path('/search')}>{i.t('nav.search')}</a></p>
      </section>

      <section aria-labelledby="api-h">
        <h2 id="api-h">{i.t('opendata.api.title')}</h2>
        <p>{i.t('opendata.api.text')}</p>
        <ul class="link-list">
          <li><a href={i.path('/open-data/api')}>{i.t('opendata.api.reference')}</a></li>
          <li><a href="/api/openapi.json">{i.t('opendata.api.raw')}</a></li>
        </ul>
      </section>
    </Layout>
  );
}
