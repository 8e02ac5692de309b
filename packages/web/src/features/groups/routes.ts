/** Page routes of groups (issue 15); paths are GET unless written 'POST /path' (routes.tsx). */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { groupPage, groupsListPage, managePage } from './groups.page.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const groupsPageRoutes: Array<[string, Handler]> = [
  ['/groups', groupsListPage],
  ['/groups/:id', groupPage],
  ['/espace/groups/:id', managePage],
  ['POST /espace/groups/:id', managePage],
];
