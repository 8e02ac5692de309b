/** The registration pages in-process, through their plain forms: the registrant's form and private page, the public list, the organisers' pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formField } from '@tandem/shared';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import type { Grant } from '../../../../server/src/lib/actor.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { testEvent } from '../../../../server/src/features/registration/registration.testkit.js';
import { createSite } from '../../site.js';

type Who = { cookie: string; csrf: string };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/\s+/g, ' ');
const diet = formField.parse({ key: 'diet', type: 'choice', required: true, labels: { fr: 'Régime alimentaire', en: 'Diet' },
  options: [{ value: 'vege', labels: { fr: 'Végétarien', vi: 'Chay' } }, { value: 'standard', labels: { fr: 'Standard' } }] });

describe('registration pages', () => {
  let db: Db;
  let site: ReturnType<typeof createSite>;
  const who: Record<string, Who> = {};
  const signIn = async (key: string, email: string, grants: Grant[]) => {
    const a = await createAccount(db, { email, name: key, password: 'correct horse battery staple' });
    for (const g of grants) await addGrant(db, a.id, g, null);
    const { token, session } = await createSession(db, a.id);
    who[key] = { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
  };
  const get = (path: string, w?: Who) => site.request(path, { headers: w ? { cookie: w.cookie } : {} });
  const post = (path: string, form: Record<string, string | string[]>, w?: Who) => {
    const body = new URLSearchParams();
    if (w) body.append('_csrf', w.csrf);
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    return site.request(path, { method: 'POST', headers: { ...(w ? { cookie: w.cookie } : {}), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  };
  let ev: { id: string; sessions: string[] };

  beforeAll(async () => {
    db = await testDb();
    site = createSite({ db });
    await signIn('org', 'org@cd93.example', [{ role: 'member', organisationId: 'cd93' }]);
    await signIn('out', 'out@montreuil.example', [{ role: 'member', organisationId: 'ville-montreuil' }]);
    ev = await testEvent(db, { capacity: 1, fields: [diet], workshops: [5, null], workshopsMax: 1 });
  });
  afterAll(async () => { await db.close(); });

  it('shows the event sheet\'s block: register with places left; for organisers the management links', async () => {
    const visitor = text(await (await get(`/events/${ev.id}`)).text());
    expect(visitor).toContain('S’inscrire 1 place restante');
    expect(visitor).not.toContain('Gérer les inscriptions');
    expect(text(await (await get(`/events/${ev.id}`, who.org)).text())).toContain('Gérer les inscriptions');
  });

  it('renders the form in the reader\'s language (French when a label is missing), with places and the workshops\' rule', async () => {
    const t = text(await (await get(`/en/events/${ev.id}/register`)).text());
    expect(t).toContain('Diet *');
    expect(t).toContain('Végétarien'); // no English label: the French one
    expect(t).toContain('1 place left');
    expect(t).toContain('Choose at most 1 workshop.');
    expect(t).toContain('5 places left');
    const vi = text(await (await get(`/vi/events/${ev.id}/register`)).text());
    expect(vi).toContain('Chay');
  });

  it('comes back with the values kept and the error naming the field, then registers and opens the private page', async () => {
    const bad = await post(`/en/events/${ev.id}/register`, { name: 'Anne Lefèvre', email: 'anne@example.org', sessions: [ev.sessions[0]] });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(text(page)).toContain('Diet: missing or invalid answer.');
    expect(page).toContain('value="Anne Lefèvre"');
    expect(page).toMatch(new RegExp(`value="${ev.sessions[0]}" checked`));
    const ok = await post(`/en/events/${ev.id}/register`, { name: 'Anne Lefèvre', email: 'anne@example.org', 'answers.diet': 'vege', sessions: [ev.sessions[0]], publicConsent: 'yes' });
    expect(ok.status).toBe(303);
    const to = ok.headers.get('location')!;
    expect(to).toMatch(/^\/en\/registrations\/[A-Za-z0-9_-]{43}\?saved=registered$/);
    const mine = await get(to);
    expect(mine.headers.get('referrer-policy')).toBe('no-referrer');
    expect(mine.headers.get('cache-control')).toContain('no-store');
    const html = await mine.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(text(html)).toContain('Your registration is confirmed.');
    expect(text(html)).toContain('Diet Végétarien'); // the answer, its option's label in French for want of English
  });

  it('puts the next person on the waiting list with her rank; cancelling asks first, then offers the place', async () => {
    const res = await post(`/events/${ev.id}/register`, { name: 'Bảo Nguyễn', email: 'bao@example.vn', 'answers.diet': 'standard' });
    const bao = res.headers.get('location')!.replace(/\?.*$/, '');
    expect(text(await (await get(bao)).text())).toContain('Vous êtes sur la liste d’attente, en position 1.');
    const anne = (await db.query<{ id: string }>(`select id from registration where email = 'anne@example.org'`))[0].id;
    expect(anne).toBeTruthy();
    const dup = await post(`/events/${ev.id}/register`, { name: 'Anne', email: 'anne@example.org', 'answers.diet': 'vege' });
    expect(dup.status).toBe(409);
    expect(text(await dup.text())).toContain('Une inscription existe déjà pour cette adresse');
    const ask = text(await (await get(`${bao}?confirm=cancel`)).text());
    expect(ask).toContain('Oui, annuler mon inscription');
    const done = await post(bao, { action: 'cancel' });
    expect(done.headers.get('location')).toBe(`${bao}?saved=cancelled`);
    expect(text(await (await get(`${bao}?saved=cancelled`)).text())).toContain('Cette inscription est annulée.');
  });

  it('lists consenting accepted participants only, publicly', async () => {
    await post(`/events/${ev.id}/register`, { name: 'Chloé Durand', email: 'chloe@example.org', 'answers.diet': 'vege', publicConsent: 'yes' }); // waiting
    const t = text(await (await get(`/events/${ev.id}/participants`)).text());
    expect(t).toContain('Anne Lefèvre');
    expect(t).not.toContain('Chloé');
    expect(t).not.toContain('anne@example.org');
  });

  it('lets organisers only manage registrations and the form; a stale form answers 409', async () => {
    expect((await get(`/espace/events/${ev.id}/inscriptions`)).status).toBe(303);
    expect((await get(`/espace/events/${ev.id}/inscriptions`, who.out)).status).toBe(403);
    expect((await get(`/espace/events/${ev.id}/formulaire`, who.out)).status).toBe(403);
    const list = text(await (await get(`/en/espace/events/${ev.id}/inscriptions`, who.org)).text());
    expect(list).toContain('anne@example.org');
    expect(list).toMatch(/Waiting list \(1\)/);
    const chloe = (await db.query<{ id: string }>(`select id from registration where email = 'chloe@example.org'`))[0].id;
    const declined = await post(`/espace/events/${ev.id}/inscriptions`, { status: 'waiting', action: 'decline', ids: [chloe] }, who.org);
    expect(declined.headers.get('location')).toBe(`/espace/events/${ev.id}/inscriptions?done=decline`);
    expect((await db.query<{ status: string }>('select status from registration where id = $1', [chloe]))[0].status).toBe('declined');
    const builder = await get(`/espace/events/${ev.id}/formulaire`, who.org);
    expect(await builder.text()).toContain('name="fields.0.key" type="text" value="diet"');
    const stale = await post(`/espace/events/${ev.id}/formulaire`, { version: '99', count: '0', moderated: '', workshopsMin: '0', offerHours: '48', capacity: '3' }, who.org);
    expect(stale.status).toBe(409);
    expect(text(await stale.text())).toContain('Quelqu’un d’autre a modifié ce formulaire');
  });

  it('shows each workshop\'s waiting list to its organisers, who reorder it', async () => {
    const w = await testEvent(db, { capacity: 10, workshops: [1] });
    const reg = async (name: string) => (await post(`/events/${w.id}/register`, { name, email: `${name.toLowerCase()}@example.org`, sessions: w.sessions[0] })).status;
    for (const name of ['Ana', 'Binh', 'Chau']) expect(await reg(name)).toBe(303);
    const order = async () => text(await (await get(`/en/espace/events/${w.id}/inscriptions`, who.org)).text()).match(/Workshops’ waiting lists .*?Atelier 1 \(2\) (.*?) Message/)?.[1];
    expect(await order()).toMatch(/Binh.*Chau/);
    const binh = (await db.query<{ id: string }>(`select id from registration where email = 'binh@example.org'`))[0].id;
    const moved = await post(`/espace/events/${w.id}/inscriptions`, { action: `wdown:${w.sessions[0]}:${binh}` }, who.org);
    expect(moved.headers.get('location')).toBe(`/espace/events/${w.id}/inscriptions?done=order`);
    expect(await order()).toMatch(/Chau.*Binh/);
  });

  it('says when the form is not open yet, without the form', async () => {
    const later = await testEvent(db, { opensAt: '2099-01-01T08:00:00Z' });
    const t = await (await get(`/en/events/${later.id}/register`)).text();
    expect(text(t)).toContain('Registration opens on January 1, 2099');
    expect(t).not.toContain('<form method="post"');
  });
});
