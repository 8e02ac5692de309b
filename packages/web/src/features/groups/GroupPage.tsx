/**
 * /groups (the groups by kind, as cards) and /groups/:id: a group's description, kind, country or themes, parent
 * network, vacant positions, agenda, offices, funders, its members each with their partnerships in the group's
 * scope, and its meetings (members-only ones for its members).
 */
import type { Child } from 'hono/jsx';
import type { GroupCard, GroupView } from '../../../../server/src/features/groups/groups.service.js';
import { groupKinds } from '../../../../server/src/features/groups/groups.schema.js';
import type { MessageKey } from '../../i18n/fr.js';
import { countryName, textLang, type I18n } from '../../i18n/index.js';
import { Layout } from '../../components/Layout.js';
import { Facts, Section } from '../../components/Sheet.js';
import { themeLabel } from '../sheets/PartnershipSheet.js';

const enc = encodeURIComponent;
export const roleText = (i: I18n, role: string) => i.l('groupRole', role);

/** Plain text agenda: lines starting with "- " make a list, the others paragraphs. */
export function Agenda(props: { text: string; lang?: string }) {
  const blocks: Array<{ list: boolean; lines: string[] }> = [];
  for (const line of props.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const list = /^[-•*]\s+/.test(line);
    const last = blocks.at(-1);
    if (last && last.list && list) last.lines.push(line.replace(/^[-•*]\s+/, ''));
    else blocks.push({ list, lines: [list ? line.replace(/^[-•*]\s+/, '') : line] });
  }
  return <div class="group-agenda" lang={props.lang}>{blocks.map((b) => b.list ? <ul>{b.lines.map((l) => <li>{l}</li>)}</ul> : <p>{b.lines[0]}</p>)}</div>;
}

function Card(props: { i: I18n; g: GroupCard }) {
  const { i, g } = props;
  const lang = textLang(i);
  return (
    <li class="group-card">
      <h3><a href={i.path(`/groups/${enc(g.id)}`)} lang={lang}>{g.name}</a></h3>
      <p class="muted">
        {[i.t(`groups.kind.${g.groupKind}` as MessageKey), (g.country && countryName(i, g.country)), g.parentName, i.plural('groups.members', g.members)].filter(Boolean).join(' · ')}
      </p>
    </li>
  );
}

export function GroupsListPage(props: { i: I18n; groups: GroupCard[] }) {
  const { i, groups } = props;
  return (
    <Layout i={i} meta={{ title: i.t('groups.title'), path: '/groups', description: i.t('groups.lead') }}>
      <h1>{i.t('groups.title')}</h1>
      <p class="lead">{i.t('groups.lead')}</p>
      {!groups.length && <p>{i.t('groups.none')}</p>}
      {groupKinds.map((k) => {
        const items = groups.filter((g) => g.groupKind === k);
        return items.length > 0 && <section aria-labelledby={`kind-${k}`}>
          <h2 id={`kind-${k}`}>{i.t(`groups.list.${k}` as MessageKey)}</h2>
          <ul class="group-cards">{items.map((g) => <Card i={i} g={g} />)}</ul>
        </section>;
      })}
    </Layout>
  );
}

function Members(props: { i: I18n; g: GroupView }) {
  const { i, g } = props;
  const lang = textLang(i);
  const scope: MessageKey = g.groupKind === 'country_group' ? 'groups.partnerships.country' : g.groupKind === 'thematic_group' ? 'groups.partnerships.theme' : 'groups.partnerships.all';
  if (!g.memberList.length) return <p>{i.t('groups.noMembers')}</p>;
  return (
    <ul class="group-members">
      {g.memberList.map((m) => (
        <li>
          <p><a href={i.path(`/organisations/${enc(m.id)}`)} lang={lang}>{m.name}</a>
            <span class="muted"> — {roleText(i, m.role)}{m.since && <> ({i.t('groups.since', { date: i.date(m.since) })})</>}</span></p>
          {m.partnerships.length > 0
            ? <div class="group-member-ps"><p class="muted">{i.t(scope)}</p>
              <ul>{m.partnerships.map((p) => <li><a href={i.path(`/partnerships/${enc(p.id)}`)} lang={lang}>{p.title}</a></li>)}</ul></div>
            : <p class="muted">{i.t('groups.noPartnership')}</p>}
        </li>
      ))}
    </ul>
  );
}

