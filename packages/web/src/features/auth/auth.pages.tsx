/**
 * Page handlers of the accounts feature, in fr (no prefix), /en and /vi: the forms post back to the same
 * path; success sets the session cookie and redirects (303), errors re-render the form with them.
 */
import type { Context, Hono } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, type Grant } from '../../../../server/src/lib/actor.js';
import { HttpError, ValidationError } from '../../../../server/src/lib/errors.js';
import { clientIp } from '../../../../server/src/features/audit/audit.js';
import { findAccountByEmail } from '../../../../server/src/features/auth/accounts.js';
import { issueToken, listApiTokens, withdrawToken } from '../../../../server/src/features/auth/api-tokens.js';
import { authSchemas } from '../../../../server/src/features/auth/auth.routes.js';
import { confirmPasswordReset, openSession, RateLimitedError, requestPasswordReset, resetTokenAccount, signIn, signOut } from '../../../../server/src/features/auth/auth.service.js';
import { acceptInvitation, getInvitation } from '../../../../server/src/features/auth/invitations.js';
import { MAIL_LIMITS, MailRateLimitedError } from '../../../../server/src/features/auth/mail-limits.js';
import { oidcSettings } from '../../../../server/src/features/auth/oidc.js';
import { clearSessionCookie, currentSession, setSessionCookie } from '../../../../server/src/features/auth/sessions.js';
import { publicOrigin, safeReturnTo } from '../../../../server/src/features/auth/urls.js';
import { i18n, splitLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { AccountPage } from './AccountPage.js';
import { InvalidLinkPage, InvitationPage, LoginPage, passwordErrors, ResetConfirmPage, ResetRequestPage } from './AuthPages.js';
import type { Errors } from './form.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;
const meta = (c: Context) => ({ ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null });
const OIDC_REASONS = ['state', 'provider', 'exchange', 'no_account', 'unverified_email', 'disabled'];

async function form(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

async function orgNames(db: Db, grants: Grant[]): Promise<Record<string, string>> {
  const ids = grants.map((g) => g.organisationId).filter((x): x is string => !!x);
  if (!ids.length) return {};
  return Object.fromEntries((await db.query('select id, name from organisation where id = any($1)', [ids])).map((r) => [r.id, r.name]));
}

function signedIn(c: Context, token: string, to: string): Response {
  setSessionCookie(c, token);
  return c.redirect(to, 303);
}

const login = (c: Context, i: I18n, props: Omit<Parameters<typeof LoginPage>[0], 'i'> = {}) => {
  const s = oidcSettings();
  const actor = getActor(c);
  return <LoginPage i={i} oidc={s ? { label: s.label } : null} signedInAs={actor?.via === 'session' ? actor.name || actor.email : undefined} {...props} />;
};

const pages: Array<['GET' | 'POST', string, Handler]> = [
  ['GET', '/login', async (c, i) => {
    const error = /^oidc_(\w+)$/.exec(c.req.query('error') ?? '')?.[1];
    const notice = error && OIDC_REASONS.includes(error) ? i.t(`auth.oidc.${error}` as MessageKey) : undefined;
    return c.html(login(c, i, { returnTo: safeReturnTo(c.req.query('returnTo')), notice }));
  }],
  ['POST', '/login', async (c, i, db) => {
    const f = await form(c);
    const returnTo = safeReturnTo(f.returnTo);
    const parsed = authSchemas.login.safeParse({ email: f.email ?? '', password: f.password ?? '' });
    if (!parsed.success) {
      const bad = new Set(parsed.error.issues.map((x) => String(x.path[0])));
      const errors: Errors = {};
      if (bad.has('email')) errors.email = i.t('auth.error.email');
      if (bad.has('password')) errors.password = i.t('auth.error.password.required');
      return c.html(login(c, i, { email: f.email, errors, returnTo }), 400);
    }
    try {
      const s = await signIn(db, parsed.data, meta(c));
      return signedIn(c, s.token, returnTo ?? i.path('/account'));
    } catch (err) {
      if (err instanceof RateLimitedError) {
        c.header('Retry-After', String(err.retryAfter));
        return c.html(login(c, i, { email: f.email, returnTo, errors: { _: i.t('auth.error.ratelimit', { minutes: i.plural('time.minutes', Math.ceil(err.retryAfter / 60)) }) } }), 429);
      }
      if (err instanceof HttpError && err.status === 401) return c.html(login(c, i, { email: f.email, returnTo, errors: { password: i.t('auth.error.credentials') } }), 401);
      throw err;
    }
  }],
  ['POST', '/logout', async (c, i, db) => {
    const s = currentSession(c);
    if (s) await signOut(db, s, meta(c));
    clearSessionCookie(c);
    return c.redirect(i.path('/'), 303);
  }],
  ['GET', '/password-reset', async (c, i) => c.html(<ResetRequestPage i={i} />)],
  ['POST', '/password-reset', async (c, i, db) => {
    const f = await form(c);
    const parsed = authSchemas.resetRequest.safeParse({ email: f.email ?? '' });
    if (!parsed.success) return c.html(<ResetRequestPage i={i} email={f.email} errors={{ email: i.t('auth.error.email') }} />, 400);
    try { await requestPasswordReset(db, parsed.data.email, publicOrigin(c), meta(c)); } catch (err) {
      if (!(err instanceof MailRateLimitedError)) throw err;
      c.header('Retry-After', String(err.retryAfter));
      const wait = new Intl.NumberFormat(i.lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.ceil(err.retryAfter / 60));
      return c.html(<ResetRequestPage i={i} email={parsed.data.email} errors={{ _: i.t('auth.reset.ratelimit', { max: MAIL_LIMITS.reset.client, wait }) }} />, 429);
    }
    return c.html(<ResetRequestPage i={i} sentTo={parsed.data.email} />);
  }],
  ['GET', '/password-reset/:token', async (c, i, db) => {
    const token = c.req.param('token') as string;
    const account = await resetTokenAccount(db, token);
    if (!account) return c.html(<InvalidLinkPage i={i} kind="reset" />, 410);
    return c.html(<ResetConfirmPage i={i} token={token} email={account.email} />);
  }],
  ['POST', '/password-reset/:token', async (c, i, db) => {
    const token = c.req.param('token') as string;
    const f = await form(c);
    const account = await resetTokenAccount(db, token);
    if (!account) return c.html(<InvalidLinkPage i={i} kind="reset" />, 410);
    const errors = passwordErrors(i, f.password ?? '', f.confirm ?? '');
    if (Object.keys(errors).length) return c.html(<ResetConfirmPage i={i} token={token} email={account.email} errors={errors} />, 400);
    try {
      const s = await confirmPasswordReset(db, token, f.password, meta(c));
      return signedIn(c, s.token, i.path('/account'));
    } catch (err) {
      if (err instanceof ValidationError) return c.html(<InvalidLinkPage i={i} kind="reset" />, 410);
      throw err;
    }
  }],
  ['GET', '/invitations/:token', async (c, i, db) => {
    const token = c.req.param('token') as string;
    const inv = await getInvitation(db, token);
    if (!inv) return c.html(<InvalidLinkPage i={i} kind="invite" />, 410);
    const existing = !!(await findAccountByEmail(db, inv.email));
    return c.html(<InvitationPage i={i} token={token} email={inv.email} grants={inv.grants} orgNames={await orgNames(db, inv.grants)} existing={existing} />);
  }],
  ['POST', '/invitations/:token', async (c, i, db) => {
    const token = c.req.param('token') as string;
    const inv = await getInvitation(db, token);
    if (!inv) return c.html(<InvalidLinkPage i={i} kind="invite" />, 410);
    const f = await form(c);
    const existing = !!(await findAccountByEmail(db, inv.email));
    if (!existing) {
      const errors = { ...(f.name?.trim() ? {} : { name: i.t('auth.error.name') }), ...passwordErrors(i, f.password ?? '', f.confirm ?? '') };
      if (Object.keys(errors).length) {
        return c.html(<InvitationPage i={i} token={token} email={inv.email} grants={inv.grants} orgNames={await orgNames(db, inv.grants)} existing={false} name={f.name} errors={errors} />, 400);
      }
    }
    try {
      const account = await acceptInvitation(db, token, { name: f.name ?? '', password: existing ? null : f.password }, clientIp(c));
      return signedIn(c, (await openSession(db, account, meta(c), 'invitation')).token, i.path('/account'));
    } catch (err) {
      if (err instanceof ValidationError && err.issues?.[0]?.path === 'token') return c.html(<InvalidLinkPage i={i} kind="invite" />, 410);
      throw err;
    }
  }],
  ['GET', '/account', async (c, i, db) => {
    const actor = getActor(c);
    if (actor?.via !== 'session') return c.redirect(`${i.path('/login')}?returnTo=${encodeURIComponent(i.path('/account'))}`, 303);
    return c.html(<AccountPage i={i} actor={actor} tokens={await listApiTokens(db, actor.accountId)} orgNames={await orgNames(db, actor.grants)} />);
  }],
  ['POST', '/account/tokens', async (c, i, db) => {
    const actor = getActor(c);
    if (actor?.via !== 'session') return c.redirect(i.path('/login'), 303);
    const body = await c.req.parseBody({ all: true });
    const name = typeof body.name === 'string' ? body.name : '';
    const scopes = ([] as unknown[]).concat(body.scopes ?? []).filter((s): s is string => typeof s === 'string');
    const parsed = authSchemas.token.safeParse({ name, scopes });
    const page = async (extra: Partial<Parameters<typeof AccountPage>[0]>, status: 200 | 400) =>
      c.html(<AccountPage i={i} actor={actor} tokens={await listApiTokens(db, actor.accountId)} orgNames={await orgNames(db, actor.grants)} {...extra} />, status);
    if (!parsed.success) {
      const bad = new Set(parsed.error.issues.map((x) => String(x.path[0])));
      const errors: Errors = { ...(bad.has('name') ? { name: i.t('auth.error.token.name') } : {}), ...(bad.has('scopes') ? { scopes: i.t('auth.error.token.scopes') } : {}) };
      return page({ errors, form: { name, scopes } }, 400);
    }
    const t = await issueToken(db, actor, parsed.data, clientIp(c));
    return page({ created: { name: t.name, token: t.token } }, 200);
  }],
  ['POST', '/account/tokens/:id/revoke', async (c, i, db) => {
    const actor = getActor(c);
    if (actor?.via === 'session') await withdrawToken(db, actor, c.req.param('id') as string, clientIp(c));
    return c.redirect(i.path('/account'), 303);
  }],
];

export function mountAuthPages(app: Hono, db: Db): void {
  for (const prefix of ['', '/en', '/vi']) {
    for (const [method, path, handler] of pages) {
      app.on(method, `${prefix}${path}`, async (c) => {
        const [lang] = splitLang(new URL(c.req.url).pathname);
        const res = await handler(c, i18n(lang), db);
        res.headers.set('cache-control', 'no-store');
        return res;
      });
    }
  }
}
