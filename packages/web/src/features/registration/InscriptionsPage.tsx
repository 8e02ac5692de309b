/**
 * /espace/events/:id/inscriptions, for the event's organisers: counts by status, a table per status (cards on a
 * phone) with checkboxes and one button to accept or decline the ticked ones, the waiting list with move up/down,
 * the CSV download, and a message to everyone of one status. Plain POST forms with the CSRF field.
 */
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Field, Notice, type Errors } from '../auth/form.js';
import { STATUSES, type RegistrationView, type Status } from './types.js';
import { WorkshopQueues } from './WorkshopQueues.js';

export const inscriptionsPath = (eventId: string) => `/espace/events/${encodeURIComponent(eventId)}/inscriptions`;

export interface InscriptionsProps {
  i: I18n; e: any; counts: Record<Status, number>; items: RegistrationView[]; csrf: string | null;
  done?: string | null; sent?: number; problem?: string | null; errors?: Errors; values?: { status?: string; subject?: string; body?: string };
}

/** The waiting list with one registration moved up or down a place. */
export function moved(ids: string[], id: string, dir: 'up' | 'down'): string[] {
  const at = ids.indexOf(id);
  const to = dir === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return ids;
  const out = [...ids];
  [out[at], out[to]] = [out[to], out[at]];
  return out;
}

/** What may be done to a registration of this status in bulk. */
const DECISIONS: Record<Status, Array<'accept' | 'decline'>> = {
  pending: ['accept', 'decline'], waiting: ['accept', 'decline'], offered: ['decline'], accepted: ['decline'], declined: ['accept'], cancelled: [],
};

function StatusTable(props: InscriptionsProps & { status: Status; rows: RegistrationView[] }) {
  const { i, status, rows } = props;
  const lang = textLang(i);
  const decisions = DECISIONS[status];
  const hid = `st-${status}-h`;
  const col = (k: string) => i.t(`reg.org.col.${k}` as MessageKey);
  return (
    <section aria-labelledby={hid} class="reg-status-block">
      <h3 id={hid}>{i.t(`reg.org.status.${status}` as MessageKey)} <span class="muted">({i.num(rows.length)})</span></h3>
      <form method="post" action={i.path(inscriptionsPath(props.e.id))}>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="status" value={status} />
        <div class="table-scroll">
          <table class="data stacked reg-table">
            <caption class="visually-hidden">{i.t(`reg.org.status.${status}` as MessageKey)}</caption>
            <thead><tr>
              {decisions.length > 0 && <th scope="col"><span class="visually-hidden">{col('select')}</span></th>}
              {status === 'waiting' && <th scope="col">{col('rank')}</th>}
              <th scope="col">{col('name')}</th><th scope="col">{col('email')}</th><th scope="col">{col('organisation')}</th>
              <th scope="col">{col('workshops')}</th><th scope="col">{col('date')}</th>
              {status === 'waiting' && <th scope="col">{col('order')}</th>}
            </tr></thead>
            <tbody>{rows.map((r, n) => <tr>
              {decisions.length > 0 && <td><input type="checkbox" name="ids" value={r.id} id={`sel-${r.id}`} aria-label={i.t('reg.org.select', { name: r.name })} /></td>}
              {status === 'waiting' && <td data-label={col('rank')}>{i.num(r.queuePosition ?? n + 1)}</td>}
              <td data-label={col('name')}>{r.name}</td>
              <td data-label={col('email')} class="email">{r.email}</td>
              <td data-label={col('organisation')} lang={r.organisation ? lang : undefined}>{r.organisation?.name ?? '—'}</td>
              <td data-label={col('workshops')}>{r.sessions.length ? <span lang={lang}>{r.sessions.map((s) => `${s.title} (${i.t(`reg.org.session.${s.status}` as MessageKey)})`).join(' ; ')}</span> : '—'}</td>
              <td data-label={col('date')}>{i.when(r.createdAt)}{r.status === 'offered' && r.offerExpiresAt && <span class="muted"> — {i.t('reg.org.until', { date: i.when(r.offerExpiresAt, true) })}</span>}</td>
              {status === 'waiting' && <td class="row-actions" data-label={col('order')}>
                <button type="submit" name="action" value={`up:${r.id}`} class="secondary" disabled={n === 0} aria-label={i.t('reg.org.up', { name: r.name })}>↑</button>{' '}
                <button type="submit" name="action" value={`down:${r.id}`} class="secondary" disabled={n === rows.length - 1} aria-label={i.t('reg.org.down', { name: r.name })}>↓</button>
              </td>}
            </tr>)}</tbody>
          </table>
        </div>
        {decisions.length > 0 && <p class="bulk-actions">{decisions.map((d) => <><button type="submit" name="action" value={d} class={d === 'decline' ? 'secondary' : undefined}>{i.t(`reg.org.bulk.${d}` as MessageKey)}</button>{' '}</>)}</p>}
      </form>
    </section>
  );
}

