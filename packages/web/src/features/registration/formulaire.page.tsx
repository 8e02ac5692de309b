/**
 * GET/POST /espace/events/:id/formulaire — the form builder, organisers only (403/404 as the server decides; signed
 * out: the sign-in page). Every POST saves the whole posted form with the button's operation applied; a stale
 * version answers 409 with the conflict told and the current form shown.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { getEvent } from '../../../../server/src/features/events/events.service.js';
import { assertOrganiser } from '../../../../server/src/features/events/organisers.js';
import type { I18n } from '../../i18n/index.js';
import { inputOf, readState, stateOf } from './builder-form.js';
import { FormBuilderPage, builderErrors, builderPath } from './FormBuilderPage.js';
import { registrationFormInput } from '@tandem/shared';
import { checked, getForm, saveForm } from './server.js';
import type { FormView } from './types.js';

export async function formBuilderPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const id = c.req.param('id') as string;
  const path = builderPath(id);
  const actor = getActor(c);
  if (!actor) return c.redirect(`${i.path('/login')}?returnTo=${encodeURIComponent(i.path(path))}`, 303);
  await assertOrganiser(db, actor, id);
  const e = await getEvent(db, id);
  const current = (await getForm(db, id)) as FormView | null;
  const base = { i, e, csrf: csrfToken(c), exists: !!current };
  if (c.req.method !== 'POST') return c.html(<FormBuilderPage {...base} s={stateOf(current)} saved={c.req.query('saved') === 'form'} />);
  const body = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, string>));
  const { state } = readState(body);
  try {
    await saveForm(db, actor, id, checked(registrationFormInput, inputOf(state)));
    return c.redirect(`${i.path(path)}?saved=form`, 303);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status >= 500 || err.status === 403 || err.status === 404) throw err;
    if (err.status === 409) return c.html(<FormBuilderPage {...base} s={stateOf(current)} problem={i.t('reg.form.conflict')} />, 409);
    return c.html(<FormBuilderPage {...base} s={state} errors={builderErrors(i, err.issues ?? [{ path: '', message: err.message }])} />, 400);
  }
}
