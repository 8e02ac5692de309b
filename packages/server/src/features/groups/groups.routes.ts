/** Groups over the API: networks, country and thematic groups, memberships, offices, funders, meetings (issue 15). */
import { route, type RouteDef } from '../../lib/api.js';
import { getActor, writeContext, type Actor } from '../../lib/actor.js';
import { groupListQuery, groupProfileInput, membershipChange, membershipInput } from './groups.schema.js';
import { addMember, changeMember, getGroup, listGroups, removeMember, updateProfile } from './groups.service.js';

const tag = 'groups';
/** The writer: the signed-in account, or the admin token acting as a platform administrator. */
const writer = (c: Parameters<typeof getActor>[0]): Actor => writeContext(c).actor as Actor;

export const groupRoutes: RouteDef[] = [
  route({ method: 'get', path: '/api/groups', tag, summary: 'Groups: networks, country groups and thematic groups (filter by kind and country)',
    query: groupListQuery, handler: ({ db, query }) => listGroups(db, query) }),
  route({ method: 'get', path: '/api/groups/:id', tag, summary: 'A group: profile, parent network, child groups, members with role and since (and their partnerships in the group\'s scope), offices, funders, vacant roles, agenda and meetings (members-only ones for its members)',
    primary: true, handler: ({ c, db, params }) => getGroup(db, getActor(c), params.id) }),
  route({ method: 'put', path: '/api/groups/:id/profile', tag, summary: 'Change a group\'s profile, offices and funders (its network administrators, those of its parent network, platform administrators; send the version you read)',
    body: groupProfileInput, write: true, handler: ({ c, db, params, body }) => updateProfile(db, writer(c), params.id, body) }),
  route({ method: 'post', path: '/api/groups/:id/members', tag, summary: 'Add a member organisation to a group (its managers)', status: 201,
    body: membershipInput, write: true, handler: ({ c, db, params, body }) => addMember(db, writer(c), params.id, body) }),
  route({ method: 'put', path: '/api/groups/:id/members/:orgId', tag, summary: 'Change a member\'s role or since date (the group\'s managers)',
    body: membershipChange, write: true, handler: ({ c, db, params, body }) => changeMember(db, writer(c), params.id, params.orgId, body) }),
  route({ method: 'delete', path: '/api/groups/:id/members/:orgId', tag, summary: 'Remove a member organisation from a group (the group\'s managers)', status: 204,
    write: true, handler: ({ c, db, params }) => removeMember(db, writer(c), params.id, params.orgId) }),
];
