/** The yearly aid declaration page: read-only table, or a plain HTML form (no JavaScript needed) for members. */
import { apdCategoryIds, apdCategoryLabel } from '@tandem/shared';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, Section } from '../../components/Sheet.js';
import { CsrfField } from '../../components/CsrfField.js';
import type { ApdDeclaration } from '../../../../server/src/features/apd/apd.service.js';
import type { UnyearedLine } from '../../../../server/src/features/apd/apd.access.js';
import { UnyearedNotice } from './ApdLinks.js';

/** One line as the form carries it: strings, as typed. */
export interface ApdRow { category: string; country: string; amount: string; currency: string; note: string; projectId: string; projectTitle?: string | null }
export interface ApdView {
  d: ApdDeclaration;
  rows: ApdRow[];
  /** 'lines.2.amount' → message */
  errors: Record<string, string>;
  editable: boolean;
  notices: Array<{ kind: 'ok' | 'info' | 'error'; key: MessageKey }>;
  version: number;
  /** the session's CSRF token (forms signed in by cookie must carry it) */
  csrf: string | null;
  countries: Array<{ id: string; name: string }>;
  /** co-financing lines of this funder without a year: no declaration picks them up */
  unyeared: UnyearedLine[];
}

const FIELDS = ['category', 'country', 'amount', 'currency', 'note'] as const;
const fieldId = (n: number, f: string) => `lines-${n}-${f}`;

function FieldError(props: { id: string; message?: string }) {
  return props.message ? <p id={`${props.id}-error`} class="apd-error">{props.message}</p> : null;
}

function invalid(v: ApdView, n: number, f: string) {
  const e = v.errors[`lines.${n}.${f}`];
  return e ? { 'aria-invalid': 'true', 'aria-describedby': `${fieldId(n, f)}-error` } : {};
}

function Origin(props: { i: I18n; row: ApdRow }) {
  const { i, row } = props;
  if (!row.projectId) return <span class="muted">{i.t('apd.manual')}</span>;
  return <>{i.t('apd.fromProject')} <a href={i.path(`/projects/${row.projectId}`)}>{row.projectTitle ?? row.projectId}</a></>;
}

function EditRow(props: { i: I18n; v: ApdView; row: ApdRow; n: number }) {
  const { i, v, row, n } = props;
  const label = (f: MessageKey) => i.t('apd.field', { field: i.t(f), n: n + 1 });
  const err = (f: string) => v.errors[`lines.${n}.${f}`];
  return (
    <tr>
      <th scope="row">{n + 1}</th>
      <td>
        <label class="visually-hidden" for={fieldId(n, 'category')}>{label('apd.category')}</label>
        <select id={fieldId(n, 'category')} name={`lines.${n}.category`} class="apd-select" {...invalid(v, n, 'category')}>
          <option value="" selected={!row.category}>{i.t('apd.choose')}</option>
          {apdCategoryIds.map((c) => <option value={c} selected={row.category === c}>{apdCategoryLabel(c, i.lang)}</option>)}
        </select>
        <FieldError id={fieldId(n, 'category')} message={err('category')} />
      </td>
      <td>
        <label class="visually-hidden" for={fieldId(n, 'country')}>{label('apd.country')}</label>
        <select id={fieldId(n, 'country')} name={`lines.${n}.country`} class="apd-select" {...invalid(v, n, 'country')}>
          <option value="" selected={!row.country}>{i.t('apd.noCountry')}</option>
          {!!row.country && !v.countries.some((c) => c.id === row.country) && <option value={row.country} selected>{row.country}</option>}
          {v.countries.map((c) => <option value={c.id} selected={row.country === c.id}>{c.name}</option>)}
        </select>
        <FieldError id={fieldId(n, 'country')} message={err('country')} />
      </td>
      <td>
        <label class="visually-hidden" for={fieldId(n, 'amount')}>{label('apd.amount')}</label>
        <input id={fieldId(n, 'amount')} name={`lines.${n}.amount`} value={row.amount} inputmode="decimal" size={12} autocomplete="off" {...invalid(v, n, 'amount')} />
        <FieldError id={fieldId(n, 'amount')} message={err('amount')} />
      </td>
      <td>
        <label class="visually-hidden" for={fieldId(n, 'currency')}>{label('apd.currency')}</label>
        <input id={fieldId(n, 'currency')} name={`lines.${n}.currency`} value={row.currency || 'EUR'} size={4} maxlength={3} autocomplete="off" {...invalid(v, n, 'currency')} />
        <FieldError id={fieldId(n, 'currency')} message={err('currency')} />
      </td>
      <td>
        <label class="visually-hidden" for={fieldId(n, 'note')}>{label('apd.note')}</label>
        <input id={fieldId(n, 'note')} name={`lines.${n}.note`} value={row.note} size={12} {...invalid(v, n, 'note')} />
        <FieldError id={fieldId(n, 'note')} message={err('note')} />
      </td>
      <td>
        <input type="hidden" name={`lines.${n}.projectId`} value={row.projectId} />
        <Origin i={i} row={row} />
        <FieldError id={fieldId(n, 'projectId')} message={err('projectId')} />
      </td>
      <td>
        <input type="checkbox" id={fieldId(n, 'remove')} name={`lines.${n}.remove`} value="1" />
        <label class="visually-hidden" for={fieldId(n, 'remove')}>{label('apd.remove')}</label>
      </td>
    </tr>
  );
}

