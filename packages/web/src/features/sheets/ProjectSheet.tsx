import type { Child } from 'hono/jsx';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, LinkList, Section, SheetHeader, Tags, Timeline } from '../../components/Sheet.js';
import { themeLabel } from './PartnershipSheet.js';
import { Funding, kindTotals } from './project-funding.js';
import { Downloads } from '../../components/Downloads.js';
import { Documents } from '../contacts/blocks.js';
import { PlaceLink } from './place.js';

export function ProjectBody(props: { i: I18n; p: any }) {
  const { i, p } = props;
  const roles = ['lead', 'operational', 'financial', 'technical'].filter((r) => p.participants.some((x: any) => x.role === r));
  return (
    <>
      <Facts items={[
        [i.t('sheet.status'), i.l('status', p.status)],
        [i.t('sheet.period'), i.period(p.start, p.end)],
        [i.t('sheet.budget'), p.budget ? i.money(p.budget.amount, p.budget.currency) : null],
        ...kindTotals(i, p),
        [i.t('sheet.partnership'), p.partnership ? <a href={i.path(`/partnerships/${p.partnership.id}`)} lang={textLang(i)}>{p.partnership.title}</a> : null],
        [i.t('sheet.places'), p.places.length ? <>{p.places.map((t: any, k: number) => <>{k > 0 && ', '}<PlaceLink i={i} t={t} /></>)}</> : null],
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
      <Documents i={i} plural="projects" id={p.id} links={p.links} />
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
    <Layout i={i} meta={{ title: p.title, titleLang: textLang(i), description: p.description ?? undefined, path, jsonLd, scripts: ['sheet'] }}>
      <article class="sheet">
        <SheetHeader i={i} kind="project" title={p.title} embedPath={path} />
        <ProjectBody i={i} p={p} />
        {props.after}
        <Downloads i={i} kind="projects" id={p.id} />
      </article>
    </Layout>
  );
}
