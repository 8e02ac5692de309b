/**
 * A person's saved searches of funding calls in their data export and erasure (RGPD; people/people.service.ts): the
 * alerts are found by e-mail. A reader who is not the person nor a platform administrator sees only the alerts made
 * for an organisation they belong to or administer — an alert made in a personal capacity stays with its author. The
 * export leaves out the secrets (feed key, link hashes).
 */
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, type Actor } from '../../lib/actor.js';
import { accessTo } from '../members/members.access.js';
import { toView, type AlertView } from './alerts.service.js';

export type AlertExport = Omit<AlertView, 'feedKey'>;

export async function alertsOf(db: Db, email: string | null, reader?: Actor): Promise<AlertExport[]> {
  if (!email) return [];
  const rows = await db.query('select * from funding_alert where lower(email) = lower($1) order by created_at desc, id', [email]);
  const all = !reader || isPlatformAdmin(reader) || reader.email?.toLowerCase() === email.toLowerCase();
  const out: AlertExport[] = [];
  for (const r of rows) {
    if (!all && !(r.organisation_id && await accessTo(db, reader!, r.organisation_id))) continue;
    const { feedKey: _secret, ...view } = toView(r);
    out.push(view);
  }
  return out;
}

/** Deletes the alerts of this e-mail; returns how many. */
export async function eraseAlertsOf(db: Db, email: string): Promise<number> {
  return (await db.query('delete from funding_alert where lower(email) = lower($1) returning id', [email])).length;
}
