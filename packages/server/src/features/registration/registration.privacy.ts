/**
 * A person's registrations for their rights (RGPD): included in the export of the person (and of a signed-in
 * account: same e-mail), erased with the person. Erasing frees the places held, which go to the waiting list.
 */
import type { RegistrationView } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, type Actor } from '../../lib/actor.js';
import { isOrganiser } from '../events/organisers.js';
import { lockEvent } from '../events/places.js';
import { sendRegistrationMails } from './registration.mail.js';
import { fillPlaces } from './registration.queue.js';
import { viewsOf } from './registration.view.js';

/**
 * Every registration made with this e-mail (or by this account), newest first. Given a reader (the person's
 * export read by a member of their organisation), only those of the events the reader organises, unless the
 * reader is the person themself or a platform administrator.
 */
export async function registrationsOf(db: Db, who: { email: string | null; accountId?: string | null }, reader?: Actor): Promise<RegistrationView[]> {
  if (!who.email && !who.accountId) return [];
  const rows = await db.query<{ id: string; event_id: string }>(`select id, event_id from registration where email = lower($1) or account_id = $2
    order by created_at desc, id`, [who.email ?? '', who.accountId ?? null]);
  const out: RegistrationView[] = [];
  const all = !reader || isPlatformAdmin(reader) || (!!who.email && reader.email.toLowerCase() === who.email.toLowerCase());
  for (const eventId of new Set(rows.map((r) => r.event_id))) if (all || await isOrganiser(db, reader!, eventId)) out.push(...await viewsOf(db, eventId, rows.filter((r) => r.event_id === eventId).map((r) => r.id)));
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Deletes the registrations of this e-mail (each event locked, its freed places offered); returns how many. */
export async function eraseRegistrationsOf(db: Db, email: string): Promise<number> {
  const events = await db.query<{ event_id: string }>('select distinct event_id from registration where email = lower($1)', [email]);
  let n = 0;
  for (const { event_id: eventId } of events) {
    const mails = await db.transaction(async (tx) => {
      await lockEvent(tx, eventId);
      n += (await tx.query('delete from registration where event_id = $1 and email = lower($2) returning id', [eventId, email])).length;
      return fillPlaces(tx, eventId, new Date());
    });
    void sendRegistrationMails(mails);
  }
  return n;
}
