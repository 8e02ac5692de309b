/**
 * Registration surveys: invitations to the accepted registrants of the survey's event (one answer sheet per
 * registration, a private link by mail in the registrant's language), reminders to those who have not submitted
 * (a new link in each mail, the old one stops working), where the organisers stand (respondents), and the
 * submitted answers as CSV (organisers only; registration surveys carry name and organisation, anonymous ones no
 * identity at all; audited). Every function checks `assertManager` first.
 */
import { randomUUID } from 'node:crypto';
import { csvDocument, textIn, type QuestionView, type RegistrationLang, type RespondentsView, type SurveyAnswer } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { HttpError } from '../../lib/errors.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { audit } from '../audit/audit.js';
import { assertManager } from './surveys.access.js';
import { sendSurveyMails, surveyLink, type SurveyMail, type SurveyMailKind } from './surveys.mail.js';
import { isAccepting, questionsOf, surveyRowFull } from './surveys.view.js';

type Lang = 'fr' | 'en' | 'vi';
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

async function registrationSurvey(db: Db, actor: Actor | null, id: string) {
  await assertManager(db, actor, id);
  const s = await surveyRowFull(db, id);
  if (s.mode !== 'registration' || !s.event_id) throw new HttpError(409, 'only a registration survey is sent to the registrants of its event (an anonymous survey has a public answer button)');
  return s;
}

/** Sends the mails of one kind: each row gets a new token (its hash replaces the old one) within the transaction. */
async function mailRows(tx: Db, s: any, kind: SurveyMailKind, rows: Array<{ response_id: string; name: string; email: string; lang: RegistrationLang }>, origin: string): Promise<SurveyMail[]> {
  const title = json<{ fr: string }>(s.title);
  const mails: SurveyMail[] = [];
  for (const r of rows) {
    const token = randomToken();
    await tx.query(`update survey_response set token_hash = $2, ${kind === 'invitation' ? 'invited_at' : 'reminded_at'} = now() where id = $1`, [r.response_id, sha256(token)]);
    mails.push({ kind, to: r.email, name: r.name, lang: r.lang, survey: textIn(title, r.lang), event: s.event_title, link: surveyLink(origin, r.lang, token), closesAt: s.closes_at ? new Date(s.closes_at) : null });
  }
  return mails;
}

/** One answer sheet and one mail per accepted registration of the event that has none yet. */
export async function inviteRegistrants(db: Db, actor: Actor | null, id: string, origin: string): Promise<{ invited: number }> {
  const s = await registrationSurvey(db, actor, id);
  if (!isAccepting(s)) throw new HttpError(409, 'open the survey (within its dates) before inviting: the links would not take answers yet');
  const mails = await db.transaction(async (tx) => {
    await tx.query('select id from survey where id = $1 for update', [id]);
    const regs = await tx.query<{ id: string; name: string; email: string; lang: RegistrationLang }>(`select g.id, g.name, g.email, g.lang from registration g
      where g.event_id = $1 and g.status = 'accepted' and not exists (select 1 from survey_response r where r.survey_id = $2 and r.registration_id = g.id)
      order by g.created_at, g.id`, [s.event_id, id]);
    const rows = [];
    for (const g of regs) {
      const responseId = `srr-${randomUUID()}`;
      await tx.query('insert into survey_response (id, survey_id, token_hash, registration_id) values ($1, $2, $3, $4)', [responseId, id, sha256(randomToken()), g.id]);
      rows.push({ response_id: responseId, name: g.name, email: g.email, lang: g.lang });
    }
    const mails = await mailRows(tx, s, 'invitation', rows, origin);
    await audit(tx, { actor, action: 'survey_invitations_sent', targetKind: 'survey', targetId: id, details: { count: mails.length } });
    return mails;
  });
  void sendSurveyMails(mails);
  return { invited: mails.length };
}

/** A reminder with a new link to every invited registrant (still accepted) who has not submitted. */
export async function remindPending(db: Db, actor: Actor | null, id: string, origin: string): Promise<{ reminded: number }> {
  const s = await registrationSurvey(db, actor, id);
  if (!isAccepting(s)) throw new HttpError(409, 'this survey does not take answers now: reopen it before reminding');
  const mails = await db.transaction(async (tx) => {
    await tx.query('select id from survey where id = $1 for update', [id]);
    const rows = await tx.query<{ response_id: string; name: string; email: string; lang: RegistrationLang }>(`select r.id as response_id, g.name, g.email, g.lang
      from survey_response r join registration g on g.id = r.registration_id
      where r.survey_id = $1 and r.submitted_at is null and g.status = 'accepted' order by g.created_at, g.id`, [id]);
    const mails = await mailRows(tx, s, 'reminder', rows, origin);
    await audit(tx, { actor, action: 'survey_reminders_sent', targetKind: 'survey', targetId: id, details: { count: mails.length } });
    return mails;
  });
  void sendSurveyMails(mails);
  return { reminded: mails.length };
}

