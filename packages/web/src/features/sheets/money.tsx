/** Money in view: a partnership's summary (budget of its projects, co-financing by funder, what no line attributes). */
import { totalsByCurrency, type MoneySummary } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Facts } from '../../components/Sheet.js';

const percents = new Map<string, Intl.NumberFormat>();
/** A ratio as the locale writes percents ("35 %" in French, "35%" in English); for display only. */
export function percent(i: I18n, ratio: number) {
  let f = percents.get(i.lang);
  if (!f) { f = new Intl.NumberFormat(i.lang, { style: 'percent', maximumFractionDigits: 0 }); percents.set(i.lang, f); }
  return f.format(ratio);
}
/** An amount's share of a total (the amounts themselves stay exact strings). */
export const share = (i: I18n, amount: string, total: string) => (Number(total) > 0 ? percent(i, Number(amount) / Number(total)) : '—');

export function FunderTable(props: { i: I18n; m: MoneySummary; caption: string }) {
  const { i, m } = props;
  return (
    <table class="data money-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead><tr><th scope="col">{i.t('sheet.funder')}</th><th scope="col" class="num">{i.t('sheet.amount')}</th><th scope="col" class="num">{i.t('sheet.share')}</th></tr></thead>
      <tbody>
        {m.funders.map((f) => (
          <tr>
            <th scope="row">{f.funderId ? <a href={i.path(`/organisations/${f.funderId}`)} lang={textLang(i)}>{f.funderName}</a> : '—'}</th>
            <td class="num">{i.money(f.amount, m.currency)}</td>
            <td class="num">{share(i, f.amount, m.total)}</td>
          </tr>
        ))}
        {m.unattributed !== '0' && (
          <tr class="unattributed">
            <th scope="row">{i.t('sheet.unattributed')}</th>
            <td class="num">{i.money(m.unattributed, m.currency)}</td>
            <td class="num">{share(i, m.unattributed, m.total)}</td>
          </tr>
        )}
      </tbody>
      <tfoot><tr><th scope="row">{i.t('sheet.money.total')}</th><td class="num">{i.money(m.total, m.currency)}</td><td class="num">{percent(i, 1)}</td></tr></tfoot>
    </table>
  );
}

export function PartnershipSummary(props: { i: I18n; p: any }) {
  const { i, p } = props;
  const money: MoneySummary[] = p.money ?? [];
  return (
    <section class="sheet-summary" aria-labelledby="summary-h">
      <h2 id="summary-h" class="visually-hidden">{i.t('sheet.inbrief')}</h2>
      <Facts items={[
        [i.t('sheet.period'), i.period(p.started, p.ended)],
        [i.t('sheet.parties'), p.parties.length ? <>{p.parties.map((x: any, k: number) => <>{k > 0 && ', '}<a href={i.path(`/organisations/${x.organisationId}`)} lang={textLang(i)}>{x.name}</a></>)}</> : null],
        [i.t('sheet.budget.projects'), money.some((m) => m.budget !== '0') ? money.filter((m) => m.budget !== '0').map((m) => i.money(m.budget, m.currency)).join(' + ') : null],
      ]} />
      {money.filter((m) => m.funders.length > 0 || m.unattributed !== '0').map((m) => <FunderTable i={i} m={m} caption={i.t('sheet.funding')} />)}
    </section>
  );
}

type Amounts = Array<{ amount: string; currency: string }>;
const amounts = (i: I18n, xs: Amounts) => xs.map((x) => i.money(x.amount, x.currency)).join(' + ');

/** Projects with the co-financing an organisation gives to (or receives for) each, and the total per currency. */
export function MoneyByProject(props: { i: I18n; id: string; title: string; projects: Array<{ id: string; title: string; amounts: Amounts }> }) {
  const { i, projects } = props;
  if (!projects.length) return null;
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <table class="data money-table">
        <caption class="visually-hidden">{props.title}</caption>
        <thead><tr><th scope="col">{i.t('sheet.projects')}</th><th scope="col" class="num">{i.t('sheet.amount')}</th></tr></thead>
        <tbody>{projects.map((p) => <tr><th scope="row"><a href={i.path(`/projects/${p.id}`)} lang={textLang(i)}>{p.title}</a></th><td class="num">{amounts(i, p.amounts)}</td></tr>)}</tbody>
        <tfoot><tr><th scope="row">{i.t('sheet.money.total')}</th><td class="num">{amounts(i, totalsByCurrency(projects.flatMap((p) => p.amounts)))}</td></tr></tfoot>
      </table>
    </section>
  );
}
