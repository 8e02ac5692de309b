/**
 * Page routes of the programme (features/events): a session's page, the event's and the series' iCalendar files,
 * and the organisers' programme editor (GET shows it, its forms POST back: create, save, up, down, delete; then a
 * 303 to `?done=…`). Errors are shown next to their field (400), a stale version shows the current one (409), a
 * session that registrations still hold is not deleted (409, naming them to the organisers).
 */
import type { Context } from 'hono';
import { sessionInput, sessionMoveInput, sessionUpdateInput, type SessionUpdateInput } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { HttpError, ValidationError } from '../../../../server/src/lib/errors.js';
import { assertRequestSeesEvent } from '../../../../server/src/features/groups/meetings.js';
import { getEvent } from '../../../../server/src/features/events/events.service.js';
import { isOrganiser } from '../../../../server/src/features/events/organisers.js';
import { eventCalendar, seriesCalendar, type CalendarFile } from '../../../../server/src/features/events/calendar.js';
import {
  createSession, deleteSession, getSession, leadCandidates, listSessions, moveSession, updateSession, type Session,
} from '../../../../server/src/features/events/programme.service.js';
import { splitLang, type I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import { formLists } from '../edit/edit.queries.js';
import { ForbiddenPage } from '../edit/EditPage.js';
import { errorKey, zodErrors, type Errors } from '../contacts/parts.js';
import { SessionPage } from './SessionPage.js';
import { ProgrammeEditor, editorPath, sessionValues, type EditorView } from './ProgrammeEditor.js';

export async function sessionPage(c: Context, i: I18n, db: Db) {
  const id = c.req.param('id') as string;
  await assertRequestSeesEvent(c, db, id);
  const s = await getSession(db, getActor(c), id, c.req.param('sessionId') as string);
  return c.html(<SessionPage i={i} e={await getEvent(db, id)} s={s} />);
}

function calendarResponse(c: Context, file: CalendarFile) {
  return c.body(file.body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${file.filename}"` });
}
const where = (c: Context) => { const url = new URL(c.req.url); const [lang] = splitLang(url.pathname); return [url.origin, lang === 'fr' ? '' : `/${lang}`] as const; };

/** /events/:id/calendar.ics — the event and its timed sessions */
export async function eventCalendarFile(c: Context, _i: I18n, db: Db) {
  return calendarResponse(c, await eventCalendar(db, c.req.param('id') as string, ...where(c)));
}
/** /series/:id/calendar.ics — every event of the series known to the day */
export async function seriesCalendarFile(c: Context, _i: I18n, db: Db) {
  return calendarResponse(c, await seriesCalendar(db, c.req.param('id') as string, ...where(c)));
}

type Form = Record<string, string | string[]>;
const one = (f: Form, k: string) => { const x = f[k]; return typeof x === 'string' ? x : Array.isArray(x) && typeof x[0] === 'string' ? x[0] : ''; };
const many = (f: Form, k: string) => { const x = f[k]; return (Array.isArray(x) ? x : x === undefined ? [] : [x]).filter((v): v is string => typeof v === 'string'); };
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The form as the API's input: empty fields are null; an organisation typed by its exact name becomes its id. */
function draftOf(f: Form, orgs: Array<{ id: string; name: string }>) {
  const byName = new Map(orgs.map((o) => [o.name.toLowerCase(), o.id]));
  const known = new Set(orgs.map((o) => o.id));
  const org = many(f, 'org').map((o) => o.trim()).filter(Boolean).map((o) => (known.has(o) ? o : byName.get(o.toLowerCase()) ?? o));
  const cap = orNull(one(f, 'capacity'));
  return {
    kind: one(f, 'kind') || 'workshop', title: one(f, 'title'), description: orNull(one(f, 'description')), day: orNull(one(f, 'day')),
    startTime: orNull(one(f, 'startTime')), endTime: orNull(one(f, 'endTime')), room: orNull(one(f, 'room')), onlineUrl: orNull(one(f, 'onlineUrl')),
    capacity: cap === null ? null : Number(cap), leads: [...org.map((organisationId) => ({ organisationId })), ...many(f, 'person').map((personId) => ({ personId }))],
    version: Number(one(f, 'version')),
  };
}

/** Errors on leads: an organisation's on its box, a person's on the people's fieldset. */
function leadErrors(errors: Errors, orgCount: number): Errors {
  return Object.fromEntries(Object.entries(errors).map(([k, msg]) => {
    const m = /^form:leads\.(\d+)\./.exec(k);
    return [m && Number(m[1]) >= orgCount ? 'form:leads' : k, msg];
  }));
}

const DONE: Record<string, MessageKey> = { created: 'programme.done.created', updated: 'programme.done.updated', moved: 'programme.done.moved', deleted: 'programme.done.deleted' };

/** GET and POST /espace/events/:id/programme */
export async function programmeEditorPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const eventId = c.req.param('id') as string;
  const actor = getActor(c);
  const self = editorPath(i, eventId);
  if (!actor) return c.redirect(`${i.path('/login')}?next=${encodeURIComponent(self)}&returnTo=${encodeURIComponent(self)}`, 303);
  const e = await getEvent(db, eventId);
  if (!(await isOrganiser(db, actor, eventId))) {
    return c.html(<ForbiddenPage i={i} message="programme.forbidden" back={i.path(`/events/${encodeURIComponent(eventId)}`)} path={`/espace/events/${eventId}/programme`} />, 403);
  }
  const orgs = (await formLists(db, i)).organisations;
  const render = async (v: Partial<EditorView>, status = 200) => {
    const sessions = await listSessions(db, actor, eventId);
    const people = await leadCandidates(db, eventId);
    const view: EditorView = { e, sessions, editing: null, orgs, people, values: null, errors: {}, notice: null, ...v };
    return c.html(<ProgrammeEditor i={i} v={view} />, status as 200);
  };
  const find = async (id: string): Promise<Session | null> => (id ? (await listSessions(db, actor, eventId)).find((s) => s.id === id) ?? null : null);

  if (c.req.method !== 'POST') {
    const editing = await find(c.req.query('edit') ?? '');
    const done = DONE[c.req.query('done') ?? ''];
    return render({ editing, values: editing ? sessionValues(editing) : null, notice: done ? { kind: 'success', text: i.t(done) } : null });
  }
  const f = (await c.req.parseBody({ all: true })) as Form;
  const action = one(f, '_action');
  const sessionId = one(f, 'sessionId');
  const editing = action === 'save' ? await find(sessionId) : null;
  const draft = draftOf(f, orgs);
  const orgCount = draft.leads.filter((l) => 'organisationId' in l).length;
  const values = { ...f, org: draft.leads.flatMap((l) => ('organisationId' in l ? [l.organisationId!] : [])) };
  const failed = (v: Partial<EditorView>, status: number) => render({ editing, values, ...v }, status);
  const invalid = (errors: Errors) => failed({ errors: leadErrors(errors, orgCount), notice: { kind: 'error', text: i.t('programme.errors') } }, 400);
  const ctx = { actor };
  let done: string;
  try {
    if (action === 'create' || action === 'save') {
      const { version, ...fields } = draft;
      const parsed = action === 'create' ? sessionInput.safeParse(fields) : sessionUpdateInput.safeParse({ ...fields, version });
      if (!parsed.success) return invalid(zodErrors(i, 'form', parsed.error, draft));
      if (action === 'create') await createSession(db, ctx, eventId, parsed.data);
      else await updateSession(db, ctx, eventId, sessionId, parsed.data as SessionUpdateInput);
      done = action === 'create' ? 'created' : 'updated';
    } else if (action === 'up' || action === 'down') {
      const parsed = sessionMoveInput.safeParse({ direction: action, version: draft.version });
      if (!parsed.success) return failed({ values: null, notice: { kind: 'error', text: i.t('programme.errors') } }, 400);
      await moveSession(db, ctx, eventId, sessionId, parsed.data);
      done = 'moved';
    } else if (action === 'delete') {
      await deleteSession(db, ctx, eventId, sessionId);
      done = 'deleted';
    } else {
      return failed({ values: null, notice: { kind: 'error', text: i.t('programme.errors') } }, 400);
    }
  } catch (err) {
    if (err instanceof ValidationError) return invalid(Object.fromEntries((err.issues ?? []).map((x) => [errorKey('form', x.path || 'title'), i.t('edit.error.invalid')])));
    if (err instanceof HttpError && err.status === 409) {
      const held = (err.extra?.registrations as Array<{ name: string }> | undefined);
      if (held) return failed({ values: null, notice: { kind: 'error', text: i.plural('programme.held', held.length, { names: held.map((h) => h.name).join(', ') }) } }, 409);
      const current = await find(sessionId);
      return failed({ editing: current, values: current ? sessionValues(current) : null, notice: { kind: 'error', text: i.t('programme.conflict') } }, 409);
    }
    if (err instanceof HttpError && err.status === 404) return failed({ editing: null, values: null, notice: { kind: 'error', text: i.t('programme.notFound') } }, 404);
    throw err;
  }
  return c.redirect(`${self}?done=${done}#sessions-h`, 303);
}

/** The programme's page routes, spread into routes.tsx. */
export const programmePageRoutes: Array<[string, (c: Context, i: I18n, db: Db) => Promise<Response>]> = [
  ['/events/:id/sessions/:sessionId', sessionPage],
  ['/events/:id/calendar.ics', eventCalendarFile],
  ['/series/:id/calendar.ics', seriesCalendarFile],
  ['/espace/events/:id/programme', programmeEditorPage],
  ['POST /espace/events/:id/programme', programmeEditorPage],
];
