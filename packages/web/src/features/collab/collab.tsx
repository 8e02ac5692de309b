/**
 * The collaborative part of a sheet: partner validation (with the validate / request-changes form for members
 * of each party) and the history of changes (with "restore" for those allowed). Plain POST forms with CSRF.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { positiveInt4, versionSchema } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, isPlatformAdmin, memberOf, writeContext } from '../../../../server/src/lib/actor.js';
import { HttpError, ValidationError } from '../../../../server/src/lib/errors.js';
import { toIssues } from '../../../../server/src/lib/api.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { listRevisions, getRevision } from '../../../../server/src/features/history/revisions.js';
import { toInput } from '../../../../server/src/features/history/to-input.js';
import { listValidations, setValidation, withdrawValidation, type ValidatedKind } from '../../../../server/src/features/validation/validation.service.js';
import { updatePartnership } from '../../../../server/src/features/partnerships/partnerships.service.js';
import { updateProject } from '../../../../server/src/features/projects/projects.service.js';
import { updateOrganisation } from '../../../../server/src/features/organisations/organisations.service.js';
import { updateMission } from '../../../../server/src/features/missions/missions.service.js';
import { updateEvent, updateEventSeries } from '../../../../server/src/features/events/events.write.js';
import { updateTerritory } from '../../../../server/src/features/territories/territories.service.js';
import { listDeclarations, mayReadDrafts, unyearedLines } from '../../../../server/src/features/apd/apd.access.js';
import { mayDeclare } from '../../../../server/src/features/apd/apd.service.js';
import type { I18n } from '../../i18n/index.js';
import { ApdDeclarations, UnyearedNotice } from '../apd/ApdLinks.js';
import { Layout } from '../../components/Layout.js';
import { History, Validations, type PartyValidation } from '../../components/Collaboration.js';

const PLURAL: Record<string, string> = { partnership: 'partnerships', project: 'projects', organisation: 'organisations', mission: 'missions', territory: 'territories', event: 'events', event_series: 'series' };
const UPDATE: Record<string, (db: Db, id: string, input: any, ctx: any, action: 'restore') => Promise<unknown>> = {
  partnership: updatePartnership, project: updateProject, organisation: updateOrganisation, mission: updateMission, territory: updateTerritory,
  event: updateEvent, event_series: updateEventSeries,
};

function Csrf(props: { c: Context }) {
  return <input type="hidden" name="_csrf" value={csrfToken(props.c) ?? ''} />;
}

/** My side's form: « Valider » and « Demander des modifications », or once validated « Validé par vous le … » and « Retirer ma validation ». */
function ValidateForm(props: { i: I18n; c: Context; base: string; v: PartyValidation; me?: string }) {
  const { i, v } = props;
  if (v.state === 'validated') {
    const when = v.at ? i.when(v.at) : '';
    return (
      <form method="post" action={`${props.base}/withdraw`} class="validate-form validated-form no-print">
        <Csrf c={props.c} />
        <input type="hidden" name="organisationId" value={v.organisationId} />
        <p class="validated-mine">{v.by && v.by.accountId !== props.me ? i.t('validation.validatedBy', { who: v.by.name, when }) : i.t('validation.validatedByYou', { when })}</p>
        <button type="submit" class="secondary">{i.t('validation.withdraw')}</button>
      </form>
    );
  }
  return (
    <form method="post" action={`${props.base}/validate`} class="validate-form no-print">
      <Csrf c={props.c} />
      <input type="hidden" name="organisationId" value={v.organisationId} />
      <button type="submit" name="state" value="validated">{i.t('validation.validate', { org: v.name })}</button>
      <label for={`comment-${v.organisationId}`}>{i.t('validation.comment')}</label>
      <textarea id={`comment-${v.organisationId}`} name="comment" rows={2}></textarea>
      <button type="submit" name="state" value="changes_requested" class="secondary">{i.t('validation.request')}</button>
    </form>
  );
}

/** The organisation's declarations by year (drafts for its members); a French collectivité's members may start last year's. */
async function apdBlock(c: Context, i: I18n, db: Db, o: any) {
  const actor = getActor(c);
  const items = await listDeclarations(db, o.id, actor);
  const declares = o.kind === 'collectivite' && o.country === 'FR';
  if (!items.length && !declares) return null;
  const prepare = declares && actor && mayDeclare({ actor }, o.id) ? new Date().getFullYear() - 1 : null;
  return <ApdDeclarations i={i} organisationId={o.id} items={items} prepare={prepare} />;
}

