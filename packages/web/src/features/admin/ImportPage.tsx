/**
 * /admin/import: a plain multipart form (works without JavaScript: the page route imports and renders the
 * report), enhanced by client/import.ts (upload with fetch, progress from the server's events, the same report
 * filled into the <template> below). The result area comes before the form so a reloaded page shows it first.
 */
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Notice } from '../auth/form.js';
import { COUNTS, formatCount, formatSize, problemTotal, sortProblems, withoutLine, type ReportData, type Units } from './format.js';

export const IMPORT_PATH = '/admin/import';

/** Why the file was not imported (not a report): broken XML with its line, too large, empty… */
export interface ImportFailure { status: number; message: string; line?: number }
export interface ImportView {
  maxBytes: number;
  skipInvalid: boolean;
  csrf: string | null;
  fileError?: string;
  failure?: ImportFailure;
  report?: ReportData;
  /** the report of a refused file (invalid activities): nothing landed */
  refused?: boolean;
}

/** Strings the browser script needs, as templates ({n}, {line}…): admin.import.X → X. */
const CLIENT_KEYS: MessageKey[] = [
  'admin.import.progress.sending', 'admin.import.progress.bytes', 'admin.import.progress.saving', 'admin.import.progress.percent',
  'admin.import.report.done', 'admin.import.report.failed', 'admin.import.report.summary', 'admin.import.report.refused',
  'admin.import.problems.counts', 'admin.import.problems.more', 'admin.import.error.title', 'admin.import.error.nothing',
  'admin.import.error.tooLarge', 'admin.import.error.line', 'admin.import.error.detail', 'admin.import.error.forbidden',
  'admin.import.error.network', 'admin.import.error.status', 'admin.import.error.nofile',
  'admin.import.level.critical', 'admin.import.level.error', 'admin.import.level.warning',
  'admin.import.kb', 'admin.import.mb', 'admin.import.seconds',
];

export const units = (i: I18n): Units => ({ kb: i.t('admin.import.kb'), mb: i.t('admin.import.mb'), seconds: i.t('admin.import.seconds') });
const num = (i: I18n) => (n: number, digits?: number) => i.num(n, digits);
export const maxSize = (i: I18n, bytes: number) => formatSize(bytes, num(i), units(i));

const EMPTY: ReportData = {
  version: null, bytes: 0, ms: 0, activities: 0, imported: 0, created: 0, updated: 0, skipped: 0, budgets: 0, plannedDisbursements: 0,
  transactions: 0, results: 0, organisationsCreated: 0, problemCounts: { critical: 0, error: 0, warning: 0 }, problems: [],
};

