/**
 * A list of surveys (SurveySummary): title linked to its page, status in words, number of answers, results when
 * published, the builder for its organisers. On an event's sheet (with « Créer une enquête » for the event's
 * organisers), on an organisation's sheet (its surveys and its network's), and « Mes enquêtes » in /espace.
 */
import type { Context } from 'hono';
import type { SurveySummary } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, memberOf } from '../../../../server/src/lib/actor.js';
import { isOrganiser } from '../../../../server/src/features/events/organisers.js';
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { stateOf } from './SurveyPage.js';
import { listSurveys } from './server.js';
import { tr } from './text.js';

export function SurveyList(props: { i: I18n; surveys: SurveySummary[]; withEvent?: boolean }) {
  const { i } = props;
  const lang = textLang(i);
  return <ul class="link-list survey-list">{props.surveys.map((s) => {
    const base = `/surveys/${encodeURIComponent(s.id)}`;
    return <li>
      <a href={i.path(base)} lang={lang}>{tr(s.title, i)}</a>
      <span class="muted"> — {i.t(`sv.st.${stateOf(s)}` as MessageKey)}, {i.plural('sv.answers', s.responses)}
        {props.withEvent && s.event && <>, <span lang={lang}>{s.event.title}</span></>}</span>
      {s.resultsPublic && s.status !== 'draft' && <> · <a href={i.path(`${base}/results`)}>{i.t('sv.results')}</a></>}
      {s.canManage && <> · <a href={i.path(`/espace${base}`)}>{i.t('sv.manage')}</a></>}
    </li>;
  })}</ul>;
}

function Block(props: { i: I18n; surveys: SurveySummary[]; create?: string | null; title?: MessageKey; withEvent?: boolean }) {
  const { i } = props;
  if (!props.surveys.length && !props.create) return null;
  return <section class="sheet-section survey-block" aria-labelledby="surveys-h">
    <h2 id="surveys-h">{i.t(props.title ?? 'sv.block')}</h2>
    {props.surveys.length > 0 && <SurveyList i={i} surveys={props.surveys} withEvent={props.withEvent} />}
    {props.create && <p><a href={i.path(props.create)}>{i.t('sv.block.create')}</a></p>}
  </section>;
}

/** The event sheet's block: the event's surveys; « Créer une enquête » for its organisers. */
export async function eventSurveys(c: Context, i: I18n, db: Db, eventId: string) {
  const actor = getActor(c);
  const surveys = (await listSurveys(db, actor, { eventId })) as SurveySummary[];
  const create = await isOrganiser(db, actor, eventId) ? `/espace/surveys/new?eventId=${encodeURIComponent(eventId)}` : null;
  return <Block i={i} surveys={surveys} create={create} />;
}

/** The organisation sheet's block: the surveys it runs and those of the network it is. */
export async function organisationSurveys(c: Context, i: I18n, db: Db, organisationId: string) {
  const actor = getActor(c);
  const [own, group] = await Promise.all([listSurveys(db, actor, { organisationId }), listSurveys(db, actor, { groupId: organisationId })]) as SurveySummary[][];
  const surveys = [...own, ...group.filter((g) => !own.some((o) => o.id === g.id))];
  const create = actor && memberOf(actor).has(organisationId) ? `/espace/surveys/new?organisationId=${encodeURIComponent(organisationId)}` : null;
  return <Block i={i} surveys={surveys} create={create} withEvent />;
}

/** « Mes enquêtes » in /espace: the surveys of the member's organisations. */
export async function mySurveys(c: Context, i: I18n, db: Db) {
  const actor = getActor(c);
  if (!actor) return null;
  const seen = new Set<string>();
  const surveys: SurveySummary[] = [];
  for (const organisationId of memberOf(actor)) {
    for (const s of (await listSurveys(db, actor, { organisationId })) as SurveySummary[]) if (!seen.has(s.id)) { seen.add(s.id); surveys.push(s); }
  }
  return <section aria-labelledby="surveys-h">
    <h2 id="surveys-h">{i.t('sv.workspace')}</h2>
    {surveys.length ? <SurveyList i={i} surveys={surveys} withEvent /> : <p class="muted">{i.t('sv.workspace.none')}</p>}
  </section>;
}
