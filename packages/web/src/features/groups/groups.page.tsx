/**
 * Page handlers of groups: /groups, /groups/:id, and /espace/groups/:id (GET the managers' page; POST action =
 * profile | add | role | remove, through the same services as the API, then 303 back with ?done=1, or the page
 * again with the problem). Signed out: the sign-in page; not a manager: 403.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { csrfToken } from '../../../../server/src/features/auth/csrf.js';
import { groupProfileInput, membershipChange, membershipInput } from '../../../../server/src/features/groups/groups.schema.js';
import { addMember, changeMember, getGroup, listGroups, removeMember, updateProfile } from '../../../../server/src/features/groups/groups.service.js';
import type { I18n } from '../../i18n/index.js';
import { GroupPage, GroupsListPage } from './GroupPage.js';
import { NewsForGroup } from '../news/blocks.js';
import { ManagePage, managePath } from './ManagePage.js';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown) => str(v).split(/[,\n]/).map((s) => s.trim()).filter(Boolean);

export async function groupsListPage(c: Context, i: I18n, db: Db) {
  return c.html(<GroupsListPage i={i} groups={await listGroups(db, {})} />);
}

export async function groupPage(c: Context, i: I18n, db: Db) {
  const g = await getGroup(db, getActor(c), c.req.param('id') as string);
  return c.html(<GroupPage i={i} g={g} news={await NewsForGroup({ i, db, groupId: g.id })} />);
}

/** The profile form's fields as the API's input. */
function profileOf(form: Record<string, unknown>) {
  return {
    version: Number(str(form.version)) || 0, groupKind: str(form.groupKind), country: str(form.country).toUpperCase() || null,
    themes: list(form.themes), parentId: str(form.parentId) || null, agenda: str(form.agenda) || null, vacantRoles: list(form.vacantRoles),
    offices: str(form.offices).split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => {
      const [name, ...rest] = l.split('|').map((s) => s.trim());
      return { name, address: rest.join(' | ') || null };
    }),
    funderIds: list(form.funderIds),
  };
}

export async function managePage(c: Context, i: I18n, db: Db) {
  const id = c.req.param('id') as string;
  const actor = getActor(c);
  if (!actor) return c.redirect(`${i.path('/login')}?returnTo=${encodeURIComponent(i.path(managePath(id)))}`, 303);
  const g = await getGroup(db, actor, id);
  if (!g.canManage) return c.html(<ManagePage i={i} g={{ ...g, memberList: [] }} csrf={null} problem={i.t('groups.espace.forbidden')} />, 403);
  const csrf = csrfToken(c);
  if (c.req.method !== 'POST') return c.html(<ManagePage i={i} g={g} csrf={csrf} done={c.req.query('done') === '1'} />);
  const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const action = str(form.action);
  try {
    if (action === 'profile') await updateProfile(db, actor, id, groupProfileInput.parse(profileOf(form)));
    else if (action === 'add') await addMember(db, actor, id, membershipInput.parse({ organisationId: str(form.organisationId), role: str(form.role) || 'member', since: str(form.since) || null }));
    else if (action === 'role') await changeMember(db, actor, id, str(form.organisationId), membershipChange.parse({ role: str(form.role) }));
    else if (action === 'remove') await removeMember(db, actor, id, str(form.organisationId));
    else throw new HttpError(400, 'unknown action');
    return c.redirect(`${i.path(managePath(id))}?done=1`, 303);
  } catch (err) {
    const zod = err as { issues?: Array<{ path: PropertyKey[]; message: string }> };
    let problem: string, status = 400;
    if (err instanceof HttpError) {
      status = err.status;
      problem = err.status === 409 && action === 'profile' ? i.t('groups.espace.conflict') : i.t('groups.espace.error', { message: err.message });
    } else if (Array.isArray(zod.issues)) {
      problem = i.t('groups.espace.error', { message: zod.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
    } else throw err;
    return c.html(<ManagePage i={i} g={await getGroup(db, actor, id)} csrf={csrf} problem={problem} />, status as 400);
  }
}