/** The report: heading, one-sentence summary, the counts, the problems table. data-slot / data-count mark what the script fills. */
export function ReportView(props: { i: I18n; r: ReportData; refused?: boolean }) {
  const { i, r } = props;
  const c = r.problemCounts;
  const params = { activities: i.num(r.activities), imported: i.num(r.imported), created: i.num(r.created), updated: i.num(r.updated), skipped: i.num(r.skipped) };
  const listed = r.problems.length < problemTotal(r);
  return (
    <section class="import-report" aria-labelledby="import-report-h">
      <h2 id="import-report-h" tabindex={-1} data-slot="title">{i.t(props.refused ? 'admin.import.report.failed' : 'admin.import.report.done')}</h2>
      <p class={`notice ${props.refused ? 'notice-error' : 'notice-success'}`} data-slot="summary">
        {props.refused ? i.t('admin.import.report.refused', params) : i.t('admin.import.report.summary', params)}
      </p>
      <dl class="facts">
        {COUNTS.map((f) => <div><dt>{i.t(`admin.import.count.${f}` as MessageKey)}</dt><dd data-count={f}>{formatCount(r, f, num(i), units(i))}</dd></div>)}
      </dl>
      <h3>{i.t('admin.import.problems')}</h3>
      <p data-slot="problem-counts">{i.t('admin.import.problems.counts', { critical: i.num(c.critical), error: i.num(c.error), warning: i.num(c.warning) })}</p>
      <p class="muted">{i.t('admin.import.problems.lead')}</p>
      <p data-slot="more" hidden={!listed}>{listed ? i.t('admin.import.problems.more', { n: i.num(r.problems.length) }) : ''}</p>
      <p data-slot="none" hidden={r.problems.length > 0}>{i.t('admin.import.problems.none')}</p>
      <div class="table-scroll" data-slot="table" hidden={!r.problems.length}>
        <table class="data problems">
          <caption class="visually-hidden">{i.t('admin.import.problems')}</caption>
          <thead><tr>
            <th scope="col" class="num">{i.t('admin.import.col.line')}</th><th scope="col">{i.t('admin.import.col.level')}</th>
            <th scope="col">{i.t('admin.import.col.activity')}</th><th scope="col">{i.t('admin.import.col.message')}</th>
          </tr></thead>
          <tbody data-slot="problems">{sortProblems(r.problems).map((p) => (
            <tr class={`level-${p.level}`}>
              <td class="num">{i.num(p.line)}</td><td>{i.t(`admin.import.level.${p.level}`)}</td>
              <td>{p.activity ?? '—'}</td><td lang="en">{p.message}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
    </section>
  );
}

export function FailureView(props: { i: I18n; f: ImportFailure; maxBytes: number }) {
  const { i, f } = props;
  return (
    <Notice kind="error" title={i.t('admin.import.error.title')}>
      <p>{i.t('admin.import.error.nothing')}</p>
      {f.status === 413 ? <p>{i.t('admin.import.error.tooLarge', { max: maxSize(i, props.maxBytes) })}</p> : <>
        {f.line && <p>{i.t('admin.import.error.line', { line: i.num(f.line) })}</p>}
        <p>{i.t('admin.import.error.detail', { message: withoutLine(f.message) })}</p>
      </>}
    </Notice>
  );
}

export function ImportPage(props: { i: I18n; v: ImportView }) {
  const { i, v } = props;
  const messages = JSON.stringify({ ...Object.fromEntries(CLIENT_KEYS.map((k) => [k.replace('admin.import.', ''), i.t(k)])), activities: i.forms('admin.import.activities') });
  const hint = i.t('admin.import.file.hint', { max: maxSize(i, v.maxBytes) });
  return (
    <Layout i={i} meta={{ title: i.t('admin.import.title'), path: IMPORT_PATH, noindex: true, scripts: ['import'] }}>
      <h1>{i.t('admin.import.title')}</h1>
      <p class="lead">{i.t('admin.import.lead')}</p>
      <div id="import-result">
        {v.failure && <FailureView i={i} f={v.failure} maxBytes={v.maxBytes} />}
        {v.report && <ReportView i={i} r={v.report} refused={v.refused} />}
      </div>
      <form id="import-form" method="post" action={i.path(IMPORT_PATH)} enctype="multipart/form-data" class="stack-form import-form"
        data-api="/api/import/iati" data-max-bytes={String(v.maxBytes)} data-messages={messages}>
        <CsrfField token={v.csrf} />
        <div class={v.fileError ? 'field field-invalid' : 'field'}>
          <label for="f-file">{i.t('admin.import.file')}</label>
          <p class="field-hint" id="f-file-hint">{hint}</p>
          <p class="field-error" id="f-file-error" hidden={!v.fileError}>{v.fileError ?? ''}</p>
          <input type="file" id="f-file" name="file" accept=".xml,application/xml,text/xml" required
            aria-describedby={v.fileError ? 'f-file-hint f-file-error' : 'f-file-hint'} aria-invalid={v.fileError ? 'true' : undefined} />
        </div>
        <div class="check">
          <input type="checkbox" id="f-skipInvalid" name="skipInvalid" value="true" checked={v.skipInvalid} aria-describedby="f-skipInvalid-hint" />
          <label for="f-skipInvalid">{i.t('admin.import.skip')}</label>
        </div>
        <p class="field-hint" id="f-skipInvalid-hint">{i.t('admin.import.skip.hint')}</p>
        <p><button type="submit">{i.t('admin.import.submit')}</button></p>
        <div class="import-progress" id="import-progress-block" hidden>
          <label for="import-progress">{i.t('admin.import.progress')}</label>
          <progress id="import-progress" max="100"></progress>
          <p id="import-progress-text" class="muted"></p>
        </div>
        <p id="import-status" class="visually-hidden" role="status" aria-live="polite"></p>
      </form>
      <template id="import-report-template"><ReportView i={i} r={EMPTY} /></template>
    </Layout>
  );
}

export function ImportForbiddenPage(props: { i: I18n }) {
  const { i } = props;
  return (
    <Layout i={i} meta={{ title: i.t('admin.import.forbidden.title'), path: IMPORT_PATH, noindex: true }}>
      <h1>{i.t('admin.import.forbidden.title')}</h1>
      <p role="alert">{i.t('admin.import.forbidden.text')}</p>
      <p><a href={i.path('/account')}>{i.t('auth.account')}</a></p>
    </Layout>
  );
}
