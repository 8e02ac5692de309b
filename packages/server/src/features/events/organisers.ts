/**
 * An event's organisers: the members of its host organisations (a network administrator's grant is on the
 * network, so a network's events are managed by its administrators) and platform administrators. They manage
 * the event, its programme, its registration form and its registrations; nobody else reads registrations
 * (the registrant reads their own through the private link or their account).
 */
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, memberOf, type Actor, type SYSTEM } from '../../lib/actor.js';
import { HttpError, NotFoundError } from '../../lib/errors.js';

export async function isOrganiser(db: Db, actor: Actor | typeof SYSTEM | null, eventId: string): Promise<boolean> {
  if (!actor) return false;
  if (isPlatformAdmin(actor)) return true;
  const mine = [...memberOf(actor)];
  if (!mine.length) return false;
  const [row] = await db.query('select 1 as ok from event_host where event_id = $1 and organisation_id = any($2::text[]) limit 1', [eventId, mine]);
  return !!row;
}

/**
 * Throws unless the actor organises the event: 404 when the event does not exist, and 404 as well for those
 * who are not signed in or not organisers (registrations' existence is not told), 403 for signed-in members
 * of other organisations when `tell` is set (the event is public, only its management is refused).
 */
export async function assertOrganiser(db: Db, actor: Actor | typeof SYSTEM | null, eventId: string, tell = true): Promise<void> {
  const [ev] = await db.query('select id from event where id = $1', [eventId]);
  if (!ev) throw new NotFoundError('event', eventId);
  if (await isOrganiser(db, actor, eventId)) return;
  if (tell && actor) throw new HttpError(403, 'only the organisers of this event (members of its host organisations) manage it');
  throw new NotFoundError('event', eventId);
}
