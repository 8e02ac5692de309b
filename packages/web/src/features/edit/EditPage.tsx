/**
 * The edit page around a form: header, notices, the error summary (role=alert, links to the fields), the
 * POST form (CSRF token, version, the values it was opened with) and its buttons; and the 403 page.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { fieldId } from './form-data.js';
import { DataLists, label, type FormCtx } from './fields.js';
import { PartnershipForm } from './PartnershipForm.js';
import { ProjectForm } from './ProjectForm.js';
import { OrganisationForm } from './OrganisationForm.js';
import { MissionForm } from './MissionForm.js';
import { TerritoryForm } from './TerritoryForm.js';
import { EventForm, SeriesForm } from './EventForm.js';
import type { PluralKind } from './kinds.js';

const FORMS: Record<PluralKind, (props: { f: FormCtx }) => any> = {
  partnerships: PartnershipForm, projects: ProjectForm, organisations: OrganisationForm, missions: MissionForm, territories: TerritoryForm, events: EventForm, series: SeriesForm,
};

/** 'funding.1.amount' → "Co-financing › Line 2 › Amount". */
export function pathLabel(i: I18n, path: string): string {
  if (!path) return i.t('edit.general');
  return path.split('.').map((s) => (/^\d+$/.test(s) ? i.t('edit.row', { n: Number(s) + 1 }) : label(i, s))).join(' › ');
}

/** The closest rendered field (or group) of a path, for the summary's link. */
function target(f: FormCtx, path: string): string {
  for (let p = path; ; p = p.split('.').slice(0, -1).join('.')) {
    if (f.rendered.has(p) || !p) return p;
  }
}

/** Messages the script needs, in the page's language. */
export function clientMessages(i: I18n) {
  return JSON.stringify({
    remove: i.t('edit.remove'), added: i.t('edit.rowAdded'), removed: i.t('edit.rowRemoved'), none: i.t('edit.ref.none'),
    count: i.forms('edit.ref.count'), current: i.t('edit.ref.current', { name: '{name}' }),
  });
}

export interface EditView {
  i: I18n;
  kind: PluralKind;
  /** null when creating */
  id: string | null;
  title: string;
  f: FormCtx;
  version: number | null;
  /** the values the form was opened with (JSON), for the conflict screen's "who changed what" */
  base: string | null;
  csrf: string | null;
  notice?: { kind: 'error' | 'info'; key: MessageKey } | null;
}

export async function EditPage(props: { v: EditView }) {
  const { v } = props;
  const { i, f } = v;
  const Form = FORMS[v.kind];
  // the form first, so that the summary knows which fields exist
  const body = raw(await (<Form f={f} />).toString());
  const errors = Object.entries(f.errors);
  const action = v.id ? `/edit/${v.kind}/${encodeURIComponent(v.id)}` : `/new/${v.kind}`;
  const back = v.id ? i.path(`/${v.kind}/${encodeURIComponent(v.id)}`) : i.path('/');
  return (
    <Layout i={i} meta={{ title: v.title, path: action, noindex: true, scripts: ['edit'] }}>
      <header class="sheet-header">
        <p class="kicker">{i.t(v.id ? 'edit.kicker' : 'edit.kicker.new')}</p>
        <h1>{v.title}</h1>
        <p class="lead">{i.t('edit.lead')}</p>
      </header>
      {v.notice && <div class={`notice notice-${v.notice.kind}`} role={v.notice.kind === 'error' ? 'alert' : 'status'}><p>{i.t(v.notice.key)}</p></div>}
      {errors.length > 0 && (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary" aria-labelledby="error-summary-h" autofocus={f.focus ? undefined : true}>
          <h2 id="error-summary-h">{i.plural('edit.errors.title', errors.length)}</h2>
          <ul>{errors.map(([path, message]) => <li><a href={`#${fieldId(target(f, path))}`}>{pathLabel(i, path)} : {message}</a></li>)}</ul>
        </div>
      )}
      <form method="post" action={i.path(action)} enctype="application/x-www-form-urlencoded" class="edit-form" novalidate data-messages={clientMessages(i)}>
        {/* Enter in a field saves (the first submit button is the default one, before any "add a line") */}
        <button type="submit" name="_action" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">{i.t('edit.save')}</button>
        <CsrfField token={v.csrf} />
        {v.version !== null && <input type="hidden" name="version" value={String(v.version)} />}
        {v.base && <input type="hidden" name="_base" value={v.base} />}
        <p class="hint no-js-only">{i.t('edit.removeHelp')}</p>
        {body}
        <DataLists f={f} />
        <p class="form-actions">
          <button type="submit" name="_action" value="save">{i.t(v.id ? 'edit.save' : 'edit.create')}</button>
          <a href={back}>{i.t(v.id ? 'edit.cancel' : 'edit.cancel.new')}</a>
        </p>
      </form>
      <p class="visually-hidden" id="edit-live" aria-live="polite"></p>
    </Layout>
  );
}

export function ForbiddenPage(props: { i: I18n; message: MessageKey; back: string; path: string; children?: Child }) {
  const { i } = props;
  return (
    <Layout i={i} meta={{ title: i.t('edit.forbidden.title'), path: props.path, noindex: true }}>
      <h1>{i.t('edit.forbidden.title')}</h1>
      <p role="alert">{i.t(props.message)}</p>
      <p><a href={props.back}>{i.t('edit.back')}</a></p>
    </Layout>
  );
}
