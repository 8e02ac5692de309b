/**
 * Surveys: list, read, create, update (the whole survey with the version read: 409 when stale; sections and
 * questions replaced, answers kept by question key), open / close, delete. Managers (surveys.access.ts) write;
 * everyone reads a survey once it is no longer a draft. Every change goes to the audit log (never the answers).
 */
import { randomUUID } from 'node:crypto';
import { slugify, type SurveyInput, type SurveyStatus, type SurveySummary, type SurveyView } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { ConflictError, HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { assertExist } from '../../lib/records.js';
import { audit } from '../audit/audit.js';
import { assertManager, canManageSurvey } from './surveys.access.js';
import { RESPONSES_SQL, loadSurveyView, summaryOf, toJsonb } from './surveys.view.js';

const j = toJsonb;

/** Whether the actor may run a survey for this organisation / event (create, or move a survey there). */
/** Dates PostgreSQL stores: ISO year 0000 has no timestamptz (year 1 BC is written otherwise). */
function assertDates(input: SurveyInput) {
  const bad = (['opensAt', 'closesAt'] as const).filter((k) => input[k]?.startsWith('0000'));
  if (bad.length) throw new ValidationError(bad.map((path) => ({ path, message: 'a date from year 1 on' })));
}

async function assertMayRun(db: Db, actor: Actor | null, input: SurveyInput): Promise<void> {
  await assertExist(db, 'organisation', [{ path: 'organisationId', id: input.organisationId }, { path: 'groupId', id: input.groupId }]);
  await assertExist(db, 'event', [{ path: 'eventId', id: input.eventId }, { path: 'restitutionEventId', id: input.restitutionEventId }]);
  if (input.mode === 'registration' && !input.eventId) throw new ValidationError([{ path: 'eventId', message: 'a registration survey is sent to the registrants of an event: name the event' }]);
  if (!actor) throw new HttpError(401, 'sign in to run a survey');
  if (!await canManageSurvey(db, actor, { organisation_id: input.organisationId, event_id: input.eventId ?? null })) {
    throw new HttpError(403, 'only the members of the organisation (or its network\'s administrators) and the organisers of the event run its surveys');
  }
}

async function freeSurveyId(db: Db, wanted: string | undefined, title: string): Promise<string> {
  if (wanted) {
    const [taken] = await db.query('select 1 as ok from survey where id = $1', [wanted]);
    if (taken) throw new ValidationError([{ path: 'id', message: `a survey with id "${wanted}" already exists` }]);
    return wanted;
  }
  const base = slugify(title, 60) || 'survey';
  const rows = await db.query<{ id: string }>('select id from survey where id = $1 or id like $2', [base, `${base}-%`]);
  const taken = new Set(rows.map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Sections and questions, written anew (ids stable by position and key: `<survey>--s<n>`, `<survey>--<key>`). */
async function writeParts(tx: Db, id: string, input: SurveyInput): Promise<void> {
  await tx.query('delete from survey_section where survey_id = $1', [id]);
  let position = 0;
  for (const [si, sec] of input.sections.entries()) {
    const sectionId = `${id}--s${si + 1}`;
    await tx.query('insert into survey_section (id, survey_id, position, title, description) values ($1, $2, $3, $4::jsonb, $5::jsonb)',
      [sectionId, id, si, j(sec.title), j(sec.description)]);
    for (const q of sec.questions) {
      await tx.query(`insert into survey_question (id, survey_id, section_id, position, key, type, required, labels, help, options, allow_other, scale_min, scale_max,
          scale_labels, number_min, number_max, condition, category, comment, recorded)
        values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12, $13, $14::jsonb, $15, $16, $17::jsonb, $18, $19::jsonb, $20::jsonb)`,
      [`${id}--${q.key}`, id, sectionId, position++, q.key, q.type, q.required, j(q.labels), j(q.help), j(q.options), q.allowOther,
        q.type === 'scale' ? q.scaleMin ?? null : null, q.type === 'scale' ? q.scaleMax ?? null : null, j(q.scaleLabels),
        q.numberMin ?? null, q.numberMax ?? null, q.condition ? j(q.condition) : null, q.category, j(q.comment),
        q.recorded ? j(q.recorded) : null]);
    }
  }
}

const SETTINGS = [(i: SurveyInput) => i.organisationId, (i) => i.eventId ?? null, (i) => i.groupId ?? null, (i) => i.restitutionEventId ?? null,
  (i) => j(i.title), (i) => j(i.intro), (i) => i.mode, (i) => i.source, (i) => i.opensAt ?? null, (i) => i.closesAt ?? null, (i) => i.resultsPublic,
  (i) => i.freeAnswersPublic, (i) => j(i.conclusion), (i) => (i.source === 'recorded' ? i.recordedResponses ?? null : null)] satisfies Array<(i: SurveyInput) => unknown>;

export async function listSurveys(db: Db, actor: Actor | null, q: { eventId?: string; groupId?: string; organisationId?: string; restitutionEventId?: string }): Promise<SurveySummary[]> {
  const rows = await db.query<any>(`select s.*, ${RESPONSES_SQL} as responses, e.title as event_title from survey s left join event e on e.id = s.event_id
    where ($1::text is null or s.event_id = $1) and ($2::text is null or s.group_id = $2) and ($3::text is null or s.organisation_id = $3)
      and ($4::text is null or s.restitution_event_id = $4) order by s.created_at desc, s.id`,
  [q.eventId ?? null, q.groupId ?? null, q.organisationId ?? null, q.restitutionEventId ?? null]);
  const known = new Map<string, boolean>();
  const out: SurveySummary[] = [];
  for (const r of rows) {
    const k = `${r.organisation_id}\u0000${r.event_id ?? ''}`;
    if (!known.has(k)) known.set(k, await canManageSurvey(db, actor, r));
    const manage = known.get(k)!;
    if (r.status !== 'draft' || manage) out.push(summaryOf(r, manage));
  }
  return out;
}

/** A survey as the reader may see it: a draft is its managers' only (404 for everyone else). */
export async function getSurvey(db: Db, actor: Actor | null, id: string): Promise<SurveyView> {
  const view = await loadSurveyView(db, id, actor);
  if (view.status === 'draft' && !view.canManage) throw new NotFoundError('survey', id);
  return view;
}

export async function createSurvey(db: Db, actor: Actor | null, input: SurveyInput): Promise<SurveyView> {
  assertDates(input);
  await assertMayRun(db, actor, input);
  const id = await db.transaction(async (tx) => {
    const id = await freeSurveyId(tx, input.id, input.title.fr);
    await tx.query(`insert into survey (id, organisation_id, event_id, group_id, restitution_event_id, title, intro, mode, source, opens_at, closes_at,
        results_public, free_answers_public, conclusion, recorded_responses)
      values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13, $14::jsonb, $15)`, [id, ...SETTINGS.map((f) => f(input))]);
    await writeParts(tx, id, input);
    await audit(tx, { actor, action: 'survey_created', targetKind: 'survey', targetId: id, details: { mode: input.mode, source: input.source } });
    return id;
  });
  return loadSurveyView(db, id, actor);
}

export async function updateSurvey(db: Db, actor: Actor | null, id: string, input: SurveyInput): Promise<SurveyView> {
  if (input.version === undefined) throw new ValidationError([{ path: 'version', message: 'send the version you read to change a survey' }]);
  assertDates(input);
  const before = await assertManager(db, actor, id);
  if (before.organisation_id !== input.organisationId || before.event_id !== (input.eventId ?? null)) await assertMayRun(db, actor, input);
  else {
    await assertExist(db, 'organisation', [{ path: 'groupId', id: input.groupId }]);
    await assertExist(db, 'event', [{ path: 'restitutionEventId', id: input.restitutionEventId }]);
    if (input.mode === 'registration' && !input.eventId) throw new ValidationError([{ path: 'eventId', message: 'a registration survey is sent to the registrants of an event: name the event' }]);
  }
  await db.transaction(async (tx) => {
    const [cur] = await tx.query('select version, mode, source from survey where id = $1 for update', [id]);
    if (!cur) throw new NotFoundError('survey', id);
    if (cur.version !== input.version) throw new ConflictError('survey', id, cur.version, input.version!);
    const [held] = await tx.query('select count(*)::int as n from survey_response where survey_id = $1', [id]);
    if (held.n > 0 && (cur.mode !== input.mode || cur.source !== input.source)) {
      throw new HttpError(409, 'this survey already holds answers: its mode and source can no longer change', [{ path: 'mode', message: 'answers exist' }]);
    }
    await tx.query(`update survey set organisation_id = $2, event_id = $3, group_id = $4, restitution_event_id = $5, title = $6::jsonb, intro = $7::jsonb,
        mode = $8, source = $9, opens_at = $10, closes_at = $11, results_public = $12, free_answers_public = $13, conclusion = $14::jsonb, recorded_responses = $15,
        version = version + 1, updated_at = now() where id = $1`, [id, ...SETTINGS.map((f) => f(input))]);
    await writeParts(tx, id, input);
    await audit(tx, { actor, action: 'survey_updated', targetKind: 'survey', targetId: id, details: { version: input.version! + 1 } });
  });
  return loadSurveyView(db, id, actor);
}

export async function setSurveyStatus(db: Db, actor: Actor | null, id: string, input: { status: SurveyStatus; version: number }): Promise<SurveyView> {
  await assertManager(db, actor, id);
  await db.transaction(async (tx) => {
    const [cur] = await tx.query('select version, status from survey where id = $1 for update', [id]);
    if (!cur) throw new NotFoundError('survey', id);
    if (cur.version !== input.version) throw new ConflictError('survey', id, cur.version, input.version);
    if (input.status === 'draft' && cur.status !== 'draft') {
      const [held] = await tx.query('select count(*)::int as n from survey_response where survey_id = $1', [id]);
      if (held.n > 0) throw new HttpError(409, 'this survey already holds answers: close it rather than turning it back into a draft', [{ path: 'status', message: 'answers exist' }]);
    }
    await tx.query('update survey set status = $2, version = version + 1, updated_at = now() where id = $1', [id, input.status]);
    await audit(tx, { actor, action: 'survey_status_changed', targetKind: 'survey', targetId: id, details: { from: cur.status, to: input.status } });
  });
  return loadSurveyView(db, id, actor);
}

/** Deletes a survey with its questions; one that holds submitted answers is kept (409: close it instead). */
export async function deleteSurvey(db: Db, actor: Actor | null, id: string): Promise<void> {
  await assertManager(db, actor, id);
  await db.transaction(async (tx) => {
    const [held] = await tx.query('select count(*)::int as n from survey_response where survey_id = $1 and submitted_at is not null', [id]);
    if (held.n > 0) throw new HttpError(409, `this survey holds ${held.n} submitted answer(s): close it instead of deleting it`);
    await tx.query('delete from survey where id = $1', [id]);
    await audit(tx, { actor, action: 'survey_deleted', targetKind: 'survey', targetId: id });
  });
}
