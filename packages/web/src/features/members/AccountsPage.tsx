/**
 * /admin/comptes: platform administrators search accounts (e-mail or name) and see each one's roles in words,
 * creation date and state; they disable or enable an account, and grant or revoke roles (the organisation
 * picked by name from a <datalist>, or by id). Plain forms: no JavaScript needed.
 */
import type { AccountRow } from '../../../../server/src/features/members/admin-accounts.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { I18n } from '../../i18n/index.js';
import { grantPhrase } from '@tandem/shared';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Notice } from '../auth/form.js';
import { membersPath } from './MembersPage.js';

export const ACCOUNTS_PATH = '/admin/comptes';

export interface AccountsView {
  q: string; items: AccountRow[]; total: number; limit: number; me: string; csrf: string | null;
  organisations: Array<{ id: string; name: string }>;
  done?: string | null; problem?: MessageKey | null;
  /** the grant form that failed, re-opened with its values and error */
  grantError?: { accountId: string; role: string; organisation: string; message: string };
}

const ROLES = ['member', 'network_admin', 'platform_admin'] as const;

function Hidden(props: { v: AccountsView; action: string; fields: Record<string, string> }) {
  return <>
    <CsrfField token={props.v.csrf} />
    <input type="hidden" name="action" value={props.action} />
    <input type="hidden" name="q" value={props.v.q} />
    {Object.entries(props.fields).map(([k, val]) => <input type="hidden" name={k} value={val} />)}
  </>;
}

function GrantForm(props: { i: I18n; v: AccountsView; a: AccountRow }) {
  const { i, v, a } = props;
  const failed = v.grantError?.accountId === a.id ? v.grantError : undefined;
  const id = `g-${a.id}`;
  return (
    <details class="grant-form" open={!!failed}>
      <summary aria-label={i.t('admin.accounts.grant', { email: a.email })}>{i.t('admin.accounts.grant.short')}</summary>
      <form method="post" action={i.path(ACCOUNTS_PATH)} class="stack-form">
        <Hidden v={v} action="grant" fields={{ accountId: a.id }} />
        <div class="field">
          <label for={`${id}-role`}>{i.t('admin.accounts.grant.role')}</label>
          <select id={`${id}-role`} name="role">{ROLES.map((r) => <option value={r} selected={r === (failed?.role ?? 'member')}>{i.l('accountRole', r)}</option>)}</select>
        </div>
        <div class={failed ? 'field field-invalid' : 'field'}>
          <label for={`${id}-org`}>{i.t('admin.accounts.grant.org')}</label>
          <p class="field-hint" id={`${id}-org-hint`}>{i.t('admin.accounts.grant.org.hint')}</p>
          {failed && <p class="field-error" id={`${id}-org-error`}>{failed.message}</p>}
          <input id={`${id}-org`} name="organisation" type="text" list="dl-orgs" autocomplete="off" value={failed?.organisation ?? ''}
            aria-invalid={failed ? 'true' : undefined} aria-describedby={failed ? `${id}-org-hint ${id}-org-error` : `${id}-org-hint`} />
        </div>
        <p><button type="submit" class="secondary">{i.t('admin.accounts.grant.submit')}</button></p>
      </form>
    </details>
  );
}

function AccountRowView(props: { i: I18n; v: AccountsView; a: AccountRow }) {
  const { i, v, a } = props;
  return (
    <tr>
      <td class="email" data-label={i.t('members.col.email')}>{a.email}<br /><span class="muted">{a.name}</span></td>
      <td data-label={i.t('admin.accounts.col.roles')}>
        {a.grants.length ? <ul class="grant-list">{a.grants.map((g) => (
          <li>
            {g.organisationId ? <a href={i.path(membersPath(g.organisationId))}>{grantPhrase(i.lang, g.role, g.organisationName ?? g.organisationId)}</a> : grantPhrase(i.lang, g.role, null)}{' '}
            <form method="post" action={i.path(ACCOUNTS_PATH)} class="inline-form">
              <Hidden v={v} action="revoke" fields={{ accountId: a.id, role: g.role, organisationId: g.organisationId ?? '' }} />
              <button type="submit" class="link-button danger" aria-label={`${i.t('admin.accounts.revoke', { role: grantPhrase(i.lang, g.role, g.organisationName) })} (${a.email})`}>
                {i.t('admin.accounts.revoke', { role: i.l('accountRole', g.role) })}
              </button>
            </form>
          </li>
        ))}</ul> : <span class="muted">{i.t('admin.accounts.noroles')}</span>}
        <GrantForm i={i} v={v} a={a} />
      </td>
      <td data-label={i.t('admin.accounts.col.created')}>{i.when(a.createdAt)}</td>
      <td data-label={i.t('admin.accounts.col.state')}>{a.disabledAt ? i.t('admin.accounts.disabledOn', { date: i.when(a.disabledAt) }) : i.t('admin.accounts.active')}</td>
      <td class="row-actions">{a.id !== v.me && (
        <form method="post" action={i.path(ACCOUNTS_PATH)}>
          <Hidden v={v} action={a.disabledAt ? 'enable' : 'disable'} fields={{ accountId: a.id }} />
          <button type="submit" class={a.disabledAt ? 'secondary' : 'secondary danger'} aria-label={i.t(a.disabledAt ? 'admin.accounts.enable' : 'admin.accounts.disable', { email: a.email })}>
            {i.t(a.disabledAt ? 'admin.accounts.enable.short' : 'admin.accounts.disable.short')}
          </button>
        </form>
      )}</td>
    </tr>
  );
}

export function AccountsPage(props: { i: I18n; v: AccountsView }) {
  const { i, v } = props;
  return (
    <Layout i={i} meta={{ title: i.t('admin.accounts.title'), path: ACCOUNTS_PATH, noindex: true }}>
      <h1>{i.t('admin.accounts.title')}</h1>
      <p class="lead">{i.t('admin.accounts.lead')}</p>
      {v.done && <Notice kind="success"><p>{i.t(`admin.accounts.done.${v.done}` as MessageKey)}</p></Notice>}
      {v.problem && <Notice kind="error"><p>{i.t(v.problem)}</p></Notice>}
      <form method="get" action={i.path(ACCOUNTS_PATH)} class="accounts-search" role="search">
        <div class="field">
          <label for="f-q">{i.t('admin.accounts.search')}</label>
          <input id="f-q" name="q" type="search" value={v.q} />
        </div>
        <button type="submit">{i.t('admin.accounts.search.submit')}</button>
      </form>
      <p aria-live="polite">{i.plural('admin.accounts.found', v.total)}{v.total > v.items.length ? ` — ${i.t('admin.accounts.first', { max: i.num(v.items.length) })}` : ''}</p>
      <div class="table-scroll">
        <table class="data accounts stacked">
          <caption class="visually-hidden">{i.t('admin.accounts.title')}</caption>
          <thead><tr>
            <th scope="col">{i.t('members.col.email')}</th><th scope="col">{i.t('admin.accounts.col.roles')}</th>
            <th scope="col">{i.t('admin.accounts.col.created')}</th><th scope="col">{i.t('admin.accounts.col.state')}</th><th scope="col">{i.t('members.col.actions')}</th>
          </tr></thead>
          <tbody>{v.items.map((a) => <AccountRowView i={i} v={v} a={a} />)}</tbody>
        </table>
      </div>
      <datalist id="dl-orgs">{v.organisations.map((o) => <option value={o.name}>{o.id}</option>)}</datalist>
    </Layout>
  );
}
