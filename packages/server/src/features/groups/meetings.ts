/**
 * A group's meetings are events with group_id and visibility (migration 0018). The event input takes two more
 * optional fields here (server-side, so that the shared package stays as on main): the group, and who sees it.
 * A members-only meeting does not exist for anyone outside the group (404), is never indexed for search, exported,
 * listed in a series' chronology, in a calendar feed or in /api/events for them.
 */
import { z } from 'zod';
import { eventInput, eventUpdateInput, idSchema } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { getActor, type Actor, type WriteContext } from '../../lib/actor.js';
import { HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { assertExist } from '../../lib/records.js';
import { canManageGroup, canSeeEvent } from './groups.access.js';

export const eventVisibilities = ['public', 'members'] as const;
export const meetingFields = {
  /** the group (an organisation of kind 'network') whose meeting this is */
  groupId: idSchema.nullable().optional(),
  /** 'members': only the group's members (and its network administrators) see it */
  visibility: z.enum(eventVisibilities).default('public'),
};
export const eventWithGroupInput = eventInput.extend(meetingFields);
export const eventWithGroupUpdate = eventUpdateInput.extend(meetingFields);
export type MeetingFields = { groupId?: string | null; visibility?: 'public' | 'members' };

/** Checks and writes an event's group and visibility (inside the event's write). Only the group's managers attach a meeting to it. */
export async function writeMeetingFields(tx: Db, id: string, input: MeetingFields, ctx: WriteContext): Promise<void> {
  const groupId = input.groupId ?? null, visibility = input.visibility ?? 'public';
  if (visibility === 'members' && !groupId) throw new ValidationError([{ path: 'visibility', message: 'a members-only meeting belongs to a group: choose the group' }]);
  const [cur] = await tx.query<{ group_id: string | null }>('select group_id from event where id = $1', [id]);
  if (groupId) {
    await assertExist(tx, 'organisation', [{ path: 'groupId', id: groupId }]);
    const [g] = await tx.query('select 1 as ok from group_profile where organisation_id = $1', [groupId]);
    if (!g) throw new ValidationError([{ path: 'groupId', message: `"${groupId}" is not a group` }]);
    if (!('system' in ctx.actor) && groupId !== cur?.group_id && !await canManageGroup(tx, ctx.actor, groupId)) {
      throw new HttpError(403, 'only the group\'s network administrators (or platform administrators) hold its meetings');
    }
  }
  await tx.query('update event set group_id = $2, visibility = $3 where id = $1', [id, groupId, visibility]);
}

/** 404 unless the reader may see the event (members-only meetings: the group's members and managers). */
export async function assertSeesEvent(db: Db, actor: Actor | null, id: string): Promise<void> {
  const [ev] = await db.query<{ visibility: string; group_id: string | null }>('select visibility, group_id from event where id = $1', [id]);
  if (!ev) throw new NotFoundError('event', id);
  if (!await canSeeEvent(db, actor, ev)) throw new NotFoundError('event', id);
}

/** The same from a request (pages and routes). */
export const assertRequestSeesEvent = (c: Parameters<typeof getActor>[0], db: Db, id: string) => assertSeesEvent(db, getActor(c), id);

/** Is the event public (the feeds and exports keep only those)? */
export async function isPublicEvent(db: Db, id: string): Promise<boolean> {
  const [ev] = await db.query<{ visibility: string }>('select visibility from event where id = $1', [id]);
  return !ev || ev.visibility === 'public';
}
