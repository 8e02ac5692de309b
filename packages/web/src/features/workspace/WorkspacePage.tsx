/**
 * /espace: the member's home — create actions, what awaits them (validations, APD declarations), their
 * organisations with their partnerships, projects and delegations, and their partners' latest changes.
 */
import type { Child } from 'hono/jsx';
import type { Workspace, WorkList, WorkOrganisation } from '../../../../server/src/features/workspace/workspace.service.js';
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import { revisionAuthor } from '../../components/Collaboration.js';

const PLURAL: Record<string, string> = { partnership: 'partnerships', project: 'projects', organisation: 'organisations', mission: 'missions', territory: 'territories', event: 'events', event_series: 'series' };
const sheet = (i: I18n, kind: string, id: string) => i.path(`/${PLURAL[kind]}/${encodeURIComponent(id)}`);

/** The kinds a person may create from here: territories for platform administrators only (features/permissions). */
export function creatableKinds(w: Pick<Workspace, 'platformAdmin' | 'organisations'>): string[] {
  const member = w.organisations.some((o) => o.roles.some((r) => r === 'member' || r === 'network_admin'));
  if (w.platformAdmin) return ['partnerships', 'projects', 'missions', 'events', 'organisations', 'territories'];
  return member ? ['partnerships', 'projects', 'missions', 'events', 'organisations'] : [];
}

function Block(props: { i: I18n; org: WorkOrganisation; kind: 'partnership' | 'project' | 'mission'; list: WorkList }) {
  const { i, org, kind, list } = props;
  const plural = PLURAL[kind] as 'partnerships' | 'projects' | 'missions';
  const hid = `o-${org.id}-${plural}`;
  return (
    <section class="work-block" aria-labelledby={hid}>
      <h4 id={hid}>{i.t(`workspace.${plural}`)} <span class="muted">({i.num(list.total)})</span></h4>
      {list.items.length ? (
        <ul class="link-list">
          {list.items.map((x) => (
            <li><a href={sheet(i, kind, x.id)} lang={textLang(i)}>{x.title}</a>{' '}
              <span class="muted">— {kind === 'mission' ? [i.l('direction', x.status), x.date && i.date(x.date)].filter(Boolean).join(', ') : i.l('status', x.status)}</span></li>
          ))}
        </ul>
      ) : <p class="muted">{i.t(`workspace.none.${plural}`)}</p>}
      {list.total > list.items.length && <p><a href={sheet(i, 'organisation', org.id)}>{i.plural('workspace.more', list.total - list.items.length)}</a></p>}
    </section>
  );
}

function Organisation(props: { i: I18n; org: WorkOrganisation }) {
  const { i, org } = props;
  return (
    <section class="work-org" aria-labelledby={`o-${org.id}`}>
      <h3 id={`o-${org.id}`}><a href={sheet(i, 'organisation', org.id)} lang={textLang(i)}>{org.name}</a></h3>
      <p class="muted">{org.roles.map((r) => i.t(`workspace.role.${r}` as MessageKey)).join(', ')}
        {' · '}<a href={i.path(`/espace/organisations/${encodeURIComponent(org.id)}/membres`)}>{i.t('workspace.members')}</a></p>
      <Block i={i} org={org} kind="partnership" list={org.partnerships} />
      <Block i={i} org={org} kind="project" list={org.projects} />
      <Block i={i} org={org} kind="mission" list={org.missions} />
    </section>
  );
}

/** A part of the page: its heading, then the list (with its lead) or what to expect when there is nothing yet. */
function Part(props: { i: I18n; id: string; title: MessageKey; lead?: MessageKey; none: MessageKey; items: Child[] }) {
  const { i } = props;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{i.t(props.title)}</h2>
      {props.items.length ? <>
        {props.lead && <p class="muted">{i.t(props.lead)}</p>}
        <ul class="link-list">{props.items}</ul>
      </> : <p class="muted">{i.t(props.none)}</p>}
    </section>
  );
}

export function WorkspacePage(props: { i: I18n; w: Workspace; events?: Child }) {
  const { i, w } = props;
  const kinds = creatableKinds(w);
  return (
    <Layout i={i} meta={{ title: i.t('workspace.title'), path: '/espace', noindex: true }}>
      <header class="sheet-header">
        <h1>{i.t('workspace.title')}</h1>
        <p class="lead">{i.t('workspace.lead')}</p>
        <p class="fc-espace-link"><a href={i.path('/espace/funding-calls')}>{i.t('fc.mine')}</a> · <a href={i.path('/espace/funding-alerts')}>{i.t('fa.mine.title')}</a> · <a href={i.path('/espace/extract')}>{i.t('ex.link')}</a></p>
      </header>
      {w.platformAdmin && <div class="notice" role="note"><p>{i.t('workspace.admin')} <a href={i.path('/search?kind=organisation')}>{i.t('workspace.admin.list')}</a></p></div>}
      {kinds.length > 0 && (
        <section aria-labelledby="create-h" class="work-create">
          <h2 id="create-h">{i.t('workspace.create')}</h2>
          <ul class="create-actions">
            {kinds.map((k) => <li><a href={i.path(`/new/${k}`)} class="button">{i.t(`workspace.create.${k}` as MessageKey)}</a></li>)}
          </ul>
        </section>
      )}
      <Part i={i} id="awaiting-h" title="workspace.awaiting" lead="workspace.awaiting.lead" none="workspace.awaiting.none" items={w.awaiting.map((a) => (
        <li><a href={`${sheet(i, a.kind, a.id)}#validation-h`} lang={textLang(i)}>{a.title}</a>{' '}
          <span class="muted">— {i.l('kind', a.kind)}{w.organisations.length > 1 && `, ${i.t('workspace.awaiting.for', { org: a.organisationName })}`}</span></li>
      ))} />
      <Part i={i} id="apd-h" title="workspace.apd" lead="workspace.apd.lead" none="workspace.apd.none" items={w.apd.map((d) => (
        <li><a href={i.path(`/apd/${encodeURIComponent(d.organisationId)}/${d.year}`)}>{i.t('workspace.apd.item', { year: d.year, org: d.organisationName })}</a>{' '}
          <span class="muted">— {i.t(d.draft ? 'workspace.apd.draft' : 'workspace.apd.todo')}</span></li>
      ))} />
      <section aria-labelledby="orgs-h">
        <h2 id="orgs-h">{i.t('workspace.orgs')}</h2>
        {w.organisations.length ? w.organisations.map((o) => <Organisation i={i} org={o} />) : <p>{i.t('workspace.orgs.none')}</p>}
      </section>
      {props.events /* events the member organises: features/registration/OrganisedEvents.tsx */}
      <Part i={i} id="changes-h" title="workspace.changes" none="workspace.changes.none" items={w.changes.map((x) => (
        <li><a href={sheet(i, x.kind, x.id)} lang={textLang(i)}>{x.title}</a>{' '}
          <span class="muted">— {i.l('kind', x.kind)} · {i.t(`history.action.${x.action}` as MessageKey)} · {i.t('history.by', { who: revisionAuthor(i, x.actor), when: i.when(x.at, true) })}</span></li>
      ))} />
    </Layout>
  );
}