function LinesTable(props: { i: I18n; v: ApdView }) {
  const { i, v } = props;
  const countryName = (id: string) => v.countries.find((c) => c.id === id)?.name ?? id;
  return (
    <table class="data">
      <caption class="visually-hidden">{i.t('apd.lines')}</caption>
      <thead><tr>
        <th scope="col">{i.t('apd.n')}</th><th scope="col">{i.t('apd.category')}</th><th scope="col">{i.t('apd.country')}</th>
        <th scope="col" class={v.editable ? undefined : 'num'}>{i.t('apd.amount')}</th>{v.editable && <th scope="col">{i.t('apd.currency')}</th>}
        <th scope="col">{i.t('apd.note')}</th><th scope="col">{i.t('apd.origin')}</th>{v.editable && <th scope="col">{i.t('apd.remove')}</th>}
      </tr></thead>
      <tbody>
        {v.editable ? v.rows.map((row, n) => <EditRow i={i} v={v} row={row} n={n} />) : v.rows.map((row, n) => (
          <tr>
            <th scope="row">{n + 1}</th>
            <td>{apdCategoryLabel(row.category, i.lang)}</td>
            <td>{row.country ? countryName(row.country) : <span class="muted">{i.t('sheet.none')}</span>}</td>
            <td class="num">{i.money(row.amount, row.currency)}</td>
            <td>{row.note}</td>
            <td><Origin i={i} row={row} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Totals(props: { i: I18n; v: ApdView }) {
  const { i, v } = props;
  const { totals } = v.d;
  const countryName = (id: string | null, fallback: string | null) => (id ? v.countries.find((c) => c.id === id)?.name ?? fallback ?? id : i.t('apd.noCountry'));
  const foot = totals.all.map((t) => <tr><th scope="row">{i.t('apd.total')}</th><td class="num">{i.money(t.amount, t.currency)}</td></tr>);
  return (
    <Section id="apd-totals" title={i.t('apd.totals')}>
      <div class="apd-totals">
        <table class="data">
          <caption>{i.t('apd.byCategory')}</caption>
          <thead><tr><th scope="col">{i.t('apd.category')}</th><th scope="col" class="num">{i.t('apd.amount')}</th></tr></thead>
          <tbody>{totals.byCategory.map((t) => <tr><th scope="row">{apdCategoryLabel(t.category, i.lang)}</th><td class="num">{i.money(t.amount, t.currency)}</td></tr>)}</tbody>
          <tfoot>{foot}</tfoot>
        </table>
        <table class="data">
          <caption>{i.t('apd.byCountry')}</caption>
          <thead><tr><th scope="col">{i.t('apd.country')}</th><th scope="col" class="num">{i.t('apd.amount')}</th></tr></thead>
          <tbody>{totals.byCountry.map((t) => <tr><th scope="row">{countryName(t.country, t.countryName)}</th><td class="num">{i.money(t.amount, t.currency)}</td></tr>)}</tbody>
          <tfoot>{foot}</tfoot>
        </table>
      </div>
    </Section>
  );
}

function ErrorSummary(props: { i: I18n; v: ApdView }) {
  const { i, v } = props;
  const entries = Object.entries(v.errors);
  if (!entries.length) return null;
  return (
    <div role="alert" class="notice error">
      <p class="apd-error">{i.t('apd.errors')}</p>
      <ul>{entries.map(([path, message]) => {
        const m = /^lines\.(\d+)\.(\w+)$/.exec(path);
        if (path === 'confirm') return <li><a href="#apd-confirm">{message}</a></li>;
        if (!m) return <li>{message}</li>;
        const n = Number(m[1]), f = m[2];
        const target = FIELDS.includes(f as never) ? `#${fieldId(n, f)}` : '#apd-lines-h';
        return <li><a href={target}>{i.t('apd.field', { field: i.t(f === 'projectId' ? 'apd.origin' : `apd.${f}` as MessageKey), n: n + 1 })}</a> — {message}</li>;
      })}</ul>
    </div>
  );
}

/** Set apart from the lines' buttons: what submitting does, the totals, « Je confirme … » (checked by the server), then the one primary button. */
function SubmitArea(props: { i: I18n; v: ApdView }) {
  const { i, v } = props;
  const { d } = v;
  const error = v.errors.confirm;
  return (
    <section class="apd-submit" aria-labelledby="apd-submit-h">
      <h3 id="apd-submit-h">{i.t('apd.submitArea.title')}</h3>
      <p>{i.t('apd.submitArea.help')}</p>
      <p class="apd-submit-total">
        <strong>{i.t('apd.submitArea.total')}</strong> : {d.totals.all.length ? d.totals.all.map((t) => i.money(t.amount, t.currency)).join(' + ') : i.money('0', 'EUR')}
        {' '}({i.plural('apd.linesCount', v.rows.length)})
      </p>
      <p class="apd-confirm">
        <input type="checkbox" id="apd-confirm" name="confirm" value="1" {...(error ? { 'aria-invalid': 'true', 'aria-describedby': 'apd-confirm-error' } : {})} />
        <label for="apd-confirm">{i.t('apd.confirm', { year: d.year })}</label>
      </p>
      <FieldError id="apd-confirm" message={error} />
      <p><button type="submit" name="action" value="submit" class="primary">{i.t('apd.submitYear', { year: d.year })}</button></p>
    </section>
  );
}

export function ApdPage(props: { i: I18n; v: ApdView }) {
  const { i, v } = props;
  const { d } = v;
  const path = `/apd/${d.organisationId}/${d.year}`;
  const csv = `/api/apd/${d.organisationId}/${d.year}.csv${i.lang === 'fr' ? '?labels=fr' : ''}`;
  return (
    <Layout i={i} meta={{ title: i.t('apd.title', { year: d.year, name: d.organisationName }), path, noindex: true }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('apd.kicker')}</p>
        <h1>{i.t('apd.title', { year: d.year, name: d.organisationName })}</h1>
        <p class="lead">{i.t('apd.lead')}</p>
      </header>
      <nav aria-label={i.t('apd.years')} class="pager">
        <a href={i.path(`/apd/${d.organisationId}/${d.year - 1}`)}>← {d.year - 1}</a>
        <a href={i.path(`/organisations/${d.organisationId}`)}>{d.organisationName}</a>
        <a href={i.path(`/apd/${d.organisationId}/${d.year + 1}`)}>{d.year + 1} →</a>
      </nav>
      <Facts items={[
        [i.t('apd.status'), i.t(d.status === 'submitted' ? 'apd.status.submitted' : 'apd.status.draft')],
        [i.t('apd.version'), d.saved ? String(d.version) : i.t('apd.notSaved')],
        [i.t('apd.submittedAt'), d.submittedAt ? i.when(d.submittedAt) : null],
      ]} />
      {v.notices.map((x) => <p role={x.kind === 'error' ? 'alert' : x.kind === 'ok' ? 'status' : undefined} class={`notice ${x.kind} apd-notice`}>{i.t(x.key)}</p>)}
      {!d.saved && <p class="notice">{i.t('apd.prefilled', { year: d.year })}</p>}
      <UnyearedNotice i={i} lines={v.unyeared} />
      <ErrorSummary i={i} v={v} />
      <p><a href={csv} download>{i.t('apd.csv')}</a></p>
      <section aria-labelledby="apd-lines-h">
        <h2 id="apd-lines-h">{i.t('apd.lines')}</h2>
        {!v.rows.length && !v.editable && <p>{i.t('apd.empty')}</p>}
        {v.editable ? (
          <form method="post" action={i.path(path)} novalidate>
            <input type="hidden" name="version" value={String(v.version)} />
            <CsrfField token={v.csrf} />
            <div class="table-scroll"><LinesTable i={i} v={v} /></div>
            <p class="sheet-actions">
              <button type="submit" name="action" value="save">{i.t('apd.save')}</button>
              <button type="submit" name="action" value="add" class="secondary">{i.t('apd.add')}</button>
            </p>
            <SubmitArea i={i} v={v} />
          </form>
        ) : v.rows.length > 0 && <LinesTable i={i} v={v} />}
      </section>
      <Totals i={i} v={v} />
    </Layout>
  );
}
