/**
 * `/surveys/:id/report`: the restitution as a document to print on A4 (site.css, @media print): the survey, its event,
 * dates and number of answers, its introduction, each question's chart, table, reading and free answers, the
 * conclusion, and the way back to the restitution meeting. « Imprimer » (the print script, shown when JavaScript runs)
 * and « Télécharger le PDF » (the same report from the server, in the page's language) stay off paper.
 */
import type { ResultsView, SurveyView } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { questionNumbers, Sections, SurveyFacts, surveyBase } from './ResultsPage.js';
import { labelOf } from './results.text.js';

export function ReportPage(props: { i: I18n; s: SurveyView; r: ResultsView }) {
  const { i, s, r } = props;
  const base = surveyBase(s);
  const title = labelOf(i, s.title);
  const intro = labelOf(i, s.intro);
  const conclusion = labelOf(i, s.conclusion);
  const meeting = s.restitutionEvent;
  return (
    <Layout i={i} meta={{ title: `${i.t('report.kicker')} — ${title.text}`, titleLang: title.lang, path: `${base}/report`, scripts: ['sheet'] }}>
      <article class="sheet survey-report">
        <header class="sheet-header">
          <p class="kicker">{i.t('report.kicker')}</p>
          <h1 lang={title.lang}>{title.text}</h1>
          <p class="sheet-actions no-print">
            <button type="button" class="print-button" data-print="true" hidden>{i.t('report.print')}</button>
            <a href={i.path(`${base}/report.pdf`)} type="application/pdf">{i.t('results.pdf')}</a>
            <a href={i.path(`${base}/results`)}>{i.t('report.results')}</a>
          </p>
        </header>
        <SurveyFacts i={i} s={s} r={r} />
        {intro.text && <p class="lead report-intro" lang={intro.lang}>{intro.text}</p>}
        <Sections i={i} s={s} r={r} numbers={questionNumbers(s)} freeHidden={!s.freeAnswersPublic && !s.canManage} />
        {conclusion.text && (
          <section class="report-conclusion" aria-labelledby="conclusion-h">
            <h2 id="conclusion-h">{i.t('report.conclusion')}</h2>
            {conclusion.text.split(/\n\s*\n/).map((p) => <p lang={conclusion.lang}>{p}</p>)}
          </section>
        )}
        {meeting && (
          <p class="report-meeting">
            {i.t('report.meeting')} <a href={i.path(`/events/${meeting.id}`)} lang={textLang(i)}>{meeting.title}</a>
            {meeting.start && <> ({i.date(meeting.start)})</>}
          </p>
        )}
      </article>
    </Layout>
  );
}
