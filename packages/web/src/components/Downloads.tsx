/**
 * Downloads offered where the data is shown: a sheet's own record (JSON with its parts, CSV of the rows that fit, IATI
 * where the export has it) and the current search (CSV, JSON, IATI of its projects), all from /api/export (features/export).
 */
import type { I18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/fr.js';
import { SEARCH_EXPORT_MAX } from '../../../server/src/features/export/export.search.js';

export type SheetKind = 'partnerships' | 'projects' | 'organisations' | 'missions' | 'events' | 'territories';
/** The IATI export's filter for a kind whose sheet offers the activity file. */
const IATI_FILTER: Partial<Record<SheetKind, string>> = { partnerships: 'partnership', projects: 'project', organisations: 'organisation' };

/** "Télécharger" at the bottom of a sheet: what the record's files hold, one line each. */
export function Downloads(props: { i: I18n; kind: SheetKind; id: string }) {
  const { i, kind } = props;
  const id = encodeURIComponent(props.id);
  const iati = IATI_FILTER[kind];
  return (
    <section class="downloads no-print" aria-labelledby="downloads-h">
      <h2 id="downloads-h">{i.t('download.title')}</h2>
      <ul class="download-list">
        <li><a href={`/api/export/${kind}/${id}`} download>JSON</a> <span class="muted">— {i.t('download.json')}</span></li>
        <li><a href={`/api/export/${kind}/${id}?format=csv&labels=${i.lang}`} download>CSV</a> <span class="muted">— {i.t(`download.csv.${kind}` as MessageKey)}</span></li>
        {iati && <li><a href={`/api/export/iati?${iati}=${id}`} download>{i.t('download.iati')}</a> <span class="muted">— {i.t('download.iati.text')}</span></li>}
      </ul>
      <p><a href={i.path('/open-data')}>{i.t('download.more')}</a></p>
    </section>
  );
}

/** The current search as files: its words and filters (`params`, as in the page's URL, without the page number). */
export function SearchDownloads(props: { i: I18n; q: string; filters: Record<string, string | undefined>; total: number; approximate?: boolean }) {
  const { i } = props;
  if (props.total === 0) return null;
  const p = new URLSearchParams();
  if (props.q) p.set('q', props.q);
  for (const [k, v] of Object.entries(props.filters)) if (v) p.set(k, v);
  const qs = p.toString();
  const href = (format: string, extra = '') => `/api/export/search?${qs}${qs ? '&' : ''}format=${format}${extra}`;
  const max = i.num(SEARCH_EXPORT_MAX);
  return (
    <p class="search-downloads">
      {i.t('download.search')}{' '}
      <a href={href('csv', `&labels=${i.lang}`)} download>CSV</a> · <a href={href('json')} download>JSON</a> · <a href={href('iati')} download>{i.t('download.search.iati')}</a>{' '}
      <span class="muted">({props.total > SEARCH_EXPORT_MAX ? i.t('download.search.first', { max, n: props.approximate ? `≈ ${i.num(props.total)}` : i.num(props.total) }) : i.t('download.search.limit', { max })})</span>
    </p>
  );
}
