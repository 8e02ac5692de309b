import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendMail, sendTemplate } from './mail.js';
import { smtpSink, linkIn, type SmtpSink } from './smtp-sink.js';
import { render, templates } from './templates.js';

describe('e-mail', () => {
  let sink: SmtpSink;
  beforeAll(async () => { sink = await smtpSink(); });
  afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; await sink.close(); });

  it('has every template in French, English and Vietnamese', () => {
    const names = Object.keys(templates.fr).sort();
    for (const lang of ['en', 'vi'] as const) expect(Object.keys(templates[lang]).sort()).toEqual(names);
    const p = { link: 'https://tandem.example/x', email: 'a@b.fr', inviter: 'Ana', roles: 'member', expires: '1 mai' };
    for (const lang of ['fr', 'en', 'vi'] as const) for (const name of names as Array<keyof typeof templates.fr>) {
      const m = render(name, lang, p);
      expect(m.subject.length).toBeGreaterThan(5);
      expect(m.text).toContain(p.link);
      expect(m.html).toContain(`<html lang="${lang}">`);
      expect(m.text).not.toMatch(/undefined|\$\{/);
    }
  });

  it('escapes what it puts in the HTML part', () => {
    const m = render('invitation', 'fr', { link: 'https://t.example/i/abc', inviter: '<script>x</script>', roles: '', expires: 'demain' });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
  });

  it('sends through the SMTP server of SMTP_URL, from MAIL_FROM, in the recipient\'s language', async () => {
    process.env.SMTP_URL = sink.url;
    process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>';
    await sendTemplate('lan@example.vn', 'vi', 'password_reset', { email: 'lan@example.vn', link: 'https://tandem.test/vi/password-reset/abc' });
    const m = await sink.next();
    expect(m.subject).toBe('Tandem: đặt lại mật khẩu');
    expect(m.from?.value[0].address).toBe('noreply@tandem.test');
    expect(m.to && !Array.isArray(m.to) ? m.to.value[0].address : null).toBe('lan@example.vn');
    expect(m.headers.get('content-language')).toBe('vi');
    expect(linkIn(m)).toBe('https://tandem.test/vi/password-reset/abc');
    await sendTemplate('x@example.fr', 'de', 'password_reset', { email: 'x@example.fr', link: 'https://tandem.test/r' });
    expect((await sink.next()).subject).toBe('Tandem : réinitialiser votre mot de passe'); // unknown language → French
  });

  it('without SMTP_URL, writes the message to the log instead of failing', async () => {
    delete process.env.SMTP_URL;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await sendMail({ to: 'dev@example.org', subject: 'Essai', text: 'lien https://x.example/1' });
    expect(log.mock.calls[0][0]).toMatch(/mail not sent \(SMTP_URL is not set\) to dev@example.org: Essai[\s\S]*https:\/\/x.example\/1/);
    log.mockRestore();
  });
});
