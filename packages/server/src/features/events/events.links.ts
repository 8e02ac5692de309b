/**
 * An event's documents (rows of `link`, owner 'event') and related events (`event_related`, migration 0019), written
 * inside the event's write. A related event is shown on both sheets; a members-only meeting never shows through another
 * event: an event lists a related one only when it is public, or when both are meetings of the same group and this
 * one is members-only (whoever sees it sees the other).
 */
import type { Db } from '../../db/client.js';
import { ValidationError } from '../../lib/errors.js';
import { assertExist } from '../../lib/records.js';
import { formatPartialDate, type EventInput } from '@tandem/shared';
import { insertLinks, listLinks } from '../links/links.js';

type LinksInput = Pick<EventInput, 'links' | 'relatedEvents'> & { visibility?: string; groupId?: string | null };

/** 400 naming `relatedEvents.N`: unknown, itself, or a members-only meeting this event could not show. */
export async function checkEventLinks(db: Db, input: Partial<LinksInput>, id: string) {
  const related = input.relatedEvents ?? [];
  await assertExist(db, 'event', related.map((r, k) => ({ path: `relatedEvents.${k}`, id: r })));
  const rows = await db.query<{ id: string; visibility: string; group_id: string | null }>('select id, visibility, group_id from event where id = any($1::text[])', [related]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const issues = related.flatMap((r, k) => {
    if (r === id) return [{ path: `relatedEvents.${k}`, message: 'an event is not related to itself' }];
    const other = byId.get(r);
    const sameGroup = input.visibility === 'members' && other?.group_id && other.group_id === (input.groupId ?? null);
    if (other && other.visibility !== 'public' && !sameGroup) return [{ path: `relatedEvents.${k}`, message: 'a members-only meeting of another group cannot be linked here' }];
    return [];
  });
  if (issues.length) throw new ValidationError(issues);
}

export async function writeEventLinks(db: Db, id: string, input: Partial<LinksInput>) {
  await insertLinks(db, 'event', id, input.links ?? []);
  await db.query('delete from event_related where event_id = $1', [id]);
  for (const [k, r] of [...new Set(input.relatedEvents ?? [])].entries()) {
    await db.query('insert into event_related (event_id, related_id, position) values ($1, $2, $3)', [id, r, k]);
  }
}

export interface RelatedEvent { id: string; title: string; start: string | null; kind: string; direction: 'to' | 'from' }

/** The event's documents and the related events it may show (see the rule above), those it names first. */
export async function eventLinksOf(db: Db, ev: { id: string; visibility: string; group_id: string | null }) {
  const rows = await db.query(`select e.id, e.title, e.kind, e.start_on, e.start_precision, e.visibility, e.group_id, x.direction, x.position
    from (select related_id as id, 'to' as direction, position from event_related where event_id = $1
          union all select event_id, 'from', 1000 + position from event_related where related_id = $1) x
    join event e on e.id = x.id order by x.position, e.start_on nulls last, e.id`, [ev.id]);
  const seen = new Set<string>();
  const related: RelatedEvent[] = [];
  for (const r of rows) {
    const shown = r.visibility === 'public' || (ev.visibility === 'members' && r.group_id && r.group_id === ev.group_id);
    if (!shown || seen.has(r.id)) continue;
    seen.add(r.id);
    related.push({ id: r.id, title: r.title, kind: r.kind, start: formatPartialDate(r.start_on, r.start_precision), direction: r.direction });
  }
  return { links: await listLinks(db, 'event', ev.id), related };
}

/** When an event is deleted, its documents go with it (event_related cascades). */
export const deleteEventLinks = (db: Db, id: string) => db.query(`delete from link where owner_kind = 'event' and owner_id = $1`, [id]);