function MessageForm(props: InscriptionsProps) {
  const { i, counts } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  return (
    <section aria-labelledby="message-h">
      <h2 id="message-h">{i.t('reg.org.message')}</h2>
      <p class="muted">{i.t('reg.org.message.lead')}</p>
      <ErrorSummary i={i} errors={errors} />
      <form method="post" action={i.path(inscriptionsPath(props.e.id))} class="stack-form" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="action" value="message" />
        <div class="field">
          <label for="f-status">{i.t('reg.org.message.status')}</label>
          <select id="f-status" name="status">{STATUSES.filter((s) => s !== 'cancelled').map((s) => <option value={s} selected={s === (values.status ?? 'accepted')}>{i.t(`reg.org.status.${s}` as MessageKey)} ({i.num(counts[s] ?? 0)})</option>)}</select>
        </div>
        <Field name="subject" label={i.t('reg.org.message.subject')} value={values.subject} error={errors.subject} required />
        <div class={errors.body ? 'field field-invalid' : 'field'}>
          <label for="f-body">{i.t('reg.org.message.body')}</label>
          {errors.body && <p class="field-error" id="f-body-error">{errors.body}</p>}
          <textarea id="f-body" name="body" rows={6} aria-invalid={errors.body ? 'true' : undefined} aria-describedby={errors.body ? 'f-body-error' : undefined}>{values.body ?? ''}</textarea>
        </div>
        <p><button type="submit">{i.t('reg.org.message.send')}</button></p>
      </form>
    </section>
  );
}

export function InscriptionsPage(props: InscriptionsProps) {
  const { i, e, counts, items } = props;
  const lang = textLang(i);
  const total = STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return (
    <Layout i={i} meta={{ title: i.t('reg.org.title', { event: e.title }), path: inscriptionsPath(e.id), noindex: true }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('reg.org.kicker')}</p>
        <h1><span lang={lang}>{e.title}</span></h1>
        <p class="lead"><a href={i.path(`/events/${e.id}`)}>{i.t('reg.sheet')}</a> · <a href={i.path(`/espace/events/${encodeURIComponent(e.id)}/formulaire`)}>{i.t('reg.block.form')}</a></p>
      </header>
      {props.done && <Notice kind="success"><p>{props.done === 'message' ? i.plural('reg.org.done.message', props.sent ?? 0) : i.t(`reg.org.done.${props.done}` as MessageKey)}</p></Notice>}
      {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
      <section aria-labelledby="counts-h">
        <h2 id="counts-h">{i.plural('reg.org.total', total)}</h2>
        <ul class="reg-counts">{STATUSES.map((s) => <li>{counts[s] ? <a href={`#st-${s}-h`}>{i.t(`reg.org.status.${s}` as MessageKey)}</a> : i.t(`reg.org.status.${s}` as MessageKey)} <strong>{i.num(counts[s] ?? 0)}</strong></li>)}</ul>
        <p><a href={`/api/events/${encodeURIComponent(e.id)}/registrations.csv`} download>{i.t('reg.org.csv')}</a></p>
      </section>
      <section aria-labelledby="lists-h">
        <h2 id="lists-h">{i.t('reg.org.lists')}</h2>
        {total === 0 && <p>{i.t('reg.org.none')}</p>}
        {STATUSES.map((s) => { const rows = items.filter((r) => r.status === s); return rows.length ? <StatusTable {...props} status={s} rows={rows} /> : null; })}
      </section>
      <WorkshopQueues i={i} action={i.path(inscriptionsPath(e.id))} csrf={props.csrf} items={items} />
      <MessageForm {...props} />
    </Layout>
  );
}
