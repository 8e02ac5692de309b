import type { Child } from 'hono/jsx';
import { attributedByFunder, isPositive, subtractAmounts, sumAmounts } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { ExternalLinks, Facts, LinkList, Section, SheetHeader, Tags, Timeline } from '../../components/Sheet.js';
import { BarChart } from '../../components/Charts.js';
import { themeLabel } from './PartnershipSheet.js';
import { percent, share } from './money.js';
import { Downloads } from '../../components/Downloads.js';

/** Co-financing: a bar per funder (chart) and every line (table). */
export function Funding(props: { i: I18n; p: any }) {
  const { i, p } = props;
  if (!p.funding.length) return null;
  const currency = p.funding[0].currency;
  const byFunder = new Map<string, { name: string; amounts: string[] }>();
  for (const f of p.funding) {
    const key = f.funderId ?? '?';
    const e = byFunder.get(key) ?? { name: f.funderName ?? '—', amounts: [] as string[] };
    e.amounts.push(f.amount);
    byFunder.set(key, e);
  }
  const total = sumAmounts(p.funding.map((f: any) => f.amount));
  const base = p.budget ? p.budget.amount : total;
  // What no line attributes: the budget minus the funders' lines in its currency (kinds never added together).
  const attributed = p.budget ? sumAmounts(attributedByFunder(p.funding).filter((x) => x.currency === p.budget.currency).map((x) => x.amount)) : null;
  const rest = p.budget && attributed ? subtractAmounts(p.budget.amount, attributed) : null;
  const bars = [...byFunder.values()].map((e) => ({ label: e.name, value: Number(sumAmounts(e.amounts)) }));
  return (
    <Section id="funding" title={i.t('sheet.funding')}>
      <BarChart i={i} title={i.t('sheet.funding')} bars={bars} format={(v) => i.money(v, currency)} />
      <table class="data">
        <caption class="visually-hidden">{i.t('sheet.funding')}</caption>
        <thead><tr><th scope="col">{i.t('sheet.funder')}</th><th scope="col">{i.t('sheet.year')}</th><th scope="col" class="num">{i.t('sheet.amount')}</th><th scope="col" class="num">{i.t('sheet.share')}</th></tr></thead>
        <tbody>
          {p.funding.map((f: any) => (
            <tr>
              <th scope="row">{f.funderId ? <a href={i.path(`/organisations/${f.funderId}`)}>{f.funderName}</a> : '—'} <span class="muted">({i.l('fundingKind', f.kind)})</span></th>
              <td>{f.year ?? '—'}</td>
              <td class="num">{i.money(f.amount, f.currency)}</td>
              <td class="num">{share(i, f.amount, base)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row">{i.t('sheet.funding.total')}</th><td></td><td class="num">{i.money(total, currency)}</td><td></td></tr>
          {rest && isPositive(rest) && <tr class="unattributed"><th scope="row">{i.t('sheet.unattributed')}</th><td></td><td class="num">{i.money(rest, p.budget.currency)}</td><td class="num">{share(i, rest, base)}</td></tr>}
          {p.budget && <tr><th scope="row">{i.t('sheet.budget')}</th><td></td><td class="num">{i.money(p.budget.amount, p.budget.currency)}</td><td class="num">{percent(i, 1)}</td></tr>}
        </tfoot>
      </table>
    </Section>
  );
}

export function ProjectBody(props: { i: I18n; p: any }) {
  const { i, p } = props;
  const roles = ['lead', 'operational', 'financial', 'technical'].filter((r) => p.participants.some((x: any) => x.role === r));
  return (
    <>
      <Facts items={[
        [i.t('sheet.status'), i.l('status', p.status)],
        [i.t('sheet.period'), i.period(p.start, p.end)],
        [i.t('sheet.budget'), p.budget ? i.money(p.budget.amount, p.budget.currency) : null],
        [i.t('sheet.partnership'), p.partnership ? <a href={i.path(`/partnerships/${p.partnership.id}`)}>{p.partnership.title}</a> : null],
        [i.t('sheet.places'), p.places.length ? <>{p.places.map((t: any, k: number) => <>{k > 0 && ', '}<a href={i.path(`/territories/${t.id}`)}>{t.name}</a></>)}</> : null],
        [i.t('sheet.themes'), p.themes.length ? <Tags items={p.themes.map((t: string) => themeLabel(i, t))} /> : null],
      ]} />
      {p.description && <p class="summary" lang={textLang(i)}>{p.description}</p>}
      <Section id="results" title={i.t('sheet.results')} when={p.results.length > 0}>
        <ul class="figure-cards">
          {p.results.map((r: any) => <li class="figure-card"><strong>{i.num(r.value)}</strong> <span>{r.unit}</span>{r.label !== r.unit && <small>{r.label}</small>}{r.year && <small>{r.year}</small>}</li>)}
        </ul>
      </Section>
      <Funding i={i} p={p} />
      <Section id="partners" title={i.t('sheet.partners')} when={roles.length > 0}>
        {roles.map((r) => (
          <div class="role-group"><h3>{i.l('role', r)}</h3>
            <LinkList textLang={textLang(i)} items={p.participants.filter((x: any) => x.role === r).map((x: any) => ({ href: i.path(`/organisations/${x.organisationId}`), text: x.name }))} /></div>
        ))}
      </Section>
      <Section id="links" title={i.t('sheet.links')} when={p.links.length > 0}>
        <ExternalLinks links={p.links} />
      </Section>
      <Timeline i={i} items={[
        ...(p.start ? [{ date: p.start, label: i.t('sheet.period') }] : []),
        ...(p.end ? [{ date: p.end, label: i.l('status', 'closed') }] : []),
      ]} />
    </>
  );
}

export function ProjectSheet(props: { after?: Child; i: I18n; p: any }) {
  const { i, p } = props;
  const path = `/projects/${p.id}`;
  const jsonLd = {
    '@context': 'https://schema.org', '@type': 'Project', name: p.title, url: path, description: p.description ?? undefined,
    funder: p.funding.filter((f: any) => f.funderName).map((f: any) => ({ '@type': 'Organization', name: f.funderName })),
    member: p.participants.map((x: any) => ({ '@type': 'Organization', name: x.name })),
  };
  return (
    <Layout i={i} meta={{ title: p.title, description: p.description ?? undefined, path, jsonLd, scripts: ['sheet'] }}>
      <article class="sheet">
        <SheetHeader i={i} kind="project" title={p.title} embedPath={path} />
        <ProjectBody i={i} p={p} />
        {props.after}
        <Downloads i={i} kind="projects" id={p.id} />
      </article>
    </Layout>
  );
}
