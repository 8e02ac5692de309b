/** Page routes of registration (features/registration); paths are GET unless written 'POST /path' (routes.tsx). */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import type { I18n } from '../../i18n/index.js';
import { registerPage } from './register.page.js';
import { registrationPage } from './registration.page.js';
import { participantsPage } from './participants.page.js';
import { inscriptionsPage } from './inscriptions.page.js';
import { formBuilderPage } from './formulaire.page.js';

type Handler = (c: Context, i: I18n, db: Db) => Promise<Response>;

export const registrationRoutes: Array<[string, Handler]> = [
  ['/events/:id/register', registerPage],
  ['POST /events/:id/register', registerPage],
  ['/events/:id/participants', participantsPage],
  ['/registrations/:token', registrationPage], // the registrant's private link: noindex, no-referrer, no-store
  ['POST /registrations/:token', registrationPage],
  ['/espace/events/:id/inscriptions', inscriptionsPage], // organisers
  ['POST /espace/events/:id/inscriptions', inscriptionsPage],
  ['/espace/events/:id/formulaire', formBuilderPage],
  ['POST /espace/events/:id/formulaire', formBuilderPage],
];
