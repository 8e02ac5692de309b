/**
 * The survey mails to an event's registrants, in their language (fr, en, vi): the invitation and the reminder, each
 * with the private link to the answer sheet (a new one in every mail: the token is never stored) and the closing date.
 */
import type { RegistrationLang } from '@tandem/shared';
import { langPath } from '../auth/urls.js';
import { sendInBackground, sendMail } from '../mail/mail.js';

export type SurveyMailKind = 'invitation' | 'reminder';
export interface SurveyMail { kind: SurveyMailKind; to: string; name: string; lang: RegistrationLang; survey: string; event: string; link: string; closesAt: Date | null }
type P = { name: string; survey: string; event: string; link: string; closes: string };

const sign = { fr: '— Tandem, l’atlas de la coopération décentralisée', en: '— Tandem, the atlas of decentralised cooperation', vi: '— Tandem, bản đồ hợp tác phi tập trung' };
const LOCALE: Record<RegistrationLang, string> = { fr: 'fr-FR', en: 'en-GB', vi: 'vi-VN' };

const templates: Record<RegistrationLang, Record<SurveyMailKind, { subject: (p: P) => string; lead: (p: P) => string }> & { hello: string; link: (p: P) => string }> = {
  fr: {
    hello: 'Bonjour',
    invitation: { subject: (p) => `Votre avis sur « ${p.event} »`, lead: (p) => `Vous avez participé à « ${p.event} ». Les organisateurs vous invitent à répondre au questionnaire « ${p.survey} » : quelques minutes suffisent, et vous pouvez enregistrer vos réponses pour les terminer plus tard.` },
    reminder: { subject: (p) => `Rappel : votre avis sur « ${p.event} »`, lead: (p) => `Vous n’avez pas encore envoyé vos réponses au questionnaire « ${p.survey} » sur « ${p.event} ». Ce lien remplace ceux des courriels précédents.` },
    link: (p) => `Votre lien personnel (ne le transmettez pas ; vos réponses restent modifiables jusqu’à la clôture${p.closes ? `, le ${p.closes}` : ''}) :\n\n${p.link}`,
  },
  en: {
    hello: 'Hello',
    invitation: { subject: (p) => `Your feedback on "${p.event}"`, lead: (p) => `You took part in "${p.event}". The organisers invite you to answer the survey "${p.survey}": it takes a few minutes, and you can save your answers and finish them later.` },
    reminder: { subject: (p) => `Reminder: your feedback on "${p.event}"`, lead: (p) => `You have not yet sent your answers to the survey "${p.survey}" about "${p.event}". This link replaces the ones in earlier e-mails.` },
    link: (p) => `Your personal link (do not pass it on; you can change your answers until the survey closes${p.closes ? ` on ${p.closes}` : ''}):\n\n${p.link}`,
  },
  vi: {
    hello: 'Xin chào',
    invitation: { subject: (p) => `Ý kiến của bạn về « ${p.event} »`, lead: (p) => `Bạn đã tham dự « ${p.event} ». Ban tổ chức mời bạn trả lời bảng hỏi « ${p.survey} »: chỉ mất vài phút, và bạn có thể lưu câu trả lời để hoàn thành sau.` },
    reminder: { subject: (p) => `Nhắc nhở: ý kiến của bạn về « ${p.event} »`, lead: (p) => `Bạn chưa gửi câu trả lời cho bảng hỏi « ${p.survey} » về « ${p.event} ». Đường dẫn này thay thế các đường dẫn trong những thư trước.` },
    link: (p) => `Đường dẫn riêng của bạn (xin đừng chia sẻ; bạn có thể sửa câu trả lời cho đến khi bảng hỏi đóng${p.closes ? ` vào ${p.closes}` : ''}):\n\n${p.link}`,
  },
};

/** The private link of an answer sheet: TANDEM_PUBLIC_URL (or PUBLIC_URL), else the request's origin; fr at the root. */
export function surveyLink(origin: string | undefined, lang: string, token: string): string {
  const base = (process.env.TANDEM_PUBLIC_URL || process.env.PUBLIC_URL || origin || 'http://localhost').replace(/\/+$/, '');
  return `${base}${langPath(lang, `/survey-responses/${token}`)}`;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export function renderSurveyMail(m: SurveyMail) {
  const t = templates[m.lang] ?? templates.fr;
  const p: P = { name: m.name, survey: m.survey, event: m.event, link: m.link,
    closes: m.closesAt ? new Intl.DateTimeFormat(LOCALE[m.lang], { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(m.closesAt) + ' (Europe/Paris)' : '' };
  const text = `${t.hello} ${p.name},\n\n${t[m.kind].lead(p)}\n\n${t.link(p)}\n\n${sign[m.lang]}`;
  const html = `<!doctype html><html lang="${m.lang}"><body>${text.split(/\n{2,}/).map((para) => (para.trim() === p.link
    ? `<p><a href="${escape(p.link)}">${escape(p.link)}</a></p>` : `<p>${escape(para).replace(/\n/g, '<br>')}</p>`)).join('\n')}</body></html>`;
  return { subject: t[m.kind].subject(p), text, html };
}

/** Sends committed mails without making the request wait; failures are logged. */
export function sendSurveyMails(mails: SurveyMail[]): Promise<void> {
  return sendInBackground(async () => {
    for (const m of mails) await sendMail({ to: m.to, lang: m.lang, ...renderSurveyMail(m) });
  });
}
