/**
 * What a meeting records, on its sheet: « Compte rendu » (the minutes' paragraphs) and « Décisions et suites » (a table:
 * the decision, who carries it, by when in words at its precision, and where it stands). Nothing when there is neither.
 */
import { textLang, type I18n } from '../../i18n/index.js';
import { Section } from '../../components/Sheet.js';

export interface Decision {
  text: string; owner: { id: string; name: string } | null; ownerText: string | null;
  due: string | null; duePrecision: 'year' | 'month' | 'day' | null; status: string;
}

/** « avant fin septembre 2023 », « avant fin 2023 », « au plus tard le 30 septembre 2023 ». */
export function dueWords(i: I18n, d: Pick<Decision, 'due' | 'duePrecision'>): string {
  if (!d.due) return i.t('decisions.noDue');
  return i.t(d.duePrecision === 'day' ? 'decisions.byDay' : 'decisions.by', { date: i.date(d.due) });
}

/** Paragraphs: a blank line separates them; single line breaks are kept inside one. */
export function paragraphs(text: string): string[][] {
  return text.split(/\r?\n\s*\r?\n/).map((p) => p.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)).filter((p) => p.length > 0);
}

export function Minutes(props: { i: I18n; minutes: string | null | undefined; decisions: Decision[] | undefined }) {
  const { i } = props;
  const lang = textLang(i);
  const decisions = props.decisions ?? [];
  const cols = { decision: i.t('decisions.decision'), who: i.t('decisions.who'), when: i.t('decisions.when'), status: i.t('decisions.status') };
  return (
    <>
      <Section id="minutes" title={i.t('minutes.title')} when={!!props.minutes}>
        <div class="minutes" lang={lang}>
          {paragraphs(props.minutes ?? '').map((lines) => <p>{lines.flatMap((l, k) => (k ? [<br />, l] : [l]))}</p>)}
        </div>
      </Section>
      <Section id="decisions" title={i.t('decisions.title')} when={decisions.length > 0}>
        <table class="data stacked decisions">
          <thead><tr><th scope="col">{cols.decision}</th><th scope="col">{cols.who}</th><th scope="col">{cols.when}</th><th scope="col">{cols.status}</th></tr></thead>
          <tbody>
            {decisions.map((d) => (
              <tr>
                <td data-label={cols.decision} lang={lang}>{d.text}</td>
                <td data-label={cols.who}>
                  {d.owner && <a href={i.path(`/organisations/${d.owner.id}`)} lang={lang}>{d.owner.name}</a>}
                  {d.owner && d.ownerText && ' — '}
                  {d.ownerText && <span lang={lang}>{d.ownerText}</span>}
                  {!d.owner && !d.ownerText && <span class="muted">{i.t('decisions.noOwner')}</span>}
                </td>
                <td data-label={cols.when}>{dueWords(i, d)}</td>
                <td data-label={cols.status}><span class={`decision-status status-${d.status}`}>{i.l('decisionStatus', d.status)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
