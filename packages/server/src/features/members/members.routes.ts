/** The people of an organisation, and platform administrators' accounts (disable, enable), in the route table. */
import { z } from 'zod';
import { route } from '../../lib/api.js';
import { getActor, isPlatformAdmin, type Actor } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import { clientIp } from '../audit/audit.js';
import { ACCOUNTS_PAGE, searchAccounts, setDisabled } from './admin-accounts.js';
import { cancelInvitation, changeRole, membersView, removeMember } from './members.service.js';

const tag = 'members';
const orgRole = z.enum(['member', 'network_admin']);
export const memberSchemas = {
  role: z.object({ role: z.enum(['member', 'network_admin', 'platform_admin'], 'choose a role: member or network_admin'), was: orgRole.optional() }),
  accounts: z.object({ q: z.string().trim().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(ACCOUNTS_PAGE), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) }),
};

function signedIn(c: any): Actor {
  const actor = getActor(c);
  if (!actor) throw new HttpError(401, 'sign in first');
  return actor;
}
function platformAdmin(c: any): Actor {
  const actor = signedIn(c);
  if (!isPlatformAdmin(actor)) throw new HttpError(403, 'platform administrators only');
  return actor;
}

export const memberRoutes = [
  route({ method: 'get', path: '/api/organisations/:id/members', tag, summary: 'The members of an organisation (name, e-mail, role, since) and its pending invitations: its members, the administrators of its networks, platform administrators (403 for others)',
    returns: '{organisation, access, groups, members, invitations}',
    handler: ({ c, db, params }) => membersView(db, getActor(c), params.id) }),
  route({ method: 'put', path: '/api/organisations/:id/members/:accountId', tag, body: memberSchemas.role, write: true, returns: 'the member',
    summary: 'Change a member\'s role in the organisation ("member", or "network_admin" in a network): administrators of its networks and platform administrators; "was" (the role you read) gives 409 if it changed meanwhile',
    handler: async ({ c, db, params, body }) => changeRole(db, signedIn(c), params.id, params.accountId, body, clientIp(c)) }),
  route({ method: 'delete', path: '/api/organisations/:id/members/:accountId', tag, write: true, status: 204,
    summary: 'Remove someone from the organisation (administrators of its networks, platform administrators), or leave it yourself',
    handler: async ({ c, db, params }) => { await removeMember(db, signedIn(c), params.id, params.accountId, clientIp(c)); return null; } }),
  route({ method: 'delete', path: '/api/organisations/:id/invitations/:invitationId', tag, write: true, status: 204,
    summary: 'Cancel a pending invitation into the organisation (administrators, or the member who sent it)',
    handler: async ({ c, db, params }) => { await cancelInvitation(db, signedIn(c), params.id, params.invitationId, clientIp(c)); return null; } }),
  route({ method: 'get', path: '/api/admin/accounts/search', tag, admin: true, query: memberSchemas.accounts, returns: '{items, total}',
    summary: 'Accounts whose e-mail or name contains the words, with their roles and organisation names (platform administrators)',
    handler: async ({ c, db, query }) => { platformAdmin(c); return searchAccounts(db, query); } }),
  route({ method: 'post', path: '/api/admin/accounts/:id/disable', tag, admin: true, write: true, returns: '{id, disabledAt}',
    summary: 'Disable an account: its sessions end, it can no longer sign in nor use its API tokens (platform administrators; audited)',
    handler: async ({ c, db, params }) => setDisabled(db, platformAdmin(c), params.id, true, clientIp(c)) }),
  route({ method: 'post', path: '/api/admin/accounts/:id/enable', tag, admin: true, write: true, returns: '{id, disabledAt}',
    summary: 'Enable a disabled account again (platform administrators; audited)',
    handler: async ({ c, db, params }) => setDisabled(db, platformAdmin(c), params.id, false, clientIp(c)) }),
];
