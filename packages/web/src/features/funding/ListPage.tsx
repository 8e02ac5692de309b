/**
 * /funding-calls: the catalogue of calls with a plain GET form (words, beneficiary, aid type, theme, partner
 * country, closed ones too), cards with the deadline, funders, rate and amounts; the link to get new calls by mail
 * or feed (the saved-search pages) carries the current query.
 */
import { callAidTypes, callBeneficiaries, type CallQuery } from '@tandem/shared';
import type { I18n } from '../../i18n/index.js';
import { textLang } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import type { CallOrg } from '../../../../server/src/features/funding/funding.service.js';
import type { CallRow } from '../../../../server/src/features/funding/funding.query.js';
import { amountText, countryName, deadlineText, rateText, themeName, themes, word } from './text.js';

export type ListedCall = CallRow & { funders: CallOrg[]; instructors: CallOrg[] };

export function CallCard(props: { i: I18n; c: ListedCall; children?: unknown }) {
  const { i, c } = props;
  const rate = rateText(i, c.rate_min, c.rate_max), amounts = amountText(i, c);
  return (
    <li class="card fc-card">
      <h3><a href={i.path(`/funding-calls/${encodeURIComponent(c.id)}`)} lang={textLang(i)}>{c.title}</a></h3>
      <dl class="fc-mini">
        <dt>{i.t('fc.deadline')}</dt><dd>{deadlineText(i, c)}</dd>
        {c.funders.length > 0 && <><dt>{i.t('fc.funders')}</dt><dd>{c.funders.map((f) => f.acronyms[0] ?? f.name).join(', ')}</dd></>}
        {rate && <><dt>{i.t('fc.rate')}</dt><dd>{rate}</dd></>}
        {amounts && <><dt>{i.t('fc.amounts')}</dt><dd>{amounts}</dd></>}
      </dl>
      {props.children}
    </li>
  );
}

function Select(props: { i: I18n; name: string; label: string; value?: string; options: Array<[string, string]> }) {
  return (
    <div class="field">
      <label for={`fc-${props.name}`}>{props.label}</label>
      <select id={`fc-${props.name}`} name={props.name}>
        <option value="">{props.i.t('fc.any')}</option>
        {props.options.map(([v, l]) => <option value={v} selected={v === props.value}>{l}</option>)}
      </select>
    </div>
  );
}

export function ListPage(props: { i: I18n; query: CallQuery; calls: ListedCall[]; countries: string[]; qs: string }) {
  const { i, query, calls } = props;
  return (
    <Layout i={i} meta={{ title: i.t('fc.title'), path: '/funding-calls' }}>
      <header class="sheet-header">
        <h1>{i.t('fc.title')}</h1>
        <p class="lead">{i.t('fc.lead')}</p>
      </header>
      <form method="get" action={i.path('/funding-calls')} class="stack-form fc-filters" role="search" aria-label={i.t('fc.filters')}>
        <div class="field">
          <label for="fc-q">{i.t('fc.q')}</label>
          <input id="fc-q" type="search" name="q" value={query.q ?? ''} maxlength={200} />
        </div>
        <Select i={i} name="beneficiary" label={i.t('fc.beneficiary')} value={query.beneficiary} options={callBeneficiaries.map((b) => [b, word(i, 'ben', b)])} />
        <Select i={i} name="aidType" label={i.t('fc.aidType')} value={query.aidType} options={callAidTypes.map((a) => [a, word(i, 'aid', a)])} />
        <Select i={i} name="theme" label={i.t('fc.theme')} value={query.theme} options={themes.filter((t) => t.level <= 2).map((t) => [t.id, `${t.level === 2 ? '— ' : ''}${themeName(i, t.id)}`])} />
        <Select i={i} name="country" label={i.t('fc.country')} value={query.country} options={props.countries.map((c) => [c, countryName(i, c)] as [string, string]).sort((a, b) => a[1].localeCompare(b[1], i.lang))} />
        <div class="check"><input type="checkbox" id="fc-open" name="open" value="0" checked={query.open === '0'} /><label for="fc-open">{i.t('fc.closedToo')}</label></div>
        <p><button type="submit">{i.t('fc.apply')}</button></p>
      </form>
      <p class="fc-actions">
        <a href={i.path(`/funding-calls/alerts/new${props.qs ? `?${props.qs}` : ''}`)}>{i.t('fc.alerts')}</a>
        {' · '}<a href={i.path('/espace/funding-calls')}>{i.t('fc.mine')}</a>
      </p>
      <h2 class="fc-count">{i.plural('fc.count', calls.length)}</h2>
      {calls.length ? <ul class="cards fc-cards">{calls.map((c) => <CallCard i={i} c={c} />)}</ul> : <p class="muted">{i.t('fc.none')}</p>}
    </Layout>
  );
}
