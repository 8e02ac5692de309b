/**
 * The organisers' programme editor, /espace/events/:id/programme: the sessions in order, each with « edit », « move
 * up », « move down » and « delete » (small POST forms with CSRF), then one form to add a session, or to edit the one
 * chosen (?edit=<id>). Lead organisations are typed ids with a datalist (a combobox with client/edit.ts); lead people
 * are picked among the people of the host organisations. Works without JavaScript; errors next to their field.
 */
import { sessionKinds } from '@tandem/shared';
import type { Session } from '../../../../server/src/features/events/programme.service.js';
import { eventZone } from '../../../../server/src/features/events/calendar.js';
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Field, errorKey, type Errors } from '../contacts/parts.js';
import { sessionHours } from './Programme.js';

export interface Person { id: string; name: string; role_title: string | null; organisation_name: string }
export interface EditorView {
  e: any; sessions: Session[]; editing: Session | null; orgs: Array<{ id: string; name: string }>; people: Person[];
  /** the values sent back after an error, else those of the session edited */
  values: { [k: string]: string | string[] } | null; errors: Errors; notice: { kind: 'error' | 'success'; text: string } | null;
}

export const editorPath = (i: I18n, eventId: string) => i.path(`/espace/events/${encodeURIComponent(eventId)}/programme`);

/** The form's values of a stored session. */
export function sessionValues(s: Session): Record<string, string | string[]> {
  return {
    kind: s.kind, title: s.title, description: s.description ?? '', day: s.day ?? '', startTime: s.startTime ?? '', endTime: s.endTime ?? '',
    room: s.room ?? '', onlineUrl: s.onlineUrl ?? '', capacity: s.capacity == null ? '' : String(s.capacity), version: String(s.version),
    org: s.leads.filter((l) => l.kind === 'organisation').map((l) => l.id), person: s.leads.filter((l) => l.kind === 'person').map((l) => l.id),
  };
}

function SessionRow(props: { i: I18n; v: EditorView; s: Session; first: boolean; last: boolean }) {
  const { i, v, s } = props;
  const lang = textLang(i);
  const action = editorPath(i, v.e.id);
  const button = (act: string, key: MessageKey, cls?: string) => (
    <form method="post" action={action} class="inline-form">
      <CsrfField />
      <input type="hidden" name="sessionId" value={s.id} />
      <input type="hidden" name="version" value={String(s.version)} />
      <button type="submit" name="_action" value={act} class={cls} aria-label={`${i.t(key)} « ${s.title} »`}>{i.t(key)}</button>
    </form>
  );
  return (
    <li class="editor-session">
      <p><strong lang={lang}>{s.title}</strong> <span class="session-kind">{i.l('sessionKind', s.kind)}</span></p>
      <p class="muted">{[s.day ? i.date(s.day) : i.t('programme.undated'), sessionHours(i, s), s.room].filter(Boolean).join(' · ')}</p>
      <div class="editor-actions">
        <a href={`${action}?edit=${encodeURIComponent(s.id)}#session-form-h`} aria-label={`${i.t('programme.editor.edit')} « ${s.title} »`}>{i.t('programme.editor.edit')}</a>
        {!props.first && button('up', 'programme.editor.up', 'secondary')}
        {!props.last && button('down', 'programme.editor.down', 'secondary')}
        {button('delete', 'programme.editor.delete', 'secondary danger')}
      </div>
    </li>
  );
}

