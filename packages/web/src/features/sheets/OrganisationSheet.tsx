import type { Child } from 'hono/jsx';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { safeHref } from '@tandem/shared';
import { ExternalLink, Facts, LinkList, Phrase, Section, SheetHeader, Timeline } from '../../components/Sheet.js';
import { MoneyByProject } from './money.js';
import { Downloads } from '../../components/Downloads.js';
import { PlaceLink } from './place.js';

export function OrganisationBody(props: { i: I18n; o: any }) {
  const { i, o } = props;
  const roles = ['lead', 'operational', 'financial', 'technical'];
  return (
    <>
      <Facts items={[
        [i.t('sheet.acronyms'), o.acronyms.length ? <span lang={textLang(i)}>{o.acronyms.join(', ')}</span> : null],
        [i.t('sheet.territory'), o.territory ? <PlaceLink i={i} t={o.territory} /> : null],
        [i.t('sheet.website'), o.website ? <ExternalLink url={o.website} /> : null],
      ]} />
      {o.description && <p class="summary" lang={textLang(i)}>{o.description}</p>}
      <Section id="partnerships" title={i.t('sheet.partnerships')} when={o.partnerships.length > 0}>
        <LinkList textLang={textLang(i)} items={o.partnerships.map((p: any) => ({ href: i.path(`/partnerships/${p.id}`), text: p.title, extra: i.l('side', p.side) }))} />
      </Section>
      <Section id="projects" title={i.t('sheet.projects')} when={o.projects.length > 0}>
        {roles.filter((r) => o.projects.some((p: any) => p.roles.includes(r))).map((r) => (
          <div class="role-group"><h3>{i.l('role', r)}</h3>
            <LinkList textLang={textLang(i)} items={o.projects.filter((p: any) => p.roles.includes(r)).map((p: any) => ({ href: i.path(`/projects/${p.id}`), text: p.title }))} /></div>
        ))}
      </Section>
      <MoneyByProject i={i} id="funded" title={i.t('sheet.funded')} projects={o.fundedProjects} />
      <MoneyByProject i={i} id="received" title={i.t('sheet.received')} projects={o.receivedFunding ?? []} />
      <Section id="missions" title={i.t('sheet.missions')} when={o.missions.length > 0}>
        <LinkList textLang={textLang(i)} items={o.missions.map((m: any) => ({ href: i.path(`/missions/${m.id}`), text: m.title }))} />
      </Section>
      <Timeline i={i} items={[
        ...o.partnerships.filter((p: any) => p.started).map((p: any) => ({ date: p.started, label: <a href={i.path(`/partnerships/${p.id}`)} lang={textLang(i)}>{p.title}</a> })),
        ...o.projects.filter((p: any) => p.start).map((p: any) => ({ date: p.start, label: <a href={i.path(`/projects/${p.id}`)}><Phrase i={i} k="timeline.project" title={p.title} /></a> })),
        ...o.missions.filter((m: any) => m.from).map((m: any) => ({ date: m.from, label: <a href={i.path(`/missions/${m.id}`)}><Phrase i={i} k="timeline.mission" title={m.title} /></a> })),
      ]} />
    </>
  );
}

export function OrganisationSheet(props: { after?: Child; i: I18n; o: any }) {
  const { i, o } = props;
  const path = `/organisations/${o.id}`;
  const type = o.kind === 'collectivite' || o.kind === 'ministry' || o.kind === 'agency' ? 'GovernmentOrganization' : o.kind === 'ngo' || o.kind === 'association' ? 'NGO' : 'Organization';
  const jsonLd = { '@context': 'https://schema.org', '@type': type, name: o.name, alternateName: [...o.acronyms, ...o.aliases], url: safeHref(o.website) ?? undefined,
    location: o.territory ? { '@type': 'Place', name: o.territory.name } : undefined };
  return (
    <Layout i={i} meta={{ title: o.name, titleLang: textLang(i), description: o.description ?? undefined, path, jsonLd, scripts: ['sheet'] }}>
      <article class="sheet">
        <SheetHeader i={i} kind="organisation" title={o.name} subtitle={i.l('orgKind', o.kind)} embedPath={path} />
        <OrganisationBody i={i} o={o} />
        {props.after}
        <Downloads i={i} kind="organisations" id={o.id} />
      </article>
    </Layout>
  );
}
