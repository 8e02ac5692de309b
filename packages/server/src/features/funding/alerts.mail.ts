/**
 * The e-mails of saved searches, in the subscriber's language (fr, en, vi): the confirmation (its link only) and the
 * digest (the new calls, the deadlines coming within 14 days, each with its deadline and link; the unsubscribe link).
 * Plain text, and HTML built from escaped text only.
 */
import { callWord, countryNameIn, themeLabelIn, type CallQuery } from '@tandem/shared';
import type { CallRow } from './funding.query.js';

type L = 'fr' | 'en' | 'vi';
const LOCALE: Record<L, string> = { fr: 'fr-FR', en: 'en-GB', vi: 'vi-VN' };

const W = {
  fr: {
    all: 'tous les appels ouverts', words: 'mots « {v} »', beneficiary: 'bénéficiaire : {v}', aidType: 'type d’aide : {v}', theme: 'thème : {v}',
    country: 'pays : {v}', closed: 'y compris les appels clos', daily: 'chaque jour', weekly: 'chaque semaine',
    confirmSubject: 'Confirmez votre alerte d’appels à projets',
    confirmBody: 'Bonjour,\n\nQuelqu’un (vous, sans doute) a demandé à recevoir {freq} les nouveaux appels à projets de Tandem pour cette recherche : {query}.\n\nPour confirmer, ouvrez ce lien puis appuyez sur le bouton « Confirmer » :\n\n{link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne vous sera envoyé.',
    digestSubject: 'Appels à projets : {n} pour votre recherche', newCalls: 'Nouveaux appels', soon: 'Dates limites dans les 14 jours',
    deadline: 'date limite : {d}', predeposit: 'pré-dépôt : {d}', noDeadline: 'sans date limite',
    about: 'Votre recherche : {query}.', unsubscribe: 'Ne plus recevoir ces messages :', sign: '— Tandem, l’atlas de la coopération décentralisée',
  },
  en: {
    all: 'all open calls', words: 'words "{v}"', beneficiary: 'beneficiary: {v}', aidType: 'type of aid: {v}', theme: 'theme: {v}',
    country: 'country: {v}', closed: 'closed calls included', daily: 'every day', weekly: 'every week',
    confirmSubject: 'Confirm your funding call alert',
    confirmBody: 'Hello,\n\nSomeone (probably you) asked to receive {freq} the new funding calls on Tandem for this search: {query}.\n\nTo confirm, open this link and press the "Confirm" button:\n\n{link}\n\nIf you did not ask for it, ignore this message: nothing will be sent to you.',
    digestSubject: 'Funding calls: {n} for your search', newCalls: 'New calls', soon: 'Deadlines within 14 days',
    deadline: 'deadline: {d}', predeposit: 'pre-submission: {d}', noDeadline: 'no deadline',
    about: 'Your search: {query}.', unsubscribe: 'Stop receiving these messages:', sign: '— Tandem, the atlas of decentralised cooperation',
  },
  vi: {
    all: 'mọi lời kêu gọi đang mở', words: 'từ khóa « {v} »', beneficiary: 'đối tượng: {v}', aidType: 'loại hỗ trợ: {v}', theme: 'chủ đề: {v}',
    country: 'quốc gia: {v}', closed: 'kể cả các lời kêu gọi đã đóng', daily: 'hằng ngày', weekly: 'hằng tuần',
    confirmSubject: 'Xác nhận thông báo lời kêu gọi tài trợ',
    confirmBody: 'Xin chào,\n\nCó người (có lẽ là bạn) đã đăng ký nhận {freq} các lời kêu gọi tài trợ mới trên Tandem cho tìm kiếm này: {query}.\n\nĐể xác nhận, hãy mở đường dẫn sau rồi bấm nút « Xác nhận »:\n\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này: bạn sẽ không nhận được gì.',
    digestSubject: 'Lời kêu gọi tài trợ: {n} cho tìm kiếm của bạn', newCalls: 'Lời kêu gọi mới', soon: 'Hạn chót trong 14 ngày tới',
    deadline: 'hạn chót: {d}', predeposit: 'nộp sơ bộ: {d}', noDeadline: 'không có hạn chót',
    about: 'Tìm kiếm của bạn: {query}.', unsubscribe: 'Ngừng nhận các thư này:', sign: '— Tandem, bản đồ hợp tác phi tập trung',
  },
} satisfies Record<L, Record<string, string>>;

const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(p[k] ?? ''));
export const lOf = (lang: string): L => (lang === 'en' || lang === 'vi' ? lang : 'fr');

/** A search in words, as the site says it ("mots « eau » · bénéficiaire : communes · pays : Viêt Nam"). */
export function describeQuery(lang: string, q: CallQuery): string {
  const l = lOf(lang);
  const w = W[l];
  const parts = [
    q.q ? fill(w.words, { v: q.q }) : null, q.beneficiary ? fill(w.beneficiary, { v: callWord(l, 'ben', q.beneficiary) }) : null,
    q.aidType ? fill(w.aidType, { v: callWord(l, 'aid', q.aidType) }) : null,
    q.theme ? fill(w.theme, { v: themeLabelIn(l, q.theme) }) : null,
    q.country ? fill(w.country, { v: countryNameIn(l, q.country) }) : null, q.open === '0' ? w.closed : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : w.all;
}

export function dayIn(lang: string, day: string): string {
  return new Intl.DateTimeFormat(LOCALE[lOf(lang)], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const isLink = (s: string) => /^https?:\/\/\S+$/.test(s);

/** HTML from the text: every paragraph escaped, lines kept, lone links made links. */
function htmlOf(lang: L, text: string): string {
  const line = (l: string) => (isLink(l.trim()) ? `<a href="${escape(l.trim())}">${escape(l.trim())}</a>` : escape(l));
  return `<!doctype html><html lang="${lang}"><body>${text.split(/\n{2,}/).map((p) => `<p>${p.split('\n').map(line).join('<br>')}</p>`).join('\n')}</body></html>`;
}

export function renderConfirmMail(lang: string, q: CallQuery, frequency: 'daily' | 'weekly', link: string) {
  const l = lOf(lang); const w = W[l];
  const text = fill(w.confirmBody, { freq: w[frequency], query: describeQuery(l, q), link });
  return { subject: w.confirmSubject, text, html: htmlOf(l, text) };
}

export interface DigestInput { lang: string; query: CallQuery; fresh: CallRow[]; soon: CallRow[]; linkOf: (call: CallRow) => string; unsubscribe: string }

function callLines(l: L, c: CallRow, link: string): string {
  const w = W[l];
  const dates = [c.closes_on ? fill(w.deadline, { d: dayIn(l, c.closes_on) }) : w.noDeadline, c.predeposit_on ? fill(w.predeposit, { d: dayIn(l, c.predeposit_on) }) : null];
  return `${c.title}\n${dates.filter(Boolean).join(' · ')}\n${link}`;
}

export function renderDigest(d: DigestInput) {
  const l = lOf(d.lang); const w = W[l];
  const n = d.fresh.length + d.soon.length;
  const section = (title: string, calls: CallRow[]) => (calls.length ? [`${title} (${calls.length})`, ...calls.map((c) => callLines(l, c, d.linkOf(c)))] : []);
  const text = [fill(w.about, { query: describeQuery(l, d.query) }), ...section(w.newCalls, d.fresh), ...section(w.soon, d.soon),
    `${w.unsubscribe}\n${d.unsubscribe}`, w.sign].join('\n\n');
  return { subject: fill(w.digestSubject, { n }), text, html: htmlOf(l, text) };
}
