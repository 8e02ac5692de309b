/**
 * /espace: the member's home — create actions, what awaits them (validations, APD declarations), their
 * organisations with their partnerships, projects and delegations, and their partners' latest changes.
 */
import type { Workspace, WorkList, WorkOrganisation } from '../../../../server/src/features/workspace/workspace.service.js';
import { textLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Layout } from '../../components/Layout.js';
import { revisionAuthor } from '../../components/Collaboration.js';

const PLURAL: Record<string, string> = { partnership: 'partnerships', project: 'projects', organisation: 'organisations', mission: 'missions', territory: 'territories' };
const sheet = (i: I18n, kind: string, id: string) => i.path(`/${PLURAL[kind]}/${encodeURIComponent(id)}`);

/** The kinds a person may create from here: territories for platform administrators only (features/permissions). */
export function creatableKinds(w: Pick<Workspace, 'platformAdmin' | 'organisations'>): string[] {
  const member = w.organisations.some((o) => o.roles.some((r) => r === 'member' || r === 'network_admin'));
  if (w.platformAdmin) return ['partnerships', 'projects', 'missions', 'organisations', 'territories'];
  return member ? ['partnerships', 'projects', 'missions', 'organisations'] : [];
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

export function WorkspacePage(props: { i: I18n; w: Workspace }) {
  const { i, w } = props;
  const kinds = creatableKinds(w);
  return (
    <Layout i={i} meta={{ title: i.t('workspace.title'), path: '/espace', noindex: true }}>
      <header class="sheet-header">
        <h1>{i.t('workspace.title')}</h1>
        <p class="lead">{i.t('workspace.lead')}</p>
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
      <section aria-labelledby="awaiting-h">
        <h2 id="awaiting-h">{i.t('workspace.awaiting')}</h2>
        {w.awaiting.length ? <>
          <p class="muted">{i.t('workspace.awaiting.lead')}</p>
          <ul class="link-list work-awaiting">
            {w.awaiting.map((a) => (
              <li><a href={`${sheet(i, a.kind, a.id)}#validation-h`} lang={textLang(i)}>{a.title}</a>{' '}
                <span class="muted">— {i.l('kind', a.kind)}{w.organisations.length > 1 && `, ${i.t('workspace.awaiting.for', { org: a.organisationName })}`}</span></li>
            ))}
          </ul>
        </> : <p class="muted">{i.t('workspace.awaiting.none')}</p>}
      </section>
      <section aria-labelledby="apd-h">
        <h2 id="apd-h">{i.t('workspace.apd')}</h2>
        {w.apd.length ? <>
          <p class="muted">{i.t('workspace.apd.lead')}</p>
          <ul class="link-list work-apd">
            {w.apd.map((d) => (
              <li><a href={i.path(`/apd/${encodeURIComponent(d.organisationId)}/${d.year}`)}>{i.t('workspace.apd.item', { year: d.year, org: d.organisationName })}</a>{' '}
                <span class="muted">— {i.t(d.draft ? 'workspace.apd.draft' : 'workspace.apd.todo')}</span></li>
            ))}
          </ul>
        </> : <p class="muted">{i.t('workspace.apd.none')}</p>}
      </section>
      <section aria-labelledby="orgs-h">
        <h2 id="orgs-h">{i.t('workspace.orgs')}</h2>
        {w.organisations.length ? w.organisations.map((o) => <Organisation i={i} org={o} />) : <p>{i.t('workspace.orgs.none')}</p>}
      </section>
      <section aria-labelledby="changes-h">
        <h2 id="changes-h">{i.t('workspace.changes')}</h2>
        {w.changes.length ? (
          <ul class="link-list work-changes">
            {w.changes.map((x) => (
              <li><a href={sheet(i, x.kind, x.id)} lang={textLang(i)}>{x.title}</a>{' '}
                <span class="muted">— {i.l('kind', x.kind)} · {i.t(`history.action.${x.action}` as MessageKey)} · {i.t('history.by', { who: revisionAuthor(i, x.actor), when: i.when(x.at, true) })}</span></li>
            ))}
          </ul>
        ) : <p class="muted">{i.t('workspace.changes.none')}</p>}
      </section>
    </Layout>
  );
}
