/**
 * /espace/organisations/:id/membres: the members of an organisation (role in words, since), its pending
 * invitations and a form to invite. Plain POST forms with the CSRF field (no JavaScript needed); what each
 * person sees follows their access: administrators change roles, remove and cancel; members invite
 * colleagues as members, cancel their own invitations and may leave.
 */
import type { MembersView } from '../../../../server/src/features/members/members.service.js';
import type { MessageKey } from '../../i18n/fr.js';
import { langNames, langs, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Field, Notice, type Errors } from '../auth/form.js';

export const membersPath = (organisationId: string) => `/espace/organisations/${encodeURIComponent(organisationId)}/membres`;

export interface MembersPageProps {
  i: I18n; v: MembersView; me: string; csrf: string | null;
  done?: string | null; errors?: Errors; problem?: MessageKey | null;
  values?: { email?: string; role?: string; lang?: string };
}

/** The roles one may give within this organisation. */
export const rolesFor = (v: MembersView): Array<'member' | 'network_admin'> =>
  v.access === 'admin' && v.organisation.kind === 'network' ? ['member', 'network_admin'] : ['member'];

function ActionForm(props: { i: I18n; path: string; csrf: string | null; action: string; fields: Record<string, string>; label: string; short?: string; danger?: boolean }) {
  return (
    <form method="post" action={props.i.path(props.path)} class="inline-form">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="action" value={props.action} />
      {Object.entries(props.fields).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      <button type="submit" class={props.danger ? 'link-button danger' : 'link-button'} aria-label={props.short ? props.label : undefined}>{props.short ?? props.label}</button>
    </form>
  );
}

function MemberRows(props: MembersPageProps & { path: string }) {
  const { i, v, me, csrf, path } = props;
  const roles = rolesFor(v);
  return (
    <div class="table-scroll">
      <table class="data members stacked">
        <caption class="visually-hidden">{i.t('members.list')}</caption>
        <thead><tr>
          <th scope="col">{i.t('members.col.name')}</th><th scope="col">{i.t('members.col.email')}</th>
          <th scope="col">{i.t('members.col.role')}</th><th scope="col">{i.t('members.col.since')}</th><th scope="col">{i.t('members.col.actions')}</th>
        </tr></thead>
        <tbody>{v.members.map((m) => {
          const name = m.name || m.email;
          const fid = `role-${m.accountId}`;
          return (
            <tr>
              <td data-label={i.t('members.col.name')}>{name} {m.accountId === me && <span class="muted">{i.t('members.you')}</span>} {m.disabled && <span class="muted">{i.t('members.disabled')}</span>}</td>
              <td class="email" data-label={i.t('members.col.email')}>{m.email}</td>
              <td data-label={i.t('members.col.role')}>{i.l('accountRole', m.role)}</td>
              <td data-label={i.t('members.col.since')}>{i.when(m.since)}</td>
              <td class="row-actions">
                {v.access === 'admin' && roles.length > 1 && (
                  <form method="post" action={i.path(path)} class="inline-form role-form">
                    <CsrfField token={csrf} />
                    <input type="hidden" name="action" value="role" />
                    <input type="hidden" name="accountId" value={m.accountId} />
                    <input type="hidden" name="was" value={m.role} />
                    <label for={fid} class="visually-hidden">{i.t('members.role.label', { name })}</label>
                    <select id={fid} name="role">{roles.map((r) => <option value={r} selected={r === m.role}>{i.l('accountRole', r)}</option>)}</select>
                    <button type="submit" class="secondary">{i.t('members.role.submit')}</button>
                  </form>
                )}
                {m.accountId === me
                  ? <ActionForm i={i} path={path} csrf={csrf} action="remove" fields={{ accountId: m.accountId }} label={i.t('members.leave')} danger />
                  : v.access === 'admin' && <ActionForm i={i} path={path} csrf={csrf} action="remove" fields={{ accountId: m.accountId }} label={i.t('members.remove', { name })} short={i.t('members.remove.short')} danger />}
              </td>
            </tr>
          );
        })}</tbody>
      </table>
    </div>
  );
}

function Invitations(props: MembersPageProps & { path: string }) {
  const { i, v, me, csrf, path } = props;
  if (!v.invitations.length) return <p>{i.t('members.pending.none')}</p>;
  return (
    <div class="table-scroll">
      <table class="data invitations stacked">
        <caption class="visually-hidden">{i.t('members.pending')}</caption>
        <thead><tr>
          <th scope="col">{i.t('members.col.email')}</th><th scope="col">{i.t('members.col.role')}</th><th scope="col">{i.t('members.col.sent')}</th>
          <th scope="col">{i.t('members.col.expires')}</th><th scope="col">{i.t('members.col.by')}</th><th scope="col">{i.t('members.col.actions')}</th>
        </tr></thead>
        <tbody>{v.invitations.map((inv) => (
          <tr>
            <td class="email" data-label={i.t('members.col.email')}>{inv.email}</td><td data-label={i.t('members.col.role')}>{i.l('accountRole', inv.role)}</td>
            <td data-label={i.t('members.col.sent')}>{i.when(inv.sentAt)}</td><td data-label={i.t('members.col.expires')}>{i.when(inv.expiresAt)}</td>
            <td data-label={i.t('members.col.by')}>{inv.invitedByName ?? '—'}</td>
            <td class="row-actions">{(v.access === 'admin' || inv.invitedBy === me) &&
              <ActionForm i={i} path={path} csrf={csrf} action="cancel" fields={{ invitationId: inv.id }} label={i.t('members.cancel', { email: inv.email })} short={i.t('members.cancel.short')} danger />}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}

function InviteForm(props: MembersPageProps & { path: string }) {
  const { i, v, csrf, path } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const roles = rolesFor(v);
  return (
    <section aria-labelledby="invite-h">
      <h2 id="invite-h">{i.t('members.invite')}</h2>
      <p class="muted">{i.t(v.access === 'admin' ? 'members.invite.lead.admin' : 'members.invite.lead.member')}</p>
      <form method="post" action={i.path(path)} class="stack-form" novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="action" value="invite" />
        <Field name="email" type="email" label={i.t('members.invite.email')} value={values.email} error={errors.email} autocomplete="off" required />
        {roles.length > 1 ? (
          <div class={errors.role ? 'field field-invalid' : 'field'}>
            <label for="f-role">{i.t('members.invite.role')}</label>
            {errors.role && <p class="field-error" id="f-role-error">{errors.role}</p>}
            <select id="f-role" name="role" aria-describedby={errors.role ? 'f-role-error' : undefined}>
              {roles.map((r) => <option value={r} selected={r === (values.role ?? 'member')}>{i.l('accountRole', r)}</option>)}
            </select>
          </div>
        ) : <input type="hidden" name="role" value="member" />}
        <div class="field">
          <label for="f-lang">{i.t('members.invite.lang')}</label>
          <select id="f-lang" name="lang">{langs.map((l) => <option value={l} lang={l} selected={l === (values.lang ?? i.lang)}>{langNames[l]}</option>)}</select>
        </div>
        <p><button type="submit">{i.t('members.invite.submit')}</button></p>
      </form>
    </section>
  );
}

export function MembersPage(props: MembersPageProps) {
  const { i, v } = props;
  const path = membersPath(v.organisation.id);
  const org = v.organisation.name;
  return (
    <Layout i={i} meta={{ title: i.t('members.title', { org }), path, noindex: true }}>
      <h1>{i.t('members.title', { org })}</h1>
      <p class="lead">{i.t('members.lead')} <a href={i.path(`/organisations/${encodeURIComponent(v.organisation.id)}`)}>{i.t('members.sheet')}</a></p>
      {v.groups.length > 0 && <p>{i.t('members.groups', { names: v.groups.map((g) => g.name).join(', ') })}</p>}
      {props.done && <Notice kind="success"><p>{i.t(`members.done.${props.done}` as MessageKey)}</p></Notice>}
      {props.problem && <Notice kind="error"><p>{i.t(props.problem)}</p></Notice>}
      <ErrorSummary i={i} errors={props.errors ?? {}} />
      <section aria-labelledby="members-h">
        <h2 id="members-h">{i.t('members.list')} <span class="muted">({i.plural('members.count', v.members.length)})</span></h2>
        {v.members.length ? <MemberRows {...props} path={path} /> : <p>{i.t('members.none')}</p>}
      </section>
      <section aria-labelledby="pending-h">
        <h2 id="pending-h">{i.t('members.pending')}</h2>
        <Invitations {...props} path={path} />
      </section>
      <InviteForm {...props} path={path} />
    </Layout>
  );
}

export function MembersForbiddenPage(props: { i: I18n; path: string; done?: 'left'; text?: MessageKey }) {
  const { i } = props;
  return (
    <Layout i={i} meta={{ title: i.t('members.forbidden.title'), path: props.path, noindex: true }}>
      <h1>{i.t('members.forbidden.title')}</h1>
      {props.done && <Notice kind="success"><p>{i.t('members.done.left')}</p></Notice>}
      <p>{i.t(props.text ?? 'members.forbidden.text')}</p>
      <p><a href={i.path('/account')}>{i.t('auth.account')}</a></p>
    </Layout>
  );
}