function SessionForm(props: { i: I18n; v: EditorView }) {
  const { i, v } = props;
  const vals = v.values ?? {};
  const one = (k: string) => { const x = vals[k]; return Array.isArray(x) ? x[0] ?? '' : x ?? ''; };
  const many = (k: string) => { const x = vals[k]; return Array.isArray(x) ? x : x ? [x] : []; };
  const err = (k: string) => v.errors[errorKey('form', k)];
  const orgs = many('org');
  const orgSlots = [...orgs.filter(Boolean), '', ''].slice(0, Math.max(2, orgs.filter(Boolean).length + 1));
  const chosen = new Set(many('person'));
  const names = new Map(v.orgs.map((o) => [o.id, o.name]));
  const text = (name: string, key: MessageKey, o: { type?: string; max?: number; required?: boolean; hint?: string } = {}) => (
    <Field i={i} id={`s-${name}`} label={i.t(key)} required={o.required} hint={o.hint} error={err(name)}>
      {(aria) => <input type={o.type ?? 'text'} id={`s-${name}`} name={name} value={one(name)} maxlength={o.max} autocomplete="off" {...aria} />}
    </Field>
  );
  return (
    <section aria-labelledby="session-form-h">
      <h2 id="session-form-h">{v.editing ? i.t('programme.editor.editing', { title: v.editing.title }) : i.t('programme.editor.add')}</h2>
      <form method="post" action={editorPath(i, v.e.id)} class="edit-form" novalidate>
        <CsrfField />
        {v.editing && <><input type="hidden" name="sessionId" value={v.editing.id} /><input type="hidden" name="version" value={one('version')} /></>}
        <div class="form-grid">
          <Field i={i} id="s-kind" label={i.t('programme.field.kind')} error={err('kind')}>
            {(aria) => <select id="s-kind" name="kind" {...aria}>{sessionKinds.map((k) => <option value={k} selected={(one('kind') || 'workshop') === k}>{i.l('sessionKind', k)}</option>)}</select>}
          </Field>
          {text('title', 'programme.field.title', { max: 300, required: true })}
          {text('day', 'programme.field.day', { type: 'date' })}
          {text('startTime', 'programme.field.startTime', { type: 'time', hint: i.t('programme.field.hours.hint') })}
          {text('endTime', 'programme.field.endTime', { type: 'time' })}
          {text('room', 'programme.field.room', { max: 200 })}
          {text('onlineUrl', 'programme.field.onlineUrl', { type: 'url', max: 2000 })}
          {text('capacity', 'programme.field.capacity', { type: 'number', hint: i.t('programme.field.capacity.hint') })}
        </div>
        <Field i={i} id="s-description" label={i.t('programme.field.description')} error={err('description')}>
          {(aria) => <textarea id="s-description" name="description" rows={4} maxlength={5000} {...aria}>{one('description')}</textarea>}
        </Field>
        <fieldset class="group">
          <legend>{i.t('programme.field.orgs')}</legend>
          <p class="hint">{i.t('programme.field.orgs.hint')}</p>
          {orgSlots.map((o, n) => (
            <Field i={i} id={`s-org-${n}`} label={i.t('programme.field.org', { n: n + 1 })} error={err(`leads.${n}.organisationId`)}>
              {(aria) => <>
                <input type="text" id={`s-org-${n}`} name="org" value={o} list="dl-organisations" data-autocomplete="organisations" data-lang={i.lang} autocomplete="off" spellcheck={false} {...aria} />
                <p class="ref-name" id={`s-org-${n}-name`} aria-live="polite">{o && names.get(o) ? i.t('edit.ref.current', { name: names.get(o)! }) : ''}</p>
              </>}
            </Field>
          ))}
        </fieldset>
        <fieldset class="group">
          <legend>{i.t('programme.field.people')}</legend>
          <p class="hint">{i.t('programme.field.people.hint')}</p>
          {err('leads') && <p class="field-error">{err('leads')}</p>}
          {v.people.length ? <ul class="checks">{v.people.map((p) => (
            <li><label><input type="checkbox" name="person" value={p.id} checked={chosen.has(p.id)} /> {[p.name, p.role_title, p.organisation_name].filter(Boolean).join(' — ')}</label></li>
          ))}</ul> : <p class="muted">{i.t('programme.field.noPeople')}</p>}
        </fieldset>
        <p class="form-actions">
          <button type="submit" name="_action" value={v.editing ? 'save' : 'create'}>{i.t(v.editing ? 'programme.editor.save' : 'programme.editor.create')}</button>
          {v.editing && <a href={editorPath(i, v.e.id)}>{i.t('programme.editor.cancel')}</a>}
        </p>
        <datalist id="dl-organisations">{v.orgs.map((o) => <option value={o.id}>{o.name}</option>)}</datalist>
      </form>
    </section>
  );
}

export function ProgrammeEditor(props: { i: I18n; v: EditorView }) {
  const { i, v } = props;
  const title = i.t('programme.editor.title', { title: v.e.title });
  return (
    <Layout i={i} meta={{ title, path: `/espace/events/${encodeURIComponent(v.e.id)}/programme`, noindex: true, scripts: ['edit'] }}>
      <header class="sheet-header">
        <p class="kicker">{i.t('programme.editor.kicker')}</p>
        <h1>{title}</h1>
        <p class="lead">{i.t('programme.editor.lead', { zone: eventZone(v.e) ?? 'UTC' })}</p>
      </header>
      {v.notice && <div class={`notice notice-${v.notice.kind}`} role={v.notice.kind === 'error' ? 'alert' : 'status'}><p>{v.notice.text}</p></div>}
      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">{i.t('programme.editor.list')}</h2>
        {v.sessions.length ? <ol class="editor-sessions">{v.sessions.map((s, n) => <SessionRow i={i} v={v} s={s} first={n === 0} last={n === v.sessions.length - 1} />)}</ol>
          : <p>{i.t('programme.empty')}</p>}
      </section>
      <SessionForm i={i} v={v} />
      <p class="form-actions"><a href={i.path(`/events/${encodeURIComponent(v.e.id)}#programme-h`)}>{i.t('programme.editor.back')}</a></p>
    </Layout>
  );
}
