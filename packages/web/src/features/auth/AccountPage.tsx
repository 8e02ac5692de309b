/** /account: who I am, my roles, administration links (platform administrators), my API tokens (create, revoke; a new token's value shown once). */
import { isPlatformAdmin, type Actor } from '../../../../server/src/lib/actor.js';
import type { ApiTokenInfo } from '../../../../server/src/features/auth/api-tokens.js';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Field, Notice, type Errors } from './form.js';
import { GrantList } from './AuthPages.js';

const SCOPES = ['read', 'write'] as const;

export function AccountPage(props: {
  i: I18n; actor: Actor; tokens: ApiTokenInfo[]; orgNames: Record<string, string>;
  created?: { name: string; token: string }; errors?: Errors; form?: { name?: string; scopes?: string[] };
}) {
  const { i, actor, errors = {} } = props;
  const when = (d: string | null) => (d ? i.when(d, true) : i.t('auth.account.token.never'));
  const chosen = new Set(props.form?.scopes ?? ['read']);
  return (
    <Layout i={i} meta={{ title: i.t('auth.account.title'), path: '/account', noindex: true }}>
      <h1>{i.t('auth.account.title')}</h1>
      <section aria-labelledby="identity-h">
        <h2 id="identity-h">{i.t('auth.account.identity')}</h2>
        <dl class="facts">
          <div><dt>{i.t('auth.name')}</dt><dd>{actor.name || '—'}</dd></div>
          <div><dt>{i.t('auth.email')}</dt><dd>{actor.email}</dd></div>
        </dl>
      </section>
      <section aria-labelledby="roles-h">
        <h2 id="roles-h">{i.t('auth.account.roles')}</h2>
        {actor.grants.length ? <GrantList i={i} grants={actor.grants} orgNames={props.orgNames} withMembers /> : <p>{i.t('auth.account.noroles')}</p>}
      </section>
      {isPlatformAdmin(actor) && <section aria-labelledby="admin-h">
        <h2 id="admin-h">{i.t('auth.account.admin')}</h2>
        <ul><li><a href={i.path('/admin/import')}>{i.t('admin.import.title')}</a></li><li><a href={i.path('/admin/comptes')}>{i.t('admin.accounts.title')}</a></li></ul>
      </section>}
      <section aria-labelledby="tokens-h">
        <h2 id="tokens-h">{i.t('auth.account.tokens')}</h2>
        <p class="muted">{i.t('auth.account.tokens.lead')}</p>
        {props.created && <Notice kind="success">
          <p><label for="new-token">{i.t('auth.account.token.shown', { name: props.created.name })}</label></p>
          <input id="new-token" class="token-value" type="text" readonly value={props.created.token} />
        </Notice>}
        {props.tokens.length ? (
          <table class="data">
            <thead><tr>
              <th scope="col">{i.t('auth.account.token.name')}</th><th scope="col">{i.t('auth.account.token.scopes')}</th>
              <th scope="col">{i.t('auth.account.token.created')}</th><th scope="col">{i.t('auth.account.token.used')}</th><th scope="col"><span class="visually-hidden">{i.t('auth.account.token.revoke')}</span></th>
            </tr></thead>
            <tbody>{props.tokens.map((t) => <tr>
              <td>{t.name}</td><td>{t.scopes.join(', ')}</td><td>{when(t.createdAt)}</td><td>{when(t.lastUsedAt)}</td>
              <td><form method="post" action={i.path(`/account/tokens/${t.id}/revoke`)} class="inline-form">
                <CsrfField />
                <button type="submit" class="secondary" aria-label={i.t('auth.account.token.revokeLabel', { name: t.name })}>{i.t('auth.account.token.revoke')}</button>
              </form></td>
            </tr>)}</tbody>
          </table>
        ) : <p>{i.t('auth.account.tokens.none')}</p>}
        <h3>{i.t('auth.account.token.new.title')}</h3>
        <ErrorSummary i={i} errors={errors} />
        <form method="post" action={i.path('/account/tokens')} novalidate class="stack-form">
          <CsrfField />
          <Field name="name" label={i.t('auth.account.token.name')} value={props.form?.name} error={errors.name} autocomplete="off" required />
          <fieldset id="f-scopes" aria-describedby={errors.scopes ? 'f-scopes-error' : undefined}>
            <legend>{i.t('auth.account.token.scopes')}</legend>
            {errors.scopes && <p class="field-error" id="f-scopes-error">{errors.scopes}</p>}
            {SCOPES.map((s) => <div class="check">
              <input type="checkbox" id={`scope-${s}`} name="scopes" value={s} checked={chosen.has(s)} />
              <label for={`scope-${s}`}>{s} — {i.t(`scope.${s}`)}</label>
            </div>)}
          </fieldset>
          <p><button type="submit">{i.t('auth.account.token.create')}</button></p>
        </form>
      </section>
    </Layout>
  );
}