/** news: the group's news block (features/news NewsForGroup), given by the page handler. */
export function GroupPage(props: { i: I18n; g: GroupView; news?: Child }) {
  const { i, g } = props;
  const lang = textLang(i);
  const path = `/groups/${enc(g.id)}`;
  return (
    <Layout i={i} meta={{ title: g.name, titleLang: lang, path, description: g.description ?? undefined }}>
      <article class="sheet group-sheet">
        <header class="sheet-header">
          <p class="kicker">{i.t(`groups.kind.${g.groupKind}` as MessageKey)}</p>
          <h1 lang={lang}>{g.name}</h1>
          {g.description && <p class="lead" lang={lang}>{g.description}</p>}
          {g.canManage && <p class="sheet-actions">
            <a href={i.path(`/espace/groups/${enc(g.id)}`)}>{i.t('groups.manage')}</a>
            <a href={i.path('/new/events')}>{i.t('groups.newMeeting')}</a>
          </p>}
        </header>
        <Facts items={[
          [i.t('groups.kind'), i.t(`groups.kind.${g.groupKind}` as MessageKey)],
          [i.t('groups.country'), (g.country && countryName(i, g.country))],
          [i.t('groups.themes'), g.themes.length ? g.themes.map((t) => themeLabel(i, t)).join(', ') : null],
          [i.t('groups.parent'), g.parentId && <a href={i.path(`/groups/${enc(g.parentId)}`)} lang={lang}>{g.parentName}</a>],
          [i.t('groups.website'), g.website && <a href={g.website} rel="noopener">{g.website}</a>],
          [i.t('groups.memberList'), i.plural('groups.members', g.members)],
        ]} />
        <Section id="vacant" title={i.t('groups.vacant')} when={g.vacantRoles.length > 0}>
          <ul>{g.vacantRoles.map((r) => <li><strong>{i.t('groups.vacantRole', { role: roleText(i, r) })}</strong></li>)}</ul>
        </Section>
        <Section id="agenda" title={i.t('groups.agenda')} when={!!g.agenda}>
          <Agenda text={g.agenda ?? ''} lang={lang} />
        </Section>
        <Section id="children" title={i.t('groups.children')} when={g.children.length > 0}>
          <ul>{g.children.map((c) => <li><a href={i.path(`/groups/${enc(c.id)}`)} lang={lang}>{c.name}</a> <span class="muted">({i.t(`groups.kind.${c.groupKind}` as MessageKey)})</span></li>)}</ul>
        </Section>
        <Section id="offices" title={i.t('groups.offices')} when={g.offices.length > 0}>
          <ul class="group-offices">{g.offices.map((o) => <li><strong lang={lang}>{o.name}</strong>{o.address && <address lang={lang}>{o.address}</address>}</li>)}</ul>
        </Section>
        <Section id="funders" title={i.t('groups.funders')} when={g.funders.length > 0}>
          <ul class="group-funders">{g.funders.map((f) => <li><a href={i.path(`/organisations/${enc(f.id)}`)} lang={lang}>{f.name}</a></li>)}</ul>
        </Section>
        <Section id="meetings" title={i.t('groups.meetings')}>
          {g.meetings.length
            ? <ul>{g.meetings.map((e) => <li>
              <a href={i.path(`/events/${enc(e.id)}`)} lang={lang}>{e.title}</a>
              <span class="muted">{[e.startOn && i.date(e.startOn), e.online ? i.t('groups.online') : e.placeText].filter(Boolean).map((x) => ` · ${x}`).join('')}</span>
              {e.visibility === 'members' && <span class="badge"> {i.t('groups.membersOnly')}</span>}
            </li>)}</ul>
            : <p>{i.t('groups.noMeetings')}</p>}
        </Section>
        {props.news}
        <Section id="members" title={i.t('groups.memberList')}>
          <Members i={i} g={g} />
        </Section>
      </article>
    </Layout>
  );
}
