/**
 * The registrant's e-mails, one per state (pending, accepted, waiting, offered, declined, cancelled) and the
 * organisers' messages, in the registrant's language (fr, en, vi), with the event's date, place and, when the link
 * is known (the registration's own request, or a new link made for the mail), the private link. The accepted mail
 * carries the invitation (iCalendar METHOD:REQUEST) so calendars add the event.
 */
import type { RegistrationLang, RegistrationStatus } from '@tandem/shared';
import { calendarOf, type IcsEvent } from '../events/ics.js';
import { mailFrom, sendInBackground, sendMail } from '../mail/mail.js';

type P = { name: string; title: string; when: string; place: string; link: string; deadline: string; position: string; body: string; subject: string };
type T = { subject: (p: P) => string; body: (p: P) => string };
export type RegistrationMail = RegistrationStatus | 'message';

const sign = { fr: '— Tandem, l’atlas de la coopération décentralisée', en: '— Tandem, the atlas of decentralised cooperation', vi: '— Tandem, bản đồ hợp tác phi tập trung' };
const facts = {
  fr: (p: P) => `Quand : ${p.when}\nOù : ${p.place}${p.link ? `\n\nVotre lien personnel (voir, modifier ou annuler votre inscription ; gardez-le pour vous) :\n\n${p.link}` : ''}`,
  en: (p: P) => `When: ${p.when}\nWhere: ${p.place}${p.link ? `\n\nYour personal link (to see, change or cancel your registration; keep it to yourself):\n\n${p.link}` : ''}`,
  vi: (p: P) => `Thời gian: ${p.when}\nĐịa điểm: ${p.place}${p.link ? `\n\nĐường dẫn riêng của bạn (để xem, sửa hoặc hủy đăng ký; xin đừng chia sẻ):\n\n${p.link}` : ''}`,
};
const mk = (lang: RegistrationLang, subject: (p: P) => string, lead: (p: P) => string, hello: string): T => ({
  subject, body: (p) => `${hello} ${p.name},\n\n${lead(p)}\n\n${facts[lang](p)}\n\n${sign[lang]}`,
});

export const registrationTemplates: Record<RegistrationLang, Record<RegistrationMail, T>> = {
  fr: {
    pending: mk('fr', (p) => `Inscription reçue : ${p.title}`, (p) => `Nous avons bien reçu votre inscription à « ${p.title} ». Les organisateurs l’examinent et vous écriront dès qu’ils l’auront validée.`, 'Bonjour'),
    accepted: mk('fr', (p) => `Inscription confirmée : ${p.title}`, (p) => `Votre place à « ${p.title} » est confirmée. L’invitation jointe ajoute l’événement à votre agenda.`, 'Bonjour'),
    waiting: mk('fr', (p) => `Liste d’attente : ${p.title}`, (p) => `« ${p.title} » est complet : vous êtes sur la liste d’attente, en position ${p.position}. Si une place se libère, elle vous sera proposée par courriel.`, 'Bonjour'),
    offered: mk('fr', (p) => `Une place vous attend : ${p.title}`, (p) => `Une place s’est libérée pour « ${p.title} » et elle vous est réservée jusqu’au ${p.deadline}. Pour la prendre, ouvrez votre lien personnel ci-dessous avant cette date ; ce lien remplace ceux que vous avez reçus auparavant.`, 'Bonjour'),
    declined: mk('fr', (p) => `Inscription non retenue : ${p.title}`, (p) => `Les organisateurs de « ${p.title} » n’ont pas pu retenir votre inscription. Nous vous remercions de votre intérêt.`, 'Bonjour'),
    cancelled: mk('fr', (p) => `Inscription annulée : ${p.title}`, (p) => `Votre inscription à « ${p.title} » est annulée${p.deadline ? ` (la place proposée n’a pas été prise avant le ${p.deadline})` : ''}.`, 'Bonjour'),
    message: mk('fr', (p) => p.subject, (p) => `Message des organisateurs de « ${p.title} » :\n\n${p.body}`, 'Bonjour'),
  },
  en: {
    pending: mk('en', (p) => `Registration received: ${p.title}`, (p) => `We have received your registration for "${p.title}". The organisers are reviewing it and will write to you once they have approved it.`, 'Hello'),
    accepted: mk('en', (p) => `Registration confirmed: ${p.title}`, (p) => `Your place at "${p.title}" is confirmed. The attached invitation adds the event to your calendar.`, 'Hello'),
    waiting: mk('en', (p) => `Waiting list: ${p.title}`, (p) => `"${p.title}" is full: you are on the waiting list, in position ${p.position}. If a place frees up, it will be offered to you by e-mail.`, 'Hello'),
    offered: mk('en', (p) => `A place is waiting for you: ${p.title}`, (p) => `A place has freed up for "${p.title}" and it is held for you until ${p.deadline}. To take it, open your personal link below before then; this link replaces the ones you received earlier.`, 'Hello'),
    declined: mk('en', (p) => `Registration not accepted: ${p.title}`, (p) => `The organisers of "${p.title}" could not accept your registration. Thank you for your interest.`, 'Hello'),
    cancelled: mk('en', (p) => `Registration cancelled: ${p.title}`, (p) => `Your registration for "${p.title}" is cancelled${p.deadline ? ` (the place offered was not taken before ${p.deadline})` : ''}.`, 'Hello'),
    message: mk('en', (p) => p.subject, (p) => `A message from the organisers of "${p.title}":\n\n${p.body}`, 'Hello'),
  },
  vi: {
    pending: mk('vi', (p) => `Đã nhận đăng ký: ${p.title}`, (p) => `Chúng tôi đã nhận được đăng ký của bạn tham dự « ${p.title} ». Ban tổ chức đang xem xét và sẽ gửi thư cho bạn ngay khi duyệt.`, 'Xin chào'),
    accepted: mk('vi', (p) => `Xác nhận đăng ký: ${p.title}`, (p) => `Chỗ của bạn tại « ${p.title} » đã được xác nhận. Lời mời đính kèm sẽ thêm sự kiện vào lịch của bạn.`, 'Xin chào'),
    waiting: mk('vi', (p) => `Danh sách chờ: ${p.title}`, (p) => `« ${p.title} » đã đủ chỗ: bạn đang ở vị trí ${p.position} trong danh sách chờ. Nếu có chỗ trống, chúng tôi sẽ báo cho bạn qua thư điện tử.`, 'Xin chào'),
    offered: mk('vi', (p) => `Có một chỗ dành cho bạn: ${p.title}`, (p) => `Đã có một chỗ trống tại « ${p.title} » và chỗ này được giữ cho bạn đến ${p.deadline}. Để nhận chỗ, hãy mở đường dẫn riêng dưới đây trước thời hạn đó; đường dẫn này thay thế các đường dẫn bạn đã nhận trước đây.`, 'Xin chào'),
    declined: mk('vi', (p) => `Đăng ký không được chấp nhận: ${p.title}`, (p) => `Ban tổ chức « ${p.title} » không thể chấp nhận đăng ký của bạn. Cảm ơn bạn đã quan tâm.`, 'Xin chào'),
    cancelled: mk('vi', (p) => `Đã hủy đăng ký: ${p.title}`, (p) => `Đăng ký của bạn tham dự « ${p.title} » đã bị hủy${p.deadline ? ` (chỗ được đề nghị không được nhận trước ${p.deadline})` : ''}.`, 'Xin chào'),
    message: mk('vi', (p) => p.subject, (p) => `Thư của ban tổ chức « ${p.title} »:\n\n${p.body}`, 'Xin chào'),
  },
};

