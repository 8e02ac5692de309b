/** Sign-in, password reset and invitation pages: plain forms that work without JavaScript. */
import type { Grant } from '../../../../server/src/lib/actor.js';
import type { I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { ErrorSummary, Field, Notice, type Errors } from './form.js';

const MIN = 12;

export function LoginPage(props: { i: I18n; email?: string; errors?: Errors; returnTo?: string | null; oidc?: { label: string } | null; notice?: string; signedInAs?: string }) {
  const { i, errors = {} } = props;
  const oidcHref = `/auth/oidc/login?lang=${i.lang}${props.returnTo ? `&returnTo=${encodeURIComponent(props.returnTo)}` : ''}`;
  return (
    <Layout i={i} meta={{ title: i.t('auth.login.title'), path: '/login', noindex: true }}>
      <div class="auth-page">
        <h1>{i.t('auth.login.title')}</h1>
        <p class="lead">{i.t('auth.login.lead')}</p>
        {props.signedInAs && <Notice kind="info"><p>{i.t('auth.login.already', { name: props.signedInAs })} <a href={i.path('/account')}>{i.t('auth.account')}</a></p></Notice>}
        {props.notice && <Notice kind="error"><p>{props.notice}</p></Notice>}
        <ErrorSummary i={i} errors={errors} />
        {props.oidc && <>
          <p><a class="button" href={oidcHref}>{i.t('auth.login.oidc', { provider: props.oidc.label })}</a></p>
          <p class="muted">{i.t('auth.login.oidc.help', { provider: props.oidc.label })}</p>
          <h2>{i.t('auth.login.or')}</h2>
        </>}
        <form method="post" action={i.path('/login')} novalidate class="stack-form">
          <CsrfField />
          {props.returnTo && <input type="hidden" name="returnTo" value={props.returnTo} />}
          <Field name="email" type="email" label={i.t('auth.email')} value={props.email} error={errors.email} autocomplete="username" required />
          <Field name="password" type="password" label={i.t('auth.password')} error={errors.password} autocomplete="current-password" required />
          <p><button type="submit">{i.t('auth.login.submit')}</button></p>
        </form>
        <p><a href={i.path('/password-reset')}>{i.t('auth.login.forgot')}</a></p>
      </div>
    </Layout>
  );
}

export function ResetRequestPage(props: { i: I18n; email?: string; errors?: Errors; sentTo?: string }) {
  const { i, errors = {} } = props;
  return (
    <Layout i={i} meta={{ title: i.t('auth.reset.title'), path: '/password-reset', noindex: true }}>
      <div class="auth-page">
        <h1>{i.t('auth.reset.title')}</h1>
        {props.sentTo ? <Notice kind="success"><p>{i.t('auth.reset.sent', { email: props.sentTo })}</p></Notice> : <>
          <p class="lead">{i.t('auth.reset.lead')}</p>
          <ErrorSummary i={i} errors={errors} />
          <form method="post" action={i.path('/password-reset')} novalidate class="stack-form">
            <CsrfField />
            <Field name="email" type="email" label={i.t('auth.email')} value={props.email} error={errors.email} autocomplete="email" required />
            <p><button type="submit">{i.t('auth.reset.submit')}</button></p>
          </form>
        </>}
        <p><a href={i.path('/login')}>{i.t('auth.signin')}</a></p>
      </div>
    </Layout>
  );
}

function NewPasswordFields(props: { i: I18n; errors: Errors; label?: string }) {
  const { i, errors } = props;
  return <>
    <Field name="password" type="password" label={props.label ?? i.t('auth.password.new')} hint={i.t('auth.password.hint')} error={errors.password} autocomplete="new-password" required />
    <Field name="confirm" type="password" label={i.t('auth.password.confirm')} error={errors.confirm} autocomplete="new-password" required />
  </>;
}

export function ResetConfirmPage(props: { i: I18n; token: string; email: string; errors?: Errors }) {
  const { i, errors = {} } = props;
  return (
    <Layout i={i} meta={{ title: i.t('auth.reset.new.title'), path: '/password-reset', noindex: true }}>
      <div class="auth-page">
        <h1>{i.t('auth.reset.new.title')}</h1>
        <ErrorSummary i={i} errors={errors} />
        <form method="post" action={i.path(`/password-reset/${props.token}`)} novalidate class="stack-form">
          <CsrfField />
          <Field name="email" type="email" label={i.t('auth.email')} value={props.email} autocomplete="username" readonly />
          <NewPasswordFields i={i} errors={errors} />
          <p><button type="submit">{i.t('auth.reset.new.submit')}</button></p>
        </form>
      </div>
    </Layout>
  );
}

/** A reset or invitation link that no longer works. */
export function InvalidLinkPage(props: { i: I18n; kind: 'reset' | 'invite' }) {
  const { i } = props;
  const title = props.kind === 'reset' ? i.t('auth.reset.new.title') : i.t('auth.invite.title');
  return (
    <Layout i={i} meta={{ title, path: props.kind === 'reset' ? '/password-reset' : '/login', noindex: true }}>
      <div class="auth-page">
        <h1>{title}</h1>
        <Notice kind="error"><p>{props.kind === 'reset' ? i.t('auth.reset.invalid') : i.t('auth.invite.invalid')}</p></Notice>
        <p>{props.kind === 'reset' ? <a href={i.path('/password-reset')}>{i.t('auth.reset.again')}</a> : <a href={i.path('/login')}>{i.t('auth.signin')}</a>}</p>
      </div>
    </Layout>
  );
}

export function GrantList(props: { i: I18n; grants: Grant[]; orgNames: Record<string, string>; withMembers?: boolean }) {
  const { i } = props;
  return (
    <ul class="grant-list">
      {props.grants.map((g) => <li>
        <strong>{i.l('accountRole', g.role)}</strong>{' — '}
        {g.organisationId ? <a href={i.path(`/organisations/${g.organisationId}`)}>{props.orgNames[g.organisationId] ?? g.organisationId}</a> : i.t('auth.account.platform')}
        {g.organisationId && props.withMembers && <>{' · '}<a href={i.path(`/espace/organisations/${encodeURIComponent(g.organisationId)}/membres`)}>{i.t('members.link')}</a></>}
      </li>)}
    </ul>
  );
}

export function InvitationPage(props: { i: I18n; token: string; email: string; grants: Grant[]; orgNames: Record<string, string>; existing: boolean; name?: string; errors?: Errors }) {
  const { i, errors = {} } = props;
  return (
    <Layout i={i} meta={{ title: i.t('auth.invite.title'), path: '/login', noindex: true }}>
      <div class="auth-page">
        <h1>{i.t('auth.invite.title')}</h1>
        <p class="lead">{i.t('auth.invite.lead', { email: props.email })}</p>
        {props.grants.length > 0 && <><h2>{i.t('auth.invite.roles')}</h2><GrantList i={i} grants={props.grants} orgNames={props.orgNames} /></>}
        <ErrorSummary i={i} errors={errors} />
        <form method="post" action={i.path(`/invitations/${props.token}`)} novalidate class="stack-form">
          <CsrfField />
          {props.existing ? <p>{i.t('auth.invite.existing')}</p> : <>
            <Field name="email" type="email" label={i.t('auth.email')} value={props.email} autocomplete="username" readonly />
            <Field name="name" label={i.t('auth.name')} value={props.name} error={errors.name} autocomplete="name" required />
            <NewPasswordFields i={i} errors={errors} label={i.t('auth.password')} />
          </>}
          <p><button type="submit">{props.existing ? i.t('auth.invite.accept') : i.t('auth.invite.submit')}</button></p>
        </form>
      </div>
    </Layout>
  );
}

/** Field errors for a new password and its confirmation, in the page's language. */
export function passwordErrors(i: I18n, password: string, confirm: string): Errors {
  const errors: Errors = {};
  if ([...password].length < MIN) errors.password = i.t('auth.error.password.short', { n: MIN });
  else if (password !== confirm) errors.confirm = i.t('auth.error.password.mismatch');
  return errors;
}
