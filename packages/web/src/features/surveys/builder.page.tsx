/**
 * GET/POST /espace/surveys/new?eventId=|groupId=|organisationId= — the settings form; its POST creates the survey
 * (one empty section) and opens the builder. GET/POST /espace/surveys/:id — the builder: every POST reads the
 * survey, applies the button's change (settings, question, section, up/down/delete, status) and saves it with the
 * version the page was read at (409 → the conflict told and the current survey shown). Signed out: the sign-in page.
 */
import type { Context } from 'hono';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor, memberOf, type Actor } from '../../../../server/src/lib/actor.js';
import { HttpError } from '../../../../server/src/lib/errors.js';
import { getEvent } from '../../../../server/src/features/events/events.service.js';
import { surveyInput, surveyStatusInput, type SurveyView } from '@tandem/shared';
import type { I18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/fr.js';
import type { Errors } from '../auth/form.js';
import { draftOf, emptyQForm, one, qFormOf, readQForm, readSettings, settingsInput, settingsOf, surveyDraft, type QForm, type Settings } from './builder-form.js';
import { BuilderPage, DONE, NewSurveyPage, builderPath } from './BuilderPage.js';
import { checked, createSurvey, getSurvey, setSurveyStatus, updateSurvey } from './server.js';

type Body = Record<string, string | File | Array<string | File>>;
const SETTING_LABEL: Record<string, MessageKey> = {
  organisationId: 'sv.f.organisation', mode: 'sv.f.mode', opensAt: 'sv.f.opensAt', closesAt: 'sv.f.closesAt', restitutionEventId: 'sv.f.restitution',
};
const Q_PART: Record<string, MessageKey> = { key: 'sv.q.key', type: 'sv.q.type', options: 'sv.q.options', scaleMin: 'sv.q.scaleMin', scaleMax: 'sv.q.scaleMax', condition: 'sv.q.condition', category: 'sv.q.category', allowOther: 'sv.q.allowOther' };

/** Server issues as errors by input, each naming it (`title.fr`, `sections.0.questions.2.options`…). */
export function builderErrors(i: I18n, issues: Array<{ path: string; message: string }>): Errors {
  const errors: Errors = {};
  for (const x of issues) {
    const q = /^sections\.\d+\.questions\.\d+\.([a-zA-Z]+)(?:\.([a-z]+))?/.exec(x.path);
    const t = /^(title|intro)\.(fr|en|vi)/.exec(x.path);
    if (q) {
      const part = q[1] === 'labels' ? `labels-${q[2] ?? 'fr'}` : q[1];
      errors[`q-${part}`] = i.t('sv.error.field', { field: q[1] === 'labels' ? i.t('sv.q.label', { lang: i.t(`sv.lang.${q[2] ?? 'fr'}` as MessageKey) }) : i.t(Q_PART[q[1]] ?? 'sv.q.key') });
    } else if (t) errors[`${t[1]}-${t[2]}`] = i.t('sv.error.field', { field: i.t(`sv.f.${t[1]}` as MessageKey, { lang: i.t(`sv.lang.${t[2]}` as MessageKey) }) });
    else if (/^(eventId|groupId)/.test(x.path)) errors._ = i.t('sv.error.where');
    else {
      const k = Object.keys(SETTING_LABEL).find((y) => x.path.startsWith(y));
      if (k) errors[k] = i.t('sv.error.field', { field: i.t(SETTING_LABEL[k]) });
      else errors._ = errors._ ?? i.t('sv.error.other');
    }
  }
  return errors;
}

function signIn(c: Context, i: I18n): Response {
  return c.redirect(`${i.path('/login')}?returnTo=${encodeURIComponent(i.path(new URL(c.req.url).pathname.replace(/^\/(en|vi)(?=\/)/, '') + new URL(c.req.url).search))}`, 303);
}
const parse = (c: Context) => c.req.parseBody({ all: true }).catch(() => ({} as Body));
const pass = (err: unknown): err is HttpError => err instanceof HttpError && err.status < 500 && err.status !== 403 && err.status !== 404;

/** The organisations a new survey may be run by: the one named, the event's hosts, the group, the member's own. */
async function choices(db: Db, actor: Actor, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  const all = [...new Set([...ids, ...memberOf(actor)])];
  const rows = await db.query<{ id: string; name: string }>('select id, name from organisation where id = any($1::text[])', [all]);
  return all.map((id) => rows.find((r) => r.id === id)).filter((r): r is { id: string; name: string } => !!r);
}

export async function newSurveyPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const actor = getActor(c);
  if (!actor) return signIn(c, i);
  const post = c.req.method === 'POST';
  const body: Body = post ? await parse(c) : {};
  const from = (k: string) => (post ? one(body, k) : (c.req.query(k) ?? '').trim());
  const where = { eventId: from('eventId'), groupId: from('groupId'), organisationId: from('organisationId') };
  const e = where.eventId ? await getEvent(db, where.eventId) : null;
  const orgs = await choices(db, actor, [where.organisationId, ...(e?.hosts ?? []).map((h: { id: string }) => h.id), where.groupId].filter(Boolean));
  const hidden = Object.fromEntries(Object.entries(where).filter(([k, v]) => v && k !== 'organisationId'));
  const page = (x: Settings, status = 200, errors?: Errors) =>
    c.html(<NewSurveyPage i={i} x={x} errors={errors} organisations={orgs} hidden={hidden} context={e?.title ?? null} />, status as 200);
  if (!post) return page(settingsOf(null, where.organisationId || orgs[0]?.id || ''));
  const x = readSettings(body);
  try {
    const s = (await createSurvey(db, actor, checked(surveyInput, {
      ...settingsInput(x), organisationId: x.organisationId, eventId: where.eventId || null, groupId: where.groupId || null, sections: [{ questions: [] }],
    }))) as SurveyView;
    return c.redirect(`${i.path(builderPath(s.id))}?done=created`, 303);
  } catch (err) {
    if (!pass(err)) throw err;
    return page(x, 400, builderErrors(i, err.issues ?? [{ path: '', message: err.message }]));
  }
}

