/**
 * Outgoing e-mail through the SMTP server of SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS),
 * from MAIL_FROM. Without SMTP_URL nothing is sent: the message is written to the server log instead
 * (development), so a reset or invitation link can still be followed.
 */
import type { Transporter } from 'nodemailer';
import { render, type MailTemplate, type TemplateLang } from './templates.js';

export interface MailMessage {
  to: string; subject: string; text: string; html?: string; lang?: string; replyTo?: string;
  /** an iCalendar part (text/calendar; method=…), e.g. the invitation of a registration's confirmation */
  icalEvent?: { method: 'REQUEST' | 'PUBLISH' | 'CANCEL'; content: string; filename?: string };
  /** more headers, e.g. List-Unsubscribe of a digest */
  headers?: Record<string, string>;
}

let cached: { url: string; transport: Transporter } | null = null;

/** nodemailer (≈ 40 modules) is loaded with the first message, not at every start. */
async function transport(url: string): Promise<Transporter> {
  if (cached?.url !== url) {
    const { default: nodemailer } = await import('nodemailer');
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport(url) };
  }
  return cached.transport;
}

export const mailFrom = () => process.env.MAIL_FROM || 'Tandem <no-reply@localhost>';

export async function sendMail(msg: MailMessage): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) {
    console.log(`mail not sent (SMTP_URL is not set) to ${msg.to}: ${msg.subject}\n${process.env.NODE_ENV === 'production' ? '(body withheld in production)' : msg.text}`);
    return;
  }
  await (await transport(url)).sendMail({
    from: mailFrom(), to: msg.to, replyTo: msg.replyTo, subject: msg.subject, text: msg.text, html: msg.html,
    headers: msg.lang || msg.headers ? { ...(msg.lang ? { 'Content-Language': msg.lang } : {}), ...msg.headers } : undefined,
    icalEvent: msg.icalEvent ? { method: msg.icalEvent.method, content: msg.icalEvent.content, filename: msg.icalEvent.filename ?? 'invitation.ics' } : undefined,
  });
}

/** A templated message in the recipient's language (French when unknown). */
export async function sendTemplate(to: string, lang: string | null | undefined, name: MailTemplate, params: Record<string, string>): Promise<void> {
  const l: TemplateLang = lang === 'en' || lang === 'vi' ? lang : 'fr';
  await sendMail({ to, lang: l, ...render(name, l, params) });
}

/**
 * Sends without making the request wait (and without telling by its duration whether an account
 * exists); failures are logged. Returns the promise for tests and shutdown.
 */
export function sendInBackground(send: () => Promise<void>): Promise<void> {
  return send().catch((err) => console.error(`mail could not be sent: ${(err as Error).message}`));
}
