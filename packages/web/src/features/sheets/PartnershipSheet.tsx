import type { Child } from 'hono/jsx';
import { flattenThemes } from '@tandem/shared';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, LinkList, Phrase, Section, SheetHeader, Timeline } from '../../components/Sheet.js';
import { PartnershipSummary } from './money.js';
import { PlaceLink } from './place.js';
import { Downloads } from '../../components/Downloads.js';
import { Documents } from '../contacts/blocks.js';

const themes = new Map(flattenThemes().map((t) => [t.id, t]));
export const themeLabel = (i: I18n, id: string) => (themes.get(id)?.labels as Record<string, string> | undefined)?.[i.lang] ?? id;

export function duration(i: I18n, months: number | null) {
  if (!months) return null;
  return months % 12 === 0 ? i.plural('sheet.years', months / 12) : i.plural('sheet.months', months);
}

/** profiles: the partner territories' block (PartnerProfiles), read by the route. */
export function PartnershipBody(props: { i: I18n; p: any; profiles?: Child }) {
  const { i, p } = props;
  return (
    <>
      <PartnershipSummary i={i} p={p} />
      <Facts items={[
        [i.t('sheet.status'), i.l('status', p.status)],
        [i.t('sheet.themes'), p.themes.length ? <ul class="tags">{p.themes.map((t: string) => <li><a href={i.path(`/themes/${encodeURIComponent(t)}`)}>{themeLabel(i, t)}</a></li>)}</ul> : null],
      ]} />
      {p.summary && <p class="summary" lang={textLang(i)}>{p.summary}</p>}
      <Section id="parties" title={i.t('sheet.parties')}>
        <ul class="parties">
          {p.parties.map((x: any) => (
            <li><span class="muted">{i.l('side', x.side)}</span> <a href={i.path(`/organisations/${x.organisationId}`)} lang={textLang(i)}>{x.name}</a>
              {x.territory && <> — <PlaceLink i={i} t={x.territory} /></>}</li>
          ))}
        </ul>
      </Section>
      {props.profiles}
      <Section id="agreements" title={i.t('sheet.agreements')} when={p.agreements.length > 0}>
        <ul class="agreements">
          {p.agreements.map((a: any) => (
            <li class="agreement">
              <h3 lang={a.title ? textLang(i) : undefined}>{a.title || i.l('agreementKind', a.kind)}</h3>
              <Facts items={[
                [i.t('sheet.signed'), a.signed ? i.date(a.signed) : null],
                [i.t('sheet.place'), a.place ? <span lang={textLang(i)}>{a.place}</span> : null],
                [i.t('sheet.duration'), duration(i, a.durationMonths)],
              ]} />
              {a.axes.length > 0 && <><h4>{i.t('sheet.axes')}</h4><ul lang={textLang(i)}>{a.axes.map((x: string) => <li>{x}</li>)}</ul></>}
              {a.summary && <p lang={textLang(i)}>{a.summary}</p>}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="projects" title={i.t('sheet.projects')} when={p.projects.length > 0}>
        <LinkList textLang={textLang(i)} items={p.projects.map((x: any) => ({ href: i.path(`/projects/${x.id}`), text: x.title, extra: i.period(x.start, x.end) }))} />
      </Section>
      <Section id="missions" title={i.t('sheet.missions')} when={p.missions.length > 0}>
        <LinkList textLang={textLang(i)} items={p.missions.map((x: any) => ({ href: i.path(`/missions/${x.id}`), text: x.title, extra: `${i.l('direction', x.direction)}${x.from ? `, ${i.date(x.from)}` : ''}` }))} />
      </Section>
      <Documents i={i} plural="partnerships" id={p.id} links={p.links} />
      <Timeline i={i} items={[
        ...(p.started ? [{ date: p.started, label: i.t('timeline.started') }] : []),
        ...p.agreements.filter((a: any) => a.signed).map((a: any) => ({ date: a.signed, label: a.title ? <Phrase i={i} k="timeline.agreement" title={a.title} /> : i.t('timeline.agreement', { title: i.l('agreementKind', a.kind) }) })),
        ...p.projects.filter((x: any) => x.start || x.end).map((x: any) => ({ date: x.start ?? x.end, label: <a href={i.path(`/projects/${x.id}`)}><Phrase i={i} k="timeline.project" title={x.title} /></a> })),
        ...p.missions.filter((x: any) => x.from).map((x: any) => ({ date: x.from, label: <a href={i.path(`/missions/${x.id}`)}><Phrase i={i} k="timeline.mission" title={x.title} /></a> })),
      ]} />
    </>
  );
}

export function partnershipJsonLd(p: any, url: string) {
  return {
    '@context': 'https://schema.org', '@type': 'Project', name: p.title, url, description: p.summary ?? undefined,
    foundingDate: p.started ?? p.agreements.find((a: any) => a.signed)?.signed ?? undefined,
    member: p.parties.map((x: any) => ({ '@type': x.kind === 'collectivite' ? 'GovernmentOrganization' : 'Organization', name: x.name })),
  };
}

export function PartnershipSheet(props: { after?: Child; i: I18n; p: any; profiles?: Child }) {
  const { i, p } = props;
  const path = `/partnerships/${p.id}`;
  return (
    <Layout i={i} meta={{ title: p.title, titleLang: textLang(i), description: p.summary ?? undefined, path, jsonLd: partnershipJsonLd(p, path), scripts: ['sheet'] }}>
      <article class="sheet">
        <SheetHeader i={i} kind="partnership" title={p.title} subtitle={i.l('partnershipKind', p.kind)} embedPath={path} />
        <PartnershipBody i={i} p={p} profiles={props.profiles} />
        {props.after}
        <Downloads i={i} kind="partnerships" id={p.id} />
      </article>
    </Layout>
  );
}
