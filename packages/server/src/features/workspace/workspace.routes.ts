import { route } from '../../lib/api.js';
import { getActor } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import { workspace } from './workspace.service.js';

export const workspaceRoutes = [
  route({ method: 'get', path: '/api/me/workspace', tag: 'auth',
    summary: 'My workspace (401 when nobody is signed in): my organisations with their partnerships, projects and delegations, the shared records awaiting my side\'s validation, the APD years to declare, the latest changes by other accounts',
    returns: '{platformAdmin, organisations:[{id, name, roles, partnerships, projects, missions}], awaiting, apd, changes}',
    handler: async ({ c, db }) => {
      const actor = getActor(c);
      if (!actor) throw new HttpError(401, 'nobody is signed in');
      return workspace(db, actor);
    } }),
];
