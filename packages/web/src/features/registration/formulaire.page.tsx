/**
 * GET/POST /espace/events/:id/formulaire — the form builder, organisers only (403/404 as the server decides; signed
 * out: the sign-in page). Every POST saves the whole posted form with the button's operation applied; a stale
 * version answers 409 with the conflict told and the current form shown.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import type { I18n } from '../../i18n/index.js';
import { inputOf, readState, stateOf } from './builder-form.js';
import { FormBuilderPage, builderErrors, builderPath } from './FormBuilderPage.js';
import { registrationFormInput } from '@tandem/shared';
import { checked, getForm, saveForm } from './server.js';
import type { FormView } from './types.js';
import { organising } from './organiser.js';

export async function formBuilderPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const o = await organising(c, i, db, builderPath);
  if (o instanceof Response) return o;
  const { id, actor, e } = o;
  const path = builderPath(id);
  const current = (await getForm(db, id)) as FormView | null;
  const base = { i, e, csrf: o.csrf, exists: !!current };
  if (c.req.method !== 'POST') return c.html(<FormBuilderPage {...base} s={stateOf(current)} saved={c.req.query('saved') === 'form'} />);
  const body = await o.body();
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
