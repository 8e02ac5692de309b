/**
 * GET/POST /espace/surveys/:id/respondents — the organisers' follow-up: invited / started / answered, who has not
 * answered yet (registration surveys), « Envoyer les invitations » and « Relancer » (POST, then `?done=` with the
 * number of mails), and the answers' CSV (the API's `/api/surveys/:id/answers.csv`). Anonymous surveys: the count only.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { publicOrigin } from '../../../../server/src/features/auth/urls.js';
import type { RespondentsView, SurveyView } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Notice } from '../auth/form.js';
import { PostButton } from './builder-parts.js';
import { builderPath } from './BuilderPage.js';
import { tr } from './text.js';
import { getSurvey, inviteRegistrants, remindPending, respondents } from './server.js';

function RespondentsPage(props: { i: I18n; s: SurveyView; r: RespondentsView | null; done?: string | null }) {
  const { i, s, r } = props;
  const lang = textLang(i);
  const path = `${builderPath(s.id)}/respondents`;
  const action = i.path(path);
  return <Layout i={i} meta={{ title: i.t('sv.resp.title', { survey: tr(s.title, i) }), path, noindex: true }}>
    <header class="sheet-header">
      <p class="kicker">{i.t('sv.respondents')}</p>
      <h1><span lang={lang}>{tr(s.title, i)}</span></h1>
      <p class="lead"><a href={i.path(builderPath(s.id))}>{i.t('sv.manage')}</a> · <a href={i.path(`/surveys/${encodeURIComponent(s.id)}`)}>{i.t('sv.builder.public')}</a></p>
    </header>
    {props.done && <Notice kind="success"><p>{props.done}</p></Notice>}
    <dl class="facts">
      {r && <><dt>{i.t('sv.resp.invited')}</dt><dd>{i.num(r.invited)}</dd><dt>{i.t('sv.resp.started')}</dt><dd>{i.num(r.started)}</dd></>}
      <dt>{i.t('sv.resp.submitted')}</dt><dd>{i.num(r ? r.submitted : s.responses)}</dd>
    </dl>
    <p><a href={`/api/surveys/${encodeURIComponent(s.id)}/answers.csv?lang=${i.lang}`} download>{i.t('sv.resp.csv')}</a></p>
    {!r ? <p class="muted">{i.t('sv.resp.anonymous')}</p> : <>
      <section aria-labelledby="invite-h">
        <h2 id="invite-h">{i.t('sv.resp.invite')}</h2>
        <p class="muted">{i.t('sv.resp.invite.lead')}</p>
        <p><PostButton action={action} op="invite" text={i.t('sv.resp.invite')} /></p>
        <p class="muted">{i.t('sv.resp.remind.lead')}</p>
        <p><PostButton action={action} op="remind" text={i.t('sv.resp.remind')} kind="secondary" /></p>
      </section>
      <section aria-labelledby="pending-h">
        <h2 id="pending-h">{i.t('sv.resp.pending')} ({i.num(r.pending.length)})</h2>
        {r.pending.length === 0 ? <p>{i.t('sv.resp.all')}</p> : <div class="table-scroll"><table class="data stacked">
          <thead><tr><th scope="col">{i.t('sv.resp.name')}</th><th scope="col">{i.t('sv.resp.org')}</th><th scope="col">{i.t('sv.resp.invitedAt')}</th><th scope="col">{i.t('sv.resp.remindedAt')}</th></tr></thead>
          <tbody>{r.pending.map((p) => <tr>
            <td data-label={i.t('sv.resp.name')}>{p.name}</td><td data-label={i.t('sv.resp.org')} lang={lang}>{p.organisation ?? '—'}</td>
            <td data-label={i.t('sv.resp.invitedAt')}>{p.invitedAt ? i.when(p.invitedAt, true) : '—'}</td><td data-label={i.t('sv.resp.remindedAt')}>{p.remindedAt ? i.when(p.remindedAt, true) : '—'}</td>
          </tr>)}</tbody>
        </table></div>}
      </section>
    </>}
  </Layout>;
}

export async function respondentsPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const actor = getActor(c);
  const id = c.req.param('id') as string;
  if (!actor) return c.redirect(`${i.path('/login')}?returnTo=${encodeURIComponent(i.path(`${builderPath(id)}/respondents`))}`, 303);
  const s = (await getSurvey(db, actor, id)) as SurveyView;
  if (!s.canManage) throw new HttpError(403, 'only the organisers of this survey follow its answers');
  const view = async () => (s.mode === 'registration' ? (await respondents(db, actor, id)) as RespondentsView : null);
  if (c.req.method === 'POST') {
    const body = await c.req.parseBody().catch(() => ({} as Record<string, string>));
    const path = `${i.path(`${builderPath(id)}/respondents`)}`;
    if (body.op === 'invite') return c.redirect(`${path}?invited=${(await inviteRegistrants(db, actor, id, publicOrigin(c))).invited}`, 303);
    if (body.op === 'remind') return c.redirect(`${path}?reminded=${(await remindPending(db, actor, id, publicOrigin(c))).reminded}`, 303);
    throw new HttpError(400, 'op: invite or remind');
  }
  const n = (k: string) => { const v = c.req.query(k); return v && /^\d{1,6}$/.test(v) ? Number(v) : null; };
  const invited = n('invited'), reminded = n('reminded');
  const done = invited != null ? i.plural('sv.resp.invited', invited) : reminded != null ? i.plural('sv.resp.reminded', reminded) : null;
  return c.html(<RespondentsPage i={i} s={s} r={await view()} done={done} />);
}
