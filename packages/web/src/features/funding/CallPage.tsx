/** /funding-calls/:id: every field of a call in words. */
import { raw } from 'hono/html';
import { safeHref } from '@tandem/shared';
import { renderMarkdown } from '../../components/markdown.js';
import type { I18n } from '../../i18n/index.js';
import { textLang } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import type { CallOrg, CallView } from '../../../../server/src/features/funding/funding.service.js';
import { amountText, countryName, deadlineText, rateText, themeName, words } from './text.js';

function Orgs(props: { i: I18n; list: CallOrg[] }) {
  return <>{props.list.map((o, k) => <>{k > 0 && ', '}<a href={props.i.path(`/organisations/${encodeURIComponent(o.id)}`)} lang={textLang(props.i)}>{o.name}</a></>)}</>;
}

function Link(props: { href: string | null }) {
  const href = safeHref(props.href);
  return href ? <a href={href} rel="noopener">{props.href}</a> : <>{props.href}</>;
}

export function CallPage(props: { i: I18n; c: CallView }) {
  const { i, c } = props;
  const unknown = i.t('fc.unknown'), lang = textLang(i);
  const row = (label: string, value: unknown) => <><dt>{label}</dt><dd>{value}</dd></>;
  return (
    <Layout i={i} meta={{ title: c.title, titleLang: lang, path: `/funding-calls/${encodeURIComponent(c.id)}`, description: c.summary ?? undefined }}>
      <article class="sheet fc-call">
        <header class="sheet-header">
          <p class="kicker">{i.t('fc.kicker')}</p>
          <h1 lang={lang}>{c.title}</h1>
        </header>
        {c.summary && <p class="lead" lang={lang}>{c.summary}</p>}
        {c.body_md && <div class="news-body" lang={lang}>{raw(renderMarkdown(c.body_md))}</div>}
        <dl class="facts">
          {row(i.t('fc.deadline'), deadlineText(i, c))}
          {row(i.t('fc.beneficiaries'), c.beneficiaries.length ? words(i, 'ben', c.beneficiaries) : i.t('fc.anyone'))}
          {row(i.t('fc.aidTypes'), c.aid_types.length ? words(i, 'aid', c.aid_types) : unknown)}
          {c.spending.length > 0 && row(i.t('fc.spending'), words(i, 'spend', c.spending))}
          {c.stages.length > 0 && row(i.t('fc.stages'), words(i, 'stage', c.stages))}
          {row(i.t('fc.themes'), c.themes.length ? c.themes.map((t) => themeName(i, t)).join(', ') : i.t('fc.anyone'))}
          {row(i.t('fc.area'), c.area ? <a href={i.path(`/territories/${encodeURIComponent(c.area.id)}`)}>{c.area.name}</a> : i.t('fc.anywhere'))}
          {row(i.t('fc.partnerCountries'), c.partner_countries.length ? c.partner_countries.map((x) => countryName(i, x)).join(', ') : i.t('fc.allCountries'))}
          {c.min_group_size && c.min_group_size > 1 && row(i.t('fc.groupSize'), i.t('fc.groupSize.n', { n: c.min_group_size }))}
          {row(i.t('fc.opensOn'), c.opens_on ? i.date(c.opens_on) : unknown)}
          {c.predeposit_on && row(i.t('fc.predepositOn'), i.date(c.predeposit_on))}
          {row(i.t('fc.recurrence'), <>{i.t(`fc.rec.${c.recurrence}`)}{c.recurrence_note && <span lang={lang}> — {c.recurrence_note}</span>}</>)}
          {row(i.t('fc.funders'), c.funders.length ? <Orgs i={i} list={c.funders} /> : unknown)}
          {c.instructors.length > 0 && row(i.t('fc.instructors'), <Orgs i={i} list={c.instructors} />)}
          {row(i.t('fc.rate'), rateText(i, c.rate_min, c.rate_max) ?? unknown)}
          {row(i.t('fc.amounts'), amountText(i, c) ?? unknown)}
          {c.url && row(i.t('fc.url'), <Link href={c.url} />)}
          {c.source_url && row(i.t('fc.source'), <Link href={c.source_url} />)}
        </dl>
        {c.required_documents.length > 0 && <section aria-labelledby="fc-docs-h"><h2 id="fc-docs-h">{i.t('fc.documents')}</h2>
          <ul lang={lang}>{c.required_documents.map((d) => <li>{d}</li>)}</ul></section>}
        <p><a href={i.path('/funding-calls')}>{i.t('fc.title')}</a> · <a href={i.path('/espace/funding-calls')}>{i.t('fc.mine')}</a></p>
      </article>
    </Layout>
  );
}