/** The survey's input with the button's change applied; null for a status change. */
function applied(s: SurveyView, op: string, body: Body): ReturnType<typeof surveyDraft> {
  const d = surveyDraft(s);
  d.version = Number(one(body, 'version')) || 0;
  const m = /^(up|down|delete):(.+)$/.exec(op);
  if (op === 'settings') Object.assign(d, settingsInput(readSettings(body)));
  else if (op === 'section') d.sections.push({ title: Object.fromEntries(['fr', 'en', 'vi'].map((l) => [l, one(body, `section.${l}`)]).filter(([, v]) => v)), description: {}, questions: [] });
  else if (op === 'question') {
    const f = readQForm(body);
    const q = draftOf(f, s.sections.flatMap((x) => x.questions));
    const to = Math.min(d.sections.length - 1, Math.max(0, Number(f.section) || 0));
    const from = d.sections.findIndex((sec) => sec.questions.some((x) => x.key === f.original));
    if (f.original && from >= 0) {
      const at = d.sections[from].questions.findIndex((x) => x.key === f.original);
      // what the form does not show stays: a number's bounds, a recorded survey's results
      const was = d.sections[from].questions[at];
      if (was.type === q.type) Object.assign(q, { numberMin: was.numberMin, numberMax: was.numberMax, recorded: was.recorded });
      if (from === to) d.sections[to].questions[at] = q;
      else { d.sections[from].questions.splice(at, 1); d.sections[to].questions.push(q); }
    } else d.sections[to].questions.push(q);
  } else if (m) {
    const sec = d.sections.find((x) => x.questions.some((q) => q.key === m[2]));
    if (sec) {
      const at = sec.questions.findIndex((q) => q.key === m[2]);
      if (m[1] === 'delete') sec.questions.splice(at, 1);
      else {
        const to = m[1] === 'up' ? at - 1 : at + 1;
        if (to >= 0 && to < sec.questions.length) [sec.questions[at], sec.questions[to]] = [sec.questions[to], sec.questions[at]];
      }
    }
  }
  return d;
}

export async function builderPage(c: Context, i: I18n, db: Db): Promise<Response> {
  const actor = getActor(c);
  if (!actor) return signIn(c, i);
  const id = c.req.param('id') as string;
  const s = (await getSurvey(db, actor, id)) as SurveyView;
  if (!s.canManage) throw new HttpError(403, 'only the organisers of this survey build it');
  const qFor = (sv: SurveyView, key?: string): QForm => {
    const si = sv.sections.findIndex((x) => x.questions.some((q) => q.key === key));
    return si >= 0 ? qFormOf(sv.sections[si].questions.find((q) => q.key === key)!, si) : emptyQForm(Math.max(0, sv.sections.length - 1));
  };
  if (c.req.method !== 'POST') {
    const done = c.req.query('done');
    return c.html(<BuilderPage i={i} s={s} settings={settingsOf(s)} q={qFor(s, c.req.query('edit'))} done={done && (DONE as readonly string[]).includes(done) ? done : null} />);
  }
  const body = await parse(c);
  const op = one(body, 'op');
  const back = (done: string, anchor = '') => c.redirect(`${i.path(builderPath(id))}?done=${done}${anchor}`, 303);
  try {
    const st = /^status:(open|closed)$/.exec(op);
    if (st) {
      await setSurveyStatus(db, actor, id, checked(surveyStatusInput, { status: st[1], version: Number(one(body, 'version')) || 0 }));
      return back(st[1]);
    }
    await updateSurvey(db, actor, id, checked(surveyInput, applied(s, op, body)));
    return back('saved', op === 'settings' ? '#settings-h' : '#questions-h');
  } catch (err) {
    if (!pass(err)) throw err;
    const fresh = (await getSurvey(db, actor, id)) as SurveyView;
    if (err.status === 409) return c.html(<BuilderPage i={i} s={fresh} settings={settingsOf(fresh)} q={qFor(fresh)} problem={i.t('sv.conflict')} />, 409);
    return c.html(<BuilderPage i={i} s={s} settings={op === 'settings' ? readSettings(body) : settingsOf(s)} q={op === 'question' ? readQForm(body) : qFor(s)}
      errors={builderErrors(i, err.issues ?? [{ path: '', message: err.message }])} />, 400);
  }
}
