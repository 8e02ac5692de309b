/**
 * Who manages a survey: the members of the organisation that runs it, the network administrators above it (and
 * platform administrators: `accessTo`), and the organisers of its event. They build it, open and close it, invite
 * and remind, and read identified answers. Everyone else sees a survey once it is no longer a draft, its results
 * only when the organiser publishes them, and never an identified answer.
 */
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { HttpError, NotFoundError } from '../../lib/errors.js';
import { accessTo } from '../members/members.access.js';
import { isOrganiser } from '../events/organisers.js';

export interface SurveyOwner { id: string; organisation_id: string; event_id: string | null; status: string; results_public: boolean; free_answers_public: boolean }

export async function surveyRow(db: Db, id: string): Promise<SurveyOwner> {
  const [row] = await db.query(
    'select id, organisation_id, event_id, status, results_public, free_answers_public from survey where id = $1', [id]);
  if (!row) throw new NotFoundError('survey', id);
  return row as SurveyOwner;
}

export async function canManageSurvey(db: Db, actor: Actor | null, s: Pick<SurveyOwner, 'organisation_id' | 'event_id'>): Promise<boolean> {
  if (!actor) return false;
  if (await accessTo(db, actor, s.organisation_id)) return true;
  return !!s.event_id && isOrganiser(db, actor, s.event_id);
}

/**
 * Throws unless the actor manages the survey. A draft does not exist for anyone else (404); for a survey the
 * public sees, signed-in non-organisers get 403 and visitors 404.
 */
export async function assertManager(db: Db, actor: Actor | null, id: string): Promise<SurveyOwner> {
  const s = await surveyRow(db, id);
  if (await canManageSurvey(db, actor, s)) return s;
  if (s.status !== 'draft' && actor) throw new HttpError(403, 'only the organisers of this survey manage it');
  throw new NotFoundError('survey', id);
}

/** May this reader see the results (counts, charts) and the free answers? */
export async function resultsAccess(db: Db, actor: Actor | null, id: string): Promise<{ s: SurveyOwner; manager: boolean; texts: boolean }> {
  const s = await surveyRow(db, id);
  const manager = await canManageSurvey(db, actor, s);
  if (!manager && (s.status === 'draft' || !s.results_public)) throw new NotFoundError('survey results', id);
  return { s, manager, texts: manager || s.free_answers_public };
}