/** Co-financing lines without a year, for members of their funders (and of the project's organisations) and platform administrators. */
async function fundingGaps(c: Context, i: I18n, db: Db, p: any) {
  const actor = getActor(c);
  if (!actor) return null;
  const involved = new Set<string>((p.participants ?? []).map((x: any) => x.organisationId));
  const lines = (await unyearedLines(db, { projectId: p.id })).filter((l) => mayReadDrafts(actor, l.funderId) || isPlatformAdmin(actor) || [...memberOf(actor)].some((o) => involved.has(o)));
  return <UnyearedNotice i={i} lines={lines} />;
}

export async function collaboration(c: Context, i: I18n, db: Db, kind: string, record: any) {
  const actor = getActor(c);
  const mine = actor ? memberOf(actor) : new Set<string>();
  const validations = kind === 'partnership' || kind === 'project' ? await listValidations(db, kind, record.id, actor) : [];
  const revisions = (await listRevisions(db, kind, record.id, actor)).slice(0, 20);
  const base = i.path(`/collab/${kind}/${encodeURIComponent(record.id)}`);
  return (
    <>
      {kind === 'organisation' && await apdBlock(c, i, db, record)}
      {kind === 'project' && await fundingGaps(c, i, db, record)}
      <Validations i={i} items={validations} actions={(v) => (mine.has(v.organisationId) ? <ValidateForm i={i} c={c} base={base} v={v} me={actor?.accountId} /> : null)} />
      <History i={i} kind={kind} items={revisions} restore={(r) => (actor ? (
        <form method="post" action={`${base}/restore/${r.id}`} class="no-print">
          <Csrf c={c} />
          <input type="hidden" name="version" value={String(record.version)} />
          <button type="submit" class="secondary">{i.t('history.restore')}</button>
        </form>
      ) : null)} />
    </>
  );
}

function ErrorPage(props: { i: I18n; message: string; back: string }) {
  const { i } = props;
  return <Layout i={i} meta={{ title: i.t('collab.error'), path: props.back, noindex: true }}>
    <h1>{i.t('collab.error')}</h1><p role="alert">{props.message}</p><p><a href={i.path(props.back)}>{i.t('collab.back')}</a></p>
  </Layout>;
}

/** A restore names a revision (path) and the version read (form): whole numbers within the database's int4. */
const restoreForm = z.object({ revision: positiveInt4, version: z.coerce.number().pipe(versionSchema) });

/** POST /collab/:kind/:id/validate, /collab/:kind/:id/withdraw and /collab/:kind/:id/restore/:revision — then back to the sheet. */
export async function collabAction(c: Context, i: I18n, db: Db): Promise<Response> {
  const kind = c.req.param('kind') as string, id = c.req.param('id') as string;
  const back = `/${PLURAL[kind]}/${encodeURIComponent(id)}`;
  if (!PLURAL[kind]) return c.html(<ErrorPage i={i} message="?" back="/" />, 404);
  if (!getActor(c)) return c.redirect(i.path(`/login?returnTo=${encodeURIComponent(i.path(back))}`), 303);
  const form = await c.req.parseBody();
  let outcome = 'restored';
  try {
    const revision = c.req.param('revision');
    if (revision) {
      const wanted = restoreForm.safeParse({ revision, version: form.version });
      if (!wanted.success) throw new ValidationError(toIssues(wanted.error));
      const rev = await getRevision(db, kind, id, wanted.data.revision);
      if (!rev?.after) throw new HttpError(404, 'no such revision');
      await UPDATE[kind](db, id, { ...toInput(kind, rev.after), version: wanted.data.version }, writeContext(c), 'restore');
    } else if (kind !== 'partnership' && kind !== 'project') {
      throw new HttpError(404, 'nothing to validate');
    } else if (c.req.path.endsWith('/withdraw')) {
      await withdrawValidation(db, writeContext(c), kind as ValidatedKind, id, String(form.organisationId ?? ''));
      outcome = 'withdrawn';
    } else {
      outcome = form.state === 'changes_requested' ? 'changes_requested' : 'validated';
      await setValidation(db, writeContext(c), kind as ValidatedKind, id, {
        organisationId: String(form.organisationId ?? ''), state: form.state === 'changes_requested' ? 'changes_requested' : 'validated', comment: String(form.comment ?? '') || null,
      });
    }
  } catch (err) {
    if (err instanceof HttpError) return c.html(<ErrorPage i={i} message={err.message} back={back} />, err.status as 400);
    throw err;
  }
  return c.redirect(i.path(`${back}?saved=${outcome}`), 303); // the sheet shows it once (features/workspace/sheet-extras.tsx)
}
