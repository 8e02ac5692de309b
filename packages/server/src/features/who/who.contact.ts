/**
 * « Contacter » (issue 15): a signed-in member writes to the members of another organisation through Tandem.
 * Each member gets their own e-mail in their language (so no address is shown to anyone, the members' to the
 * sender nor to each other); the sender's name, organisation and address are in the text and the Reply-To.
 * At most 10 messages per sender per hour and 2 per sender and organisation; audited (without the message).
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { HttpError, ValidationError } from '../../lib/errors.js';
import { audit } from '../audit/audit.js';
import { takeSlot } from '../auth/ratelimit.js';
import { sendMail } from '../mail/mail.js';

const noControl = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
export const contactInput = z.object({
  organisationId: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1, 'write a message').max(5000).refine(noControl, 'control characters are not allowed'),
  about: z.string().trim().max(200).refine((s) => noControl(s) && !/[\r\n]/.test(s), 'one line without control characters').optional(),
}).strict();
export type ContactInput = z.infer<typeof contactInput>;

export const CONTACT_LIMITS = { sender: 10, pair: 2, windowMinutes: 60 };

const TEXT = {
  fr: { subject: (who: string, about: string) => `[Tandem] ${who} souhaite vous contacter${about ? ` : ${about}` : ''}`,
    intro: (who: string, org: string) => `${who}${org ? ` (${org})` : ''} vous écrit par Tandem, parce que votre organisation agit sur le même territoire ou le même thème :`,
    reply: (email: string) => `Pour répondre, répondez simplement à ce message (il partira vers ${email}).`,
    why: 'Vous recevez ce message parce que vous êtes membre de cette organisation sur Tandem ; votre adresse n’a pas été communiquée.' },
  en: { subject: (who: string, about: string) => `[Tandem] ${who} would like to get in touch${about ? `: ${about}` : ''}`,
    intro: (who: string, org: string) => `${who}${org ? ` (${org})` : ''} writes to you through Tandem, as your organisation works in the same place or on the same theme:`,
    reply: (email: string) => `To answer, simply reply to this message (it will go to ${email}).`,
    why: 'You receive this message as a member of this organisation on Tandem; your address was not shared.' },
  vi: { subject: (who: string, about: string) => `[Tandem] ${who} muốn liên hệ với bạn${about ? `: ${about}` : ''}`,
    intro: (who: string, org: string) => `${who}${org ? ` (${org})` : ''} gửi thư cho bạn qua Tandem, vì tổ chức của bạn hoạt động trên cùng địa bàn hoặc cùng chủ đề:`,
    reply: (email: string) => `Để trả lời, bạn chỉ cần trả lời thư này (thư sẽ được gửi tới ${email}).`,
    why: 'Bạn nhận được thư này vì bạn là thành viên của tổ chức này trên Tandem; địa chỉ của bạn không được chia sẻ.' },
};

export async function contactOrganisation(db: Db, actor: Actor | null, input: ContactInput, ip: string | null): Promise<{ sent: true }> {
  if (!actor) throw new HttpError(401, 'sign in to contact an organisation');
  if (!actor.email || actor.accountId === 'admin-token') throw new HttpError(403, 'only a signed-in person can contact an organisation');
  // sending mail in the person's name is a write: a read-only API token may not (issue 17: the matrix found it)
  if (actor.via === 'token' && !(actor.scopes ?? []).includes('write')) throw new HttpError(403, 'this API token lacks the "write" scope');
  const member = actor.grants.some((g) => g.role === 'platform_admin' || g.organisationId);
  if (!member) throw new HttpError(403, 'only members of an organisation on Tandem can contact another one');
  const [org] = await db.query<{ id: string; name: string }>('select id, name from organisation where id = $1', [input.organisationId]);
  if (!org) throw new ValidationError([{ path: 'organisationId', message: `no organisation with id "${input.organisationId}"` }]);
  const recipients = await db.query<{ email: string; lang: string }>(
    `select distinct a.email, a.lang from role_grant g join account a on a.id = g.account_id
      where g.organisation_id = $1 and g.role in ('member', 'network_admin') and a.disabled_at is null and a.id <> $2`, [org.id, actor.accountId]);
  if (!recipients.length) throw new ValidationError([{ path: 'organisationId', message: 'nobody at this organisation can be written to through Tandem' }]);
  const over = await takeSlot(db, [
    { key: `who-contact:${actor.accountId}`, max: CONTACT_LIMITS.sender, windowMinutes: CONTACT_LIMITS.windowMinutes },
    { key: `who-contact:${actor.accountId}:${org.id}`, max: CONTACT_LIMITS.pair, windowMinutes: CONTACT_LIMITS.windowMinutes },
  ]);
  if (over) throw new HttpError(429, `too many messages: at most ${over.limit.max} per hour; try again in ${Math.ceil(over.wait / 60)} minute(s)`, undefined, { retryAfter: over.wait });
  const orgIds = actor.grants.map((g) => g.organisationId).filter((x): x is string => !!x);
  const [mine] = orgIds.length ? await db.query<{ name: string }>('select name from organisation where id = any($1::text[]) order by name limit 1', [orgIds]) : [];
  const who = actor.name || actor.email;
  for (const r of recipients) {
    const t = TEXT[r.lang === 'en' || r.lang === 'vi' ? r.lang : 'fr'];
    const text = [t.intro(who, mine?.name ?? ''), '', input.message, '', '—', t.reply(actor.email), t.why].join('\n');
    await sendMail({ to: r.email, lang: r.lang, replyTo: `${who.replace(/[<>"\r\n]/g, '')} <${actor.email}>`, subject: t.subject(who, input.about ?? '').replace(/[\r\n]+/g, ' '), text });
  }
  await audit(db, { actor, action: 'who_else_contact', targetKind: 'organisation', targetId: org.id, details: { recipients: recipients.length, about: input.about ?? null }, ip });
  return { sent: true };
}