const LOCALE: Record<RegistrationLang, string> = { fr: 'fr-FR', en: 'en-GB', vi: 'vi-VN' };
const ONLINE: Record<RegistrationLang, string> = { fr: 'en ligne', en: 'online', vi: 'trực tuyến' };
const UNKNOWN: Record<RegistrationLang, string> = { fr: 'à préciser', en: 'to be announced', vi: 'sẽ thông báo sau' };

export interface MailEvent extends IcsEvent { placeText: string | null; placeName: string | null; online: boolean }

/** The event's day(s) and hours in words, in the registrant's language. */
export function whenOf(e: MailEvent, lang: RegistrationLang): string {
  if (!e.start) return UNKNOWN[lang];
  const day = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d)
    ? new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`)) : d);
  const days = e.end && e.end !== e.start ? `${day(e.start)} – ${day(e.end)}` : day(e.start);
  const hours = e.startTime ? ` ${e.startTime}${e.endTime ? `–${e.endTime}` : ''}${e.timeZone ? ` (${e.timeZone})` : ''}` : '';
  return days + hours;
}

/** An instant (an offer's deadline) in words, in the event's time zone. */
export function instantOf(at: Date, lang: RegistrationLang, timeZone: string | null): string {
  const tz = timeZone || 'Europe/Paris';
  return `${new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'full', timeStyle: 'short', timeZone: tz }).format(at)} (${tz})`;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export interface Outgoing {
  kind: RegistrationMail; to: string; name: string; lang: RegistrationLang; event: MailEvent;
  link?: string | null; deadline?: Date | null; position?: number | null; subject?: string; body?: string;
}

export function renderRegistrationMail(m: Outgoing) {
  const p: P = {
    name: m.name, title: m.event.title, when: whenOf(m.event, m.lang), link: m.link ?? '',
    place: [m.event.placeText || m.event.placeName, m.event.online ? ONLINE[m.lang] : null].filter(Boolean).join(', ') || UNKNOWN[m.lang],
    deadline: m.deadline ? instantOf(m.deadline, m.lang, m.event.timeZone ?? null) : '', position: String(m.position ?? ''),
    subject: m.subject ?? '', body: m.body ?? '',
  };
  const t = registrationTemplates[m.lang][m.kind];
  const text = t.body(p);
  const html = `<!doctype html><html lang="${m.lang}"><body>${text.split(/\n{2,}/).map((para) => (p.link && para.trim() === p.link
    ? `<p><a href="${escape(p.link)}">${escape(p.link)}</a></p>` : `<p>${escape(para).replace(/\n/g, '<br>')}</p>`)).join('\n')}</body></html>`;
  return { subject: t.subject(p), text, html };
}

function organizer() {
  const from = mailFrom();
  const m = /^(.*?)\s*<([^>]+)>$/.exec(from);
  return m ? { name: m[1] || 'Tandem', email: m[2] } : { name: 'Tandem', email: from };
}

/** Sends the mails of a committed change without making the request wait; failures are logged. */
export function sendRegistrationMails(mails: Outgoing[]): Promise<void> {
  return sendInBackground(async () => {
    for (const m of mails) {
      const msg = renderRegistrationMail(m);
      const icalEvent = m.kind === 'accepted'
        ? { method: 'REQUEST' as const, content: calendarOf([m.event], { name: m.event.title, method: 'REQUEST', organizer: organizer(), attendee: { name: m.name, email: m.to, status: 'accepted' } }) }
        : undefined;
      await sendMail({ to: m.to, lang: m.lang, ...msg, icalEvent });
    }
  });
}