/** Counts of answer sheets; for registration surveys, the accepted registrants without a submitted answer. */
export async function respondents(db: Db, actor: Actor | null, id: string): Promise<RespondentsView> {
  await assertManager(db, actor, id);
  const s = await surveyRowFull(db, id);
  const [n] = await db.query(`select count(*) filter (where invited_at is not null)::int as invited,
      count(*) filter (where submitted_at is not null or answers <> '{}'::jsonb)::int as started, count(*) filter (where submitted_at is not null)::int as submitted
    from survey_response where survey_id = $1`, [id]);
  const pending = s.mode === 'registration' && s.event_id ? await db.query(`select g.id, g.name, o.name as organisation, r.invited_at, r.reminded_at
      from registration g left join organisation o on o.id = g.organisation_id left join survey_response r on r.survey_id = $2 and r.registration_id = g.id
      where g.event_id = $1 and g.status = 'accepted' and r.submitted_at is null order by lower(g.name), g.id`, [s.event_id, id]) : [];
  return { invited: n.invited, started: n.started, submitted: n.submitted,
    pending: pending.map((p) => ({ registrationId: p.id, name: p.name, organisation: p.organisation ?? null, invitedAt: iso(p.invited_at), remindedAt: iso(p.reminded_at) })) };
}

const YES: Record<Lang, [string, string]> = { fr: ['oui', 'non'], en: ['yes', 'no'], vi: ['có', 'không'] };
const OTHER: Record<Lang, string> = { fr: 'autre', en: 'other', vi: 'khác' };

/** One answer as a cell: option labels in the language, « other: … », yes / no. */
function cell(q: QuestionView, a: SurveyAnswer | null | undefined, lang: Lang): string | number {
  if (a == null) return '';
  const label = (v: string) => { const o = q.options.find((x) => x.value === v); return o ? textIn(o.labels, lang) : v; };
  if (typeof a === 'boolean') return a ? YES[lang][0] : YES[lang][1];
  if (typeof a === 'number') return a;
  if (Array.isArray(a)) return a.map(label).join(q.type === 'ranking' ? ' > ' : '; ');
  if (typeof a === 'object') return [...(a.values ?? []).map(label), ...(a.other ? [`${OTHER[lang]}: ${a.other}`] : [])].join('; ');
  return q.type === 'single' ? label(a) : a;
}

const HEAD: Record<Lang, { n: string; day: string; at: string; name: string; org: string }> = {
  fr: { n: 'n°', day: 'jour d’envoi', at: 'envoyé le', name: 'nom', org: 'organisation' },
  en: { n: 'no.', day: 'day submitted', at: 'submitted at', name: 'name', org: 'organisation' },
  vi: { n: 'stt', day: 'ngày gửi', at: 'thời điểm gửi', name: 'họ tên', org: 'tổ chức' },
};

/** The submitted answers, one line each (anonymous: in no particular order, the day only, no identity). */
export async function answersCsv(db: Db, actor: Actor | null, id: string, lang: Lang = 'fr'): Promise<string> {
  await assertManager(db, actor, id);
  const s = await surveyRowFull(db, id);
  const questions = await questionsOf(db, id);
  const named = s.mode === 'registration';
  const rows = await db.query(`select r.answers, r.submitted_at, g.name, o.name as organisation from survey_response r
      left join registration g on g.id = r.registration_id left join organisation o on o.id = g.organisation_id
    where r.survey_id = $1 and r.submitted_at is not null order by ${named ? 'lower(g.name), r.id' : 'r.id'}`, [id]);
  await audit(db, { actor, action: 'survey_answers_exported', targetKind: 'survey', targetId: id, details: { count: rows.length } });
  const h = HEAD[lang];
  const header = [h.n, named ? h.at : h.day, ...(named ? [h.name, h.org] : []), ...questions.map((q) => textIn(q.labels, lang))];
  return csvDocument(header, rows.map((r, i) => {
    const answers = json<Record<string, SurveyAnswer | null>>(r.answers) ?? {};
    const at = new Date(r.submitted_at).toISOString();
    return [i + 1, named ? at : at.slice(0, 10), ...(named ? [r.name ?? '', r.organisation ?? ''] : []), ...questions.map((q) => cell(q, answers[q.key], lang))];
  }), { bom: true });
}
