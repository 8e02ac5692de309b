/** Page routes of who (issue 15); paths are GET unless written 'POST /path' (routes.tsx). */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { contactPage, themePage, whoElsePage } from './who.pages.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const whoPageRoutes: Array<[string, Handler]> = [
  ['/who-else', whoElsePage], // the filter form and every organisation found
  ['/who-else/contact/:orgId', contactPage], // the contact form (signed-in members)
  ['POST /who-else/contact/:orgId', contactPage],
  ['/themes/:id', themePage], // a theme: sub-themes, records on it, who else works on it
];
