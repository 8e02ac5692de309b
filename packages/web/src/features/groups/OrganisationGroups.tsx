/** An organisation's sheet: « Groupes et réseaux » — its group page when it is a group, and the groups it belongs to. */
import type { Db } from '../../../../server/src/db/client.js';
import { groupsOfOrganisation } from '../../../../server/src/features/groups/groups.service.js';
import { textLang, type I18n } from '../../i18n/index.js';
import { Section } from '../../components/Sheet.js';
import { roleText } from './GroupPage.js';

export async function organisationGroups(i: I18n, db: Db, organisationId: string) {
  const [own] = await db.query('select 1 as ok from group_profile where organisation_id = $1', [organisationId]);
  const groups = await groupsOfOrganisation(db, organisationId);
  const lang = textLang(i);
  return (
    <Section id="groups" title={i.t('groups.ofOrganisation')} when={!!own || groups.length > 0}>
      <ul>
        {own && <li><a href={i.path(`/groups/${encodeURIComponent(organisationId)}`)}>{i.t('groups.title')}</a></li>}
        {groups.map((g) => <li><a href={i.path(`/groups/${encodeURIComponent(g.id)}`)} lang={lang}>{g.name}</a>
          {g.role !== 'member' && <span class="muted"> ({roleText(i, g.role)})</span>}</li>)}
      </ul>
    </Section>
  );
}
