/**
 * `/surveys/:id/results`: the survey's facts (organiser, event, restitution meeting, answers), its downloads (summary
 * CSV in the page's language, all answers for organisers, the printable report and its PDF), a GET form to break the
 * answers down by a category question (groups under MIN_GROUP answers are only counted), then each section's
 * questions with their charts and tables.
 */
import { MIN_GROUP, type ResultsView, type SurveyView } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, Section } from '../../components/Sheet.js';
import { QuestionResult } from './QuestionResult.js';
import { labelOf } from './results.text.js';

export const surveyBase = (s: { id: string }) => `/surveys/${encodeURIComponent(s.id)}`;

/** The facts every results view opens with. */
export function SurveyFacts(props: { i: I18n; s: SurveyView; r: ResultsView }) {
  const { i, s, r } = props;
  const lang = textLang(i);
  const period = s.opensAt || s.closesAt ? [s.opensAt && i.when(s.opensAt), s.closesAt && i.when(s.closesAt)].filter(Boolean).join(' – ') : null;
  return (
    <>
      <Facts items={[
        [i.t('results.organiser'), <a href={i.path(`/organisations/${s.organisation.id}`)} lang={lang}>{s.organisation.name}</a>],
        [i.t('results.event'), s.event ? <><a href={i.path(`/events/${s.event.id}`)} lang={lang}>{s.event.title}</a>{s.event.start && <> ({i.date(s.event.start)})</>}</> : null],
        [i.t('results.period'), period],
        [i.t('results.restitution'), s.restitutionEvent ? <><a href={i.path(`/events/${s.restitutionEvent.id}`)} lang={lang}>{s.restitutionEvent.title}</a>{s.restitutionEvent.start && <> ({i.date(s.restitutionEvent.start)})</>}</> : null],
      ]} />
      <p class="result-total"><strong>{i.plural('results.total', r.responses)}</strong>
        {s.source === 'tandem' && r.updatedAt && <> · {i.t('results.updated', { date: i.when(r.updatedAt) })}</>}</p>
      {s.source === 'recorded' && <p class="hint">{i.t('results.recorded')}</p>}
    </>
  );
}

/** Every category the answers may be split by: category questions, and the respondents' organisations for registration surveys. */
export function categories(i: I18n, s: SurveyView): Array<{ value: string; label: string; lang?: string }> {
  const qs = s.sections.flatMap((x) => x.questions).filter((q) => q.category).map((q) => ({ value: q.key, ...labelOf(i, q.labels) }))
    .map(({ value, text, lang }) => ({ value, label: text, lang }));
  if (s.mode === 'registration' && s.source === 'tandem') qs.push({ value: 'org_kind', label: i.t('results.by.org_kind'), lang: undefined }, { value: 'side', label: i.t('results.by.side'), lang: undefined });
  return qs;
}

function ByForm(props: { i: I18n; s: SurveyView; by: string | undefined }) {
  const { i, s } = props;
  const options = categories(i, s);
  if (!options.length) return null;
  return (
    <form method="get" action={i.path(`${surveyBase(s)}/results`)} class="results-by no-print" role="search" aria-labelledby="by-h">
      <h2 id="by-h">{i.t('results.by.title')}</h2>
      <p class="field">
        <label for="by">{i.t('results.by.label')}</label>{' '}
        <select id="by" name="by">
          <option value="" selected={!props.by}>{i.t('results.by.none')}</option>
          {options.map((o) => <option value={o.value} selected={o.value === props.by} lang={o.lang}>{o.label}</option>)}
        </select>{' '}
        <button type="submit">{i.t('results.by.submit')}</button>
      </p>
    </form>
  );
}

