/** GET /espace (fr; /en/espace, /vi/espace): the signed-in member's workspace; visitors are sent to the login page. */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { workspace } from '../../../../server/src/features/workspace/workspace.service.js';
import type { I18n } from '../../i18n/index.js';
import { WorkspacePage } from './WorkspacePage.js';
import { OrganisedEvents, organisedEvents } from '../registration/OrganisedEvents.js';
import { mySurveys } from '../surveys/SurveysBlock.js';

export async function workspacePage(c: Context, i: I18n, db: Db): Promise<Response> {
  const actor = getActor(c);
  if (!actor) {
    // `next` as the brief names it, `returnTo` as the accounts pages read it (as the edit forms do)
    const to = encodeURIComponent(i.path('/espace'));
    return c.redirect(`${i.path('/login')}?next=${to}&returnTo=${to}`, 303);
  }
  return c.html(<WorkspacePage i={i} w={await workspace(db, actor)} events={<><OrganisedEvents i={i} events={await organisedEvents(db, actor)} />{await mySurveys(c, i, db)}</>} />);
}
