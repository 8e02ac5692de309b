/**
 * GET/POST /registrations/:token — the registrant's private page. POST action = change | cancel | accept (with
 * `sessionId` for a workshop's offer) runs the server's service, then redirects with `?saved=` (303). The token is
 * the only key: the page is never indexed (noindex), never kept by the visitors' cache (cache-control: no-store; the
 * response cache only keeps the paths of site.tsx's PAGE_CACHE_PATHS), and never leaks through a Referer (no-referrer).
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { publicOrigin } from '../../../../server/src/features/auth/urls.js';
import type { I18n } from '../../i18n/index.js';
import { countries, issueErrors, organisationNames, readAnswers, readList } from './fields.js';
import { RegistrationPage, SAVED, type TokenPageProps } from './RegistrationPage.js';
import { registrationChange } from '@tandem/shared';
import { acceptOffer, byToken, cancelByToken, changeByToken, checked, getForm } from './server.js';
import type { FormView, RegistrationView } from './types.js';

const one = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Headers of every page a private link opens. */
export function privateHeaders(c: Context): void {
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store, private');
}

export async function registrationPage(c: Context, i: I18n, db: Db): Promise<Response> {
  privateHeaders(c);
  const token = c.req.param('token') as string;
  const path = `/registrations/${encodeURIComponent(token)}`;
  const r = (await byToken(db, token)) as RegistrationView;
  const f = (await getForm(db, r.eventId)) as FormView | null;
  const base: TokenPageProps = { i, r, f, path, countries: await countries(db, i.lang), organisations: await organisationNames(db, f?.fields) };
  if (c.req.method !== 'POST') {
    const saved = c.req.query('saved');
    return c.html(<RegistrationPage {...base} saved={saved && (SAVED as readonly string[]).includes(saved) ? saved : null} confirmCancel={c.req.query('confirm') === 'cancel'} />);
  }
  const body = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, string>));
  const action = one(body.action);
  const back = (saved: string) => c.redirect(`${i.path(path)}?saved=${saved}`, 303);
  const values = { name: one(body.name), answers: readAnswers(f?.fields ?? [], body), sessions: readList(body.sessions), publicConsent: one(body.publicConsent) === 'yes' };
  try {
    if (action === 'cancel') { await cancelByToken(db, token); return back('cancelled'); }
    if (action === 'accept') { await acceptOffer(db, token, { sessionId: one(body.sessionId) || undefined, origin: publicOrigin(c) }); return back('accepted'); }
    if (action === 'change') {
      if (!values.name) return c.html(<RegistrationPage {...base} values={values} errors={{ name: i.t('reg.error.name') }} />, 400);
      // the workshops only when they change: a change of workshops needs the form open, a change of answers does not
      const had = r.sessions.filter((s) => s.status !== 'cancelled').map((s) => s.id).sort().join(' ');
      const sessions = [...new Set(values.sessions)];
      await changeByToken(db, token, checked(registrationChange, { name: values.name, answers: values.answers, publicConsent: values.publicConsent,
        version: Number(one(body.version)) || 0, ...(had === [...sessions].sort().join(' ') ? {} : { sessions }) }));
      return back('changed');
    }
    return c.html(<RegistrationPage {...base} problem={i.t('reg.error.other')} />, 400);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status >= 500 || err.status === 404) throw err;
    const fresh = { ...base, r: (await byToken(db, token)) as RegistrationView };
    if (err.status === 409) return c.html(<RegistrationPage {...fresh} problem={i.t(action === 'change' ? 'reg.error.stale' : 'reg.error.state')} />, 409);
    if (action === 'change') return c.html(<RegistrationPage {...fresh} values={values} errors={issueErrors(i, f?.fields ?? [], err.issues ?? [{ path: '', message: err.message }])} />, 400);
    return c.html(<RegistrationPage {...fresh} problem={i.t(action === 'accept' ? 'reg.error.offer' : 'reg.error.state')} />, err.status as 400);
  }
}