function Breakdown(props: { i: I18n; r: ResultsView; numbers: Map<string, number> }) {
  const { i } = props;
  const b = props.r.breakdown;
  if (!b) return null;
  const by = labelOf(i, b.labels);
  return (
    <section class="results-breakdown" aria-labelledby="breakdown-h">
      <h2 id="breakdown-h">{i.t('results.by.heading', { label: by.text })}</h2>
      {b.hiddenGroups > 0 && <p class="hidden-groups">{i.plural('results.hiddenGroups', b.hiddenGroups, { min: MIN_GROUP })}</p>}
      {b.groups.length === 0 && <p class="muted">{i.t('results.by.empty')}</p>}
      {b.groups.map((g, k) => {
        const l = labelOf(i, g.labels);
        return (
          <section class="result-group" aria-labelledby={`g${k}-h`}>
            <h3 id={`g${k}-h`}><span lang={l.lang}>{l.text}</span> — {i.plural('results.total', g.responses)}</h3>
            {g.questions.map((q) => <QuestionResult i={i} q={q} n={props.numbers.get(q.key) ?? 0} id={`g${k}-${q.key}`} level={4} />)}
          </section>
        );
      })}
    </section>
  );
}

/** The results per section, in the survey's order (questions the results leave out are skipped). */
export function Sections(props: { i: I18n; s: SurveyView; r: ResultsView; numbers: Map<string, number>; freeHidden: boolean }) {
  const { i, s, r } = props;
  const byKey = new Map(r.questions.map((q) => [q.key, q]));
  return (
    <>{s.sections.map((sec, k) => {
      const title = labelOf(i, sec.title);
      const qs = sec.questions.map((q) => byKey.get(q.key)).filter((q) => !!q);
      if (!qs.length) return null;
      return (
        <section class="result-section" aria-labelledby={`s${k}-h`}>
          <h2 id={`s${k}-h`}>{title.text ? <span lang={title.lang}>{title.text}</span> : i.t('report.section', { n: k + 1 })}</h2>
          {qs.map((q) => <QuestionResult i={i} q={q!} n={props.numbers.get(q!.key) ?? 0} id={`q-${q!.key}`} level={3} freeHidden={props.freeHidden} recorded={s.source === 'recorded'} />)}
        </section>
      );
    })}</>
  );
}

export const questionNumbers = (s: SurveyView) => new Map(s.sections.flatMap((x) => x.questions).map((q, k) => [q.key, k + 1]));

export function ResultsPage(props: { i: I18n; s: SurveyView; r: ResultsView; by?: string }) {
  const { i, s, r } = props;
  const base = surveyBase(s);
  const title = labelOf(i, s.title);
  const numbers = questionNumbers(s);
  return (
    <Layout i={i} meta={{ title: i.t('results.title', { title: title.text }), titleLang: title.lang, path: `${base}/results`, noindex: !!props.by }}>
      <article class="sheet survey-results">
        <header class="sheet-header">
          <p class="kicker">{i.t('results.kicker')}</p>
          <h1 lang={title.lang}>{title.text}</h1>
          <p class="lead"><a href={i.path(base)}>{i.t('results.survey')}</a></p>
        </header>
        <SurveyFacts i={i} s={s} r={r} />
        <Section id="downloads" title={i.t('results.downloads')} class="no-print">
          <ul class="link-list">
            <li><a href={i.path(`${base}/report`)}>{i.t('results.report')}</a></li>
            <li><a href={i.path(`${base}/report.pdf`)} type="application/pdf">{i.t('results.pdf')}</a></li>
            <li><a href={`/api${base}/results.csv?lang=${i.lang}`} type="text/csv" download>{i.t('results.csv')}</a></li>
            {s.canManage && s.source === 'tandem' && <li><a href={`/api${base}/answers.csv?lang=${i.lang}`} type="text/csv" download>{i.t('results.answersCsv')}</a></li>}
          </ul>
        </Section>
        <ByForm i={i} s={s} by={props.by} />
        <Breakdown i={i} r={r} numbers={numbers} />
        <Sections i={i} s={s} r={r} numbers={numbers} freeHidden={!s.freeAnswersPublic && !s.canManage} />
      </article>
    </Layout>
  );
}
