/**
 * GET/POST /events/:id/register — the form; its POST registers through the server's service (the same rules as the
 * API: answers against the form, dates, workshops' min/max, places) and redirects to the private page of the new
 * registration (`/registrations/:token?saved=registered`), or shows the form again with the values kept and the
 * errors next to their fields.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { publicOrigin } from '../../../../server/src/features/auth/urls.js';
import { assertRequestSeesEvent } from '../../../../server/src/features/groups/meetings.js';
import { getEvent } from '../../../../server/src/features/events/events.service.js';
import type { I18n } from '../../i18n/index.js';
import type { Errors } from '../auth/form.js';
import { countries, issueErrors, organisationNames, readAnswers, readList } from './fields.js';
import { RegisterPage, type RegisterValues } from './RegisterPage.js';
import { registrationInput } from '@tandem/shared';
import { checked, clientIp, getForm, register, RegistrationRateLimitedError } from './server.js';
import type { FormView } from './types.js';

const one = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function registerPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  await assertRequestSeesEvent(c, db, id);
  const e = await getEvent(db, id);
  const f = (await getForm(db, id)) as FormView | null;
  if (!f) throw new HttpError(404, 'no registration form');
  const actor = getActor(c);
  const page = async (status: number, values?: RegisterValues, errors?: Errors, problem?: string | null) =>
    c.html(<RegisterPage i={i} e={e} f={(await getForm(db, id) as FormView | null) ?? f} csrf={actor ? csrfToken(c) : null} values={values} errors={errors} problem={problem} countries={await countries(db, i.lang)} organisations={await organisationNames(db, f.fields)} />, status as 200);
  if (c.req.method !== 'POST') return page(200);

  const body = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, string>));
  const values: RegisterValues = {
    name: one(body.name), email: one(body.email), answers: readAnswers(f.fields, body),
    sessions: readList(body.sessions), publicConsent: one(body.publicConsent) === 'yes',
  };
  const errors: Errors = {};
  if (!values.name) errors.name = i.t('reg.error.name');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email ?? '')) errors.email = i.t('reg.error.email');
  if (Object.keys(errors).length) return page(400, values, errors);
  try {
    const input = checked(registrationInput, {
      name: values.name, email: values.email, lang: i.lang, answers: values.answers, sessions: [...new Set(values.sessions)], publicConsent: !!values.publicConsent,
    });
    const { token } = await register(db, id, input, { actor, origin: publicOrigin(c), limits: { client: clientIp(c) } });
    return c.redirect(`${i.path(`/registrations/${encodeURIComponent(token)}`)}?saved=registered`, 303);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status >= 500) throw err;
    if (err.status === 409) return page(409, values, {}, i.t('reg.error.already'));
    if (err instanceof RegistrationRateLimitedError) {
      c.header('Retry-After', String(err.retryAfter));
      return page(429, values, {}, i.t('reg.error.tooMany', { minutes: i.plural('time.minutes', Math.ceil(err.retryAfter / 60)) }));
    }
    if (err.status === 404) throw err;
    const found = issueErrors(i, f.fields, err.issues ?? [{ path: /closed/.test(err.message) ? 'closed' : '', message: err.message }]);
    return page(400, values, found);
  }
}
