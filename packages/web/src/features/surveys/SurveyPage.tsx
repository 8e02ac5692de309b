/**
 * /surveys/:id: a survey as everyone sees it — title, introduction, who runs it, for which event, the answering
 * period, its status in words, the number of answers; « Répondre » (a POST form) for an anonymous survey taking
 * answers, the private-link note for a registration survey; results and report links once published; the builder's
 * links for its organisers.
 */
import type { SurveyView } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Notice } from '../auth/form.js';
import { tr } from './text.js';

type Stateful = Pick<SurveyView, 'status' | 'accepting' | 'opensAt' | 'closesAt'>;

/** draft | open | waiting (open, before its opening) | closed (closed, or open past its closing). */
export function stateOf(s: Stateful, now = Date.now()): 'draft' | 'open' | 'waiting' | 'closed' {
  if (s.status === 'draft') return 'draft';
  if (s.status === 'closed') return 'closed';
  if (s.accepting) return 'open';
  return s.opensAt && Date.parse(s.opensAt) > now ? 'waiting' : 'closed';
}

export function stateText(i: I18n, s: Stateful): string {
  const st = stateOf(s);
  if (st === 'waiting') return i.t('sv.state.notYet');
  if (st === 'closed') return i.t(s.status === 'closed' ? 'sv.state.closed' : 'sv.state.ended');
  return i.t(`sv.state.${st}` as MessageKey);
}

export function datesText(i: I18n, s: Pick<SurveyView, 'opensAt' | 'closesAt'>): string {
  const from = s.opensAt ? i.when(s.opensAt, true) : null, until = s.closesAt ? i.when(s.closesAt, true) : null;
  if (from && until) return i.t('sv.fromUntil', { from, until });
  if (from) return i.t('sv.from', { date: from });
  if (until) return i.t('sv.until', { date: until });
  return i.t('sv.noDates');
}

export function SurveyPage(props: { i: I18n; s: SurveyView; csrf: string | null; problem?: string | null }) {
  const { i, s } = props;
  const lang = textLang(i);
  const base = `/surveys/${encodeURIComponent(s.id)}`;
  const intro = tr(s.intro, i);
  const published = s.resultsPublic && s.status !== 'draft';
  return (
    <Layout i={i} meta={{ title: tr(s.title, i), titleLang: lang, path: base, noindex: s.status === 'draft', description: intro || undefined }}>
      <article class="sheet">
        <header class="sheet-header">
          <p class="kicker">{i.t('sv.kicker')}</p>
          <h1 lang={lang}>{tr(s.title, i)}</h1>
        </header>
        {props.problem && <Notice kind="error"><p>{props.problem}</p></Notice>}
        {intro && <p class="survey-intro" lang={lang}>{intro}</p>}
        <dl class="facts">
          <dt>{i.t('sv.organiser')}</dt><dd><a href={i.path(`/organisations/${encodeURIComponent(s.organisation.id)}`)} lang={lang}>{s.organisation.name}</a></dd>
          {s.event && <><dt>{i.t('sv.event')}</dt><dd><a href={i.path(`/events/${encodeURIComponent(s.event.id)}`)} lang={lang}>{s.event.title}</a>{s.event.start && <span class="muted"> ({i.date(s.event.start)})</span>}</dd></>}
          {s.group && <><dt>{i.t('sv.group')}</dt><dd><a href={i.path(`/organisations/${encodeURIComponent(s.group.id)}`)} lang={lang}>{s.group.name}</a></dd></>}
          {s.source === 'tandem' && <><dt>{i.t('sv.dates')}</dt><dd>{datesText(i, s)}</dd></>}
          <dt>{i.t('sv.state')}</dt><dd>{stateText(i, s)}</dd>
          <dt>{i.t('sv.mode')}</dt><dd>{i.t(`sv.mode.${s.mode}` as MessageKey)}</dd>
          <dt>{i.t('sv.count')}</dt><dd>{i.plural('sv.answers', s.responses)}</dd>
          {s.restitutionEvent && <><dt>{i.t('sv.restitution')}</dt><dd><a href={i.path(`/events/${encodeURIComponent(s.restitutionEvent.id)}`)} lang={lang}>{s.restitutionEvent.title}</a></dd></>}
        </dl>
        {s.source === 'recorded' && <p class="muted">{i.t('sv.recorded')}</p>}
        {s.source === 'tandem' && s.accepting && (s.mode === 'anonymous'
          ? <form method="post" action={i.path(`${base}/start`)} class="survey-start">
            <CsrfField token={props.csrf} />
            <p class="muted">{i.t('sv.answer.lead')}</p>
            <p><button type="submit">{i.t('sv.answer')}</button></p>
          </form>
          : <p class="notice" role="note">{i.t('sv.byLink')}</p>)}
        {(published || s.canManage) && <ul class="link-list">
          <li><a href={i.path(`${base}/results`)}>{i.t('sv.results')}</a></li>
          <li><a href={i.path(`${base}/report`)}>{i.t('sv.report')}</a></li>
        </ul>}
        {s.canManage && <ul class="link-list">
          <li><a href={i.path(`/espace${base}`)}>{i.t('sv.manage')}</a></li>
          <li><a href={i.path(`/espace${base}/respondents`)}>{i.t('sv.respondents')}</a></li>
        </ul>}
      </article>
    </Layout>
  );
}
