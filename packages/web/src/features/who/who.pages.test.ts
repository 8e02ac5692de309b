/** Who-else pages in-process: a territory sheet's block and a theme page in fr/en/vi, the filter page, the contact form. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import type { Grant } from '../../../../server/src/lib/actor.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { smtpSink, type SmtpSink } from '../../../../server/src/features/mail/smtp-sink.js';
import { createSite } from '../../site.js';

type Who = { cookie: string; csrf: string };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('who-else pages', () => {
  let db: Db; let sink: SmtpSink; let site: ReturnType<typeof createSite>;
  const signIn = async (email: string, grants: Grant[]): Promise<Who> => {
    const a = await createAccount(db, { email, name: 'Binh Tran', password: 'correct horse battery staple' });
    for (const g of grants) await addGrant(db, a.id, g, null);
    const { token, session } = await createSession(db, a.id);
    return { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
  };
  const get = (path: string, w?: Who) => site.request(path, { headers: w ? { cookie: w.cookie } : {} });
  const post = (path: string, form: Record<string, string>, w?: Who) => site.request(path, { method: 'POST',
    headers: { ...(w ? { cookie: w.cookie } : {}), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...(w ? { _csrf: w.csrf } : {}), ...form }).toString() });

  beforeAll(async () => {
    db = await testDb(); sink = await smtpSink();
    process.env.SMTP_URL = sink.url; process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>';
    site = createSite({ db });
  }, 60_000);
  afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; await sink?.close(); await db?.close(); });

  it('the new Hải Phòng sheet says who worked at Hải Dương before the 2025 reform, in fr, en and vi', async () => {
    const fr = text(await (await get('/territories/VN-2025-31')).text());
    expect(fr).toContain('Qui d’autre agit ici ?');
    expect(fr).toContain('Département de la Seine-Saint-Denis');
    expect(fr).toContain('Partenariat à Hải Dương, devenue Hải Phòng en 2025');
    expect(fr).toContain('Connectez-vous pour les contacter');
    expect(text(await (await get('/en/territories/VN-2025-31')).text())).toContain('Partnership in Hải Dương, part of Hải Phòng since 2025');
    const vi = await get('/vi/territories/VN-P-30');
    expect(vi.status).toBe(200);
    expect(text(await vi.text())).toContain('Còn ai hoạt động ở đây?');
  });

  it('a theme page: label, sub-themes, records on it, the block; 404 for an unknown theme', async () => {
    const fr = text(await (await get('/themes/env.eau-dechets')).text());
    expect(fr).toContain('Sous-thèmes');
    expect(fr).toContain('Partenariats et projets sur ce thème');
    expect(fr).toContain('Qui d’autre agit sur ce thème ?');
    expect(fr).toContain('Département de la Seine-Saint-Denis');
    expect(text(await (await get('/en/themes/env.eau-dechets')).text())).toContain('Who else works on this theme?');
    expect(text(await (await get('/vi/themes/env.eau-dechets')).text())).toContain('Chủ đề con');
    expect((await get('/themes/nothing-here')).status).toBe(404);
  });

  it('the filter page: a plain GET form; unknown ids answer 400 with the form', async () => {
    const page = text(await (await get('/who-else?territory=VN-P-30&theme=env')).text());
    expect(page).toMatch(/\d+ organisations?/);
    expect(page).toContain('Comité populaire de la province de Hải Dương');
    expect((await get('/who-else?territory=nowhere')).status).toBe(400);
    expect((await get('/who-else')).status).toBe(200);
  });

  it('contact: signed out → sign in; a member sends, the members get the mail, no address shown', async () => {
    const anon = await get('/who-else/contact/hai-duong-cp');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toContain('/login?returnTo=');
    await createAccount(db, { email: 'member@haiduong.example', name: 'Member', password: 'correct horse battery staple', lang: 'vi' })
      .then((a) => addGrant(db, a.id, { role: 'member', organisationId: 'hai-duong-cp' }, null));
    const w = await signIn('sender@cd93.example', [{ role: 'member', organisationId: 'cd93' }]);
    const block = await (await get('/territories/VN-P-30', w)).text();
    expect(block).toContain('/who-else/contact/hai-duong-cp');
    expect((await post('/who-else/contact/hai-duong-cp', { message: ' ' }, w)).status).toBe(400);
    const sent = await post('/who-else/contact/hai-duong-cp', { message: 'Xin chào, hợp tác về nước sạch ?', about: 'Hải Dương' }, w);
    expect(sent.status).toBe(200);
    const html = await sent.text();
    expect(text(html)).toContain('Votre message est envoyé');
    expect(html).not.toContain('member@haiduong.example');
    const m = await sink.next((x) => x.subject?.includes('Binh Tran') ?? false);
    expect((m.to as { text: string }).text).toBe('member@haiduong.example');
    expect(m.replyTo?.text).toContain('sender@cd93.example');
    expect(m.text).toContain('Xin chào, hợp tác về nước sạch ?');
  });
});
