/**
 * /espace/groups/:id: the group's managers change its profile (kind, country, themes, parent, agenda, vacant roles,
 * offices, funders) and its members (add, change the role, remove). Plain POST forms with the CSRF field.
 */
import type { GroupView } from '../../../../server/src/features/groups/groups.service.js';
import { groupKinds, membershipRoles } from '../../../../server/src/features/groups/groups.schema.js';
import type { MessageKey } from '../../i18n/fr.js';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Notice } from '../auth/form.js';
import { roleText } from './GroupPage.js';

export const managePath = (id: string) => `/espace/groups/${encodeURIComponent(id)}`;

function Field(props: { id: string; label: string; hint?: string; value: string; multiline?: boolean; rows?: number }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.multiline
        ? <textarea id={props.id} name={props.id} rows={props.rows ?? 4} aria-describedby={props.hint ? `${props.id}-hint` : undefined}>{props.value}</textarea>
        : <input id={props.id} name={props.id} value={props.value} aria-describedby={props.hint ? `${props.id}-hint` : undefined} />}
    </div>
  );
}

function RoleSelect(props: { i: I18n; id: string; value: string }) {
  return <select id={props.id} name="role">{membershipRoles.map((r) => <option value={r} selected={r === props.value}>{roleText(props.i, r)}</option>)}</select>;
}

export function ManagePage(props: { i: I18n; g: GroupView; csrf: string | null; done?: boolean; problem?: string | null }) {
  const { i, g, csrf } = props;
  const lang = textLang(i);
  const action = i.path(managePath(g.id));
  return (
    <Layout i={i} meta={{ title: i.t('groups.espace.title', { name: g.name }), path: managePath(g.id), noindex: true }}>
      <h1>{i.t('groups.espace.title', { name: g.name })}</h1>
      <p><a href={i.path(`/groups/${encodeURIComponent(g.id)}`)} lang={lang}>{g.name}</a></p>
      {props.done && <Notice kind="success"><p>{i.t('groups.espace.done')}</p></Notice>}
      {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
      <form method="post" action={action} class="group-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="action" value="profile" />
        <input type="hidden" name="version" value={String(g.version)} />
        <fieldset class="group">
          <legend>{i.t('groups.espace.profile')}</legend>
          <div class="field">
            <label for="groupKind">{i.t('groups.kind')}</label>
            <select id="groupKind" name="groupKind">{groupKinds.map((k) => <option value={k} selected={k === g.groupKind}>{i.t(`groups.kind.${k}` as MessageKey)}</option>)}</select>
          </div>
          <Field id="country" label={i.t('groups.country')} hint={i.t('groups.espace.country.hint')} value={g.country ?? ''} />
          <Field id="themes" label={i.t('groups.themes')} hint={i.t('groups.espace.themes.hint')} value={g.themes.join(', ')} />
          <Field id="parentId" label={i.t('groups.espace.parent')} value={g.parentId ?? ''} />
          <Field id="agenda" label={i.t('groups.agenda')} hint={i.t('groups.espace.agenda.hint')} value={g.agenda ?? ''} multiline rows={10} />
          <Field id="vacantRoles" label={i.t('groups.vacant')} hint={i.t('groups.espace.vacant.hint')} value={g.vacantRoles.join(', ')} />
          <Field id="offices" label={i.t('groups.espace.offices')} hint={i.t('groups.espace.offices.hint')} multiline rows={3}
            value={g.offices.map((o) => [o.name, o.address ?? ''].join(' | ')).join('\n')} />
          <Field id="funderIds" label={i.t('groups.espace.funders')} hint={i.t('groups.espace.funders.hint')} multiline rows={3} value={g.funders.map((f) => f.id).join(', ')} />
          <p><button type="submit">{i.t('groups.espace.save')}</button></p>
        </fieldset>
      </form>
      <h2>{i.t('groups.memberList')}</h2>
      <ul class="group-members group-manage-members">
        {g.memberList.map((m) => (
          <li>
            <p lang={lang}>{m.name}</p>
            <form method="post" action={action} class="inline-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="action" value="role" />
              <input type="hidden" name="organisationId" value={m.id} />
              <label for={`role-${m.id}`} class="visually-hidden">{i.t('groups.espace.role')}</label>
              <RoleSelect i={i} id={`role-${m.id}`} value={m.role} />
              <button type="submit">{i.t('groups.espace.change')}</button>
            </form>
            <form method="post" action={action} class="inline-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="action" value="remove" />
              <input type="hidden" name="organisationId" value={m.id} />
              <button type="submit" class="link-button danger" aria-label={i.t('groups.espace.remove', { name: m.name })}>{i.t('groups.espace.remove.short')}</button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={action} class="group-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="action" value="add" />
        <fieldset class="group">
          <legend>{i.t('groups.espace.add')}</legend>
          <Field id="organisationId" label={i.t('groups.espace.orgId')} value="" />
          <div class="field"><label for="role-new">{i.t('groups.espace.role')}</label><RoleSelect i={i} id="role-new" value="member" /></div>
          <Field id="since" label={i.t('groups.espace.since')} value="" />
          <p><button type="submit">{i.t('groups.espace.addButton')}</button></p>
        </fieldset>
      </form>
    </Layout>
  );
}
