/**
 * One question's results (the results page, its breakdown groups and the printable report): the question, how many
 * answered it (« 15 réponses »), its chart and data table, « N réponses sans détail » when a recorded survey gave no
 * split, mean and median for scales and numbers, mean ranks for rankings, the organisers' reading, the free answers.
 */
import type { QuestionResult as Result } from '@tandem/shared';
import type { I18n } from '../../i18n/index.js';
import { FreeAnswers, ResultChart, ResultTable } from './ResultChart.js';
import { labelOf } from './results.text.js';

export function QuestionResult(props: { i: I18n; q: Result; n: number; id: string; level: 3 | 4; freeHidden?: boolean; recorded?: boolean }) {
  const { i, q, id } = props;
  const label = labelOf(i, q.labels);
  const comment = labelOf(i, q.comment);
  const heading = <>{i.t('report.question', { n: props.n })} — <span lang={label.lang}>{label.text}</span></>;
  const sub = (text: string) => (props.level === 3 ? <h4>{text}</h4> : <h5>{text}</h5>);
  const numeric = q.mean != null || q.median != null;
  const freeText = q.type === 'short_text' || q.type === 'long_text';
  return (
    <section class="result-question" aria-labelledby={`${id}-h`}>
      {props.level === 3 ? <h3 id={`${id}-h`}>{heading}</h3> : <h4 id={`${id}-h`}>{heading}</h4>}
      <p class="result-answered"><strong>{i.plural('results.answered', q.answered)}</strong></p>
      {q.answered === 0 && <p class="muted">{i.t(props.recorded ? 'results.noFigure' : 'results.none')}</p>}
      {q.bars.length > 0 && q.answered > 0 && (
        <div class="result-figure">
          <ResultChart i={i} id={`${id}-c`} label={label.text} bars={q.bars} />
          <ResultTable i={i} label={i.t('results.chart', { label: label.text })} bars={q.bars} undetailed={q.undetailed} />
        </div>
      )}
      {q.type === 'ranking' && q.bars.length > 0 && <p class="hint">{i.t('results.firsts')}</p>}
      {q.undetailed > 0 && q.bars.length > 0 && <p class="result-undetailed">{i.plural('results.undetailed', q.undetailed)}</p>}
      {numeric && (
        <dl class="facts result-stats">
          {q.mean != null && <div><dt>{i.t('results.mean')}</dt><dd>{i.num(q.mean, 2)}</dd></div>}
          {q.median != null && <div><dt>{i.t('results.median')}</dt><dd>{i.num(q.median, 2)}</dd></div>}
        </dl>
      )}
      {q.ranks && q.ranks.length > 0 && (
        <table class="data result-ranks">
          <caption>{i.t('results.ranks')}</caption>
          <thead><tr><th scope="col">{i.t('results.col.value')}</th><th scope="col" class="num">{i.t('results.col.rank')}</th></tr></thead>
          <tbody>{q.ranks.map((r) => {
            const l = labelOf(i, r.labels);
            return <tr><th scope="row" lang={l.lang}>{l.text}</th><td class="num">{i.num(r.meanRank, 2)}</td></tr>;
          })}</tbody>
        </table>
      )}
      {comment.text && (
        <div class="result-comment">
          {sub(i.t('results.comment'))}
          <p lang={comment.lang}>{comment.text}</p>
        </div>
      )}
      {q.texts && (freeText || q.texts.length > 0) && (
        <div class="result-texts">
          {sub(i.t('results.texts'))}
          <FreeAnswers i={i} texts={q.texts} />
        </div>
      )}
      {!q.texts && props.freeHidden && freeText && q.answered > 0 && <p class="muted">{i.t('results.texts.private')}</p>}
    </section>
  );
}
