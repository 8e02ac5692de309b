import type { Child } from 'hono/jsx';
import { textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, LinkList, Section, SheetHeader, Timeline } from '../../components/Sheet.js';
import { Downloads } from '../../components/Downloads.js';
import { PlaceLink } from './place.js';

export function MissionBody(props: { i: I18n; m: any }) {
  const { i, m } = props;
  return (
    <>
      <Facts items={[
        [i.t('sheet.direction'), i.l('direction', m.direction)],
        [i.t('sheet.period'), m.to ? i.period(m.from, m.to) : m.from ? i.date(m.from) : null],
        [i.t('sheet.place'), m.place ? <PlaceLink i={i} t={m.place} /> : null],
        [i.t('sheet.partnership'), m.partnership ? <a href={i.path(`/partnerships/${m.partnership.id}`)} lang={textLang(i)}>{m.partnership.title}</a> : null],
      ]} />
      <Section id="purpose" title={i.t('sheet.purpose')} when={!!m.purpose}><p lang={textLang(i)}>{m.purpose}</p></Section>
      <Section id="outcomes" title={i.t('sheet.outcomes')} when={!!m.outcomes}><p lang={textLang(i)}>{m.outcomes}</p></Section>
      <Section id="organisations" title={i.t('sheet.organisations')} when={m.organisations.length > 0}>
        <LinkList textLang={textLang(i)} items={m.organisations.map((o: any) => ({ href: i.path(`/organisations/${o.id}`), text: o.name }))} />
      </Section>
      <Timeline i={i} items={[...(m.from ? [{ date: m.from, label: <span lang={textLang(i)}>{m.title}</span> }] : []), ...(m.to && m.to !== m.from ? [{ date: m.to, label: i.t('sheet.outcomes') }] : [])]} />
    </>
  );
}

export function MissionSheet(props: { after?: Child; i: I18n; m: any }) {
  const { i, m } = props;
  const path = `/missions/${m.id}`;
  const jsonLd = { '@context': 'https://schema.org', '@type': 'Event', name: m.title, startDate: m.from ?? undefined, endDate: m.to ?? undefined,
    location: m.place ? { '@type': 'Place', name: m.place.name } : undefined, description: m.purpose ?? undefined,
    attendee: m.organisations.map((o: any) => ({ '@type': 'Organization', name: o.name })) };
  return (
    <Layout i={i} meta={{ title: m.title, titleLang: textLang(i), description: m.purpose ?? undefined, path, jsonLd, scripts: ['sheet'] }}>
      <article class="sheet">
        <SheetHeader i={i} kind="mission" title={m.title} subtitle={i.l('direction', m.direction)} embedPath={path} />
        <MissionBody i={i} m={m} />
        {props.after}
        <Downloads i={i} kind="missions" id={m.id} />
      </article>
    </Layout>
  );
}
