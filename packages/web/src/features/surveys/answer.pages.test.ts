/** The survey pages in-process, through their plain forms: the builder, the public page, the private answer sheet, the blocks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../server/test/db.js';
import type { Db } from '../../../../server/src/db/client.js';
import type { Actor, Grant } from '../../../../server/src/lib/actor.js';
import { addGrant, createAccount } from '../../../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../../../server/src/features/auth/csrf.js';
import { createSession } from '../../../../server/src/features/auth/sessions.js';
import { testEvent } from '../../../../server/src/features/registration/registration.testkit.js';
import { createSurvey, setSurveyStatus } from '../../../../server/src/features/surveys/surveys.service.js';
import { surveyInput } from '@tandem/shared';
import { linkIn, smtpSink, type SmtpSink } from '../../../../server/src/features/mail/smtp-sink.js';
import { createSite } from '../../site.js';

type Who = { cookie: string; csrf: string };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const ALL_TYPES = surveyInput.parse({
  organisationId: 'cd93', mode: 'anonymous', title: { fr: 'Retour sur les Assises', en: 'Feedback on the conference', vi: 'Phản hồi về hội nghị' },
  sections: [
    { title: { fr: 'Votre venue', en: 'Your visit' }, questions: [
      { key: 'came', type: 'yes_no', required: true, labels: { fr: 'Êtes-vous venu ?', en: 'Did you come?' } },
      { key: 'role', type: 'single', required: true, allowOther: true, labels: { fr: 'Votre rôle' },
        options: [{ value: 'elu', labels: { fr: 'Élu' } }, { value: 'agent', labels: { fr: 'Agent' } }] },
      { key: 'themes', type: 'multiple', allowOther: true, labels: { fr: 'Thèmes suivis' },
        options: [{ value: 'eau', labels: { fr: 'Eau' } }, { value: 'sante', labels: { fr: 'Santé' } }] },
      { key: 'note', type: 'scale', scaleMin: 1, scaleMax: 5, labels: { fr: 'Note globale' }, scaleLabels: { min: { fr: 'Décevant' }, max: { fr: 'Excellent' } },
        condition: { question: 'came', equals: [true] } },
    ] },
    { title: { fr: 'Détails' }, questions: [
      { key: 'people', type: 'number', numberMin: 0, labels: { fr: 'Personnes de votre délégation' } },
      { key: 'back', type: 'date', labels: { fr: 'Date de retour' } },
      { key: 'word', type: 'short_text', labels: { fr: 'Un mot pour résumer' } },
      { key: 'ideas', type: 'long_text', labels: { fr: 'Vos idées' } },
      { key: 'prio', type: 'ranking', labels: { fr: 'Vos priorités' },
        options: [{ value: 'eau', labels: { fr: 'Eau' } }, { value: 'climat', labels: { fr: 'Climat' } }, { value: 'jeunesse', labels: { fr: 'Jeunesse' } }] },
    ] },
  ],
});

describe('survey pages', () => {
  let db: Db;
  let sink: SmtpSink;
  let site: ReturnType<typeof createSite>;
  const who: Record<string, Who> = {};
  let org: Actor;
  const signIn = async (key: string, email: string, grants: Grant[]) => {
    const a = await createAccount(db, { email, name: key, password: 'correct horse battery staple' });
    for (const g of grants) await addGrant(db, a.id, g, null);
    const { token, session } = await createSession(db, a.id);
    who[key] = { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
    return { accountId: a.id, email, name: key, grants, via: 'session' } as Actor;
  };
  const get = (path: string, w?: Who) => site.request(path, { headers: w ? { cookie: w.cookie } : {} });
  const post = (path: string, form: Record<string, string | string[]>, w?: Who) => {
    const body = new URLSearchParams();
    if (w) body.append('_csrf', w.csrf);
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    return site.request(path, { method: 'POST', headers: { ...(w ? { cookie: w.cookie } : {}), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  };
  let surveyId: string;
  let link: string;

  beforeAll(async () => {
    db = await testDb();
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url; process.env.MAIL_FROM = 'Tandem <noreply@tandem.test>';
    site = createSite({ db });
    org = await signIn('org', 'org@cd93.example', [{ role: 'member', organisationId: 'cd93' }]);
    await signIn('out', 'out@montreuil.example', [{ role: 'member', organisationId: 'ville-montreuil' }]);
    const s = await createSurvey(db, org, ALL_TYPES);
    await setSurveyStatus(db, org, s.id, { status: 'open', version: s.version });
    surveyId = s.id;
  });
  afterAll(async () => { delete process.env.SMTP_URL; delete process.env.MAIL_FROM; await sink?.close(); await db?.close(); });

  it('shows the public page with « Répondre », which opens a private answer sheet', async () => {
    const page = text(await (await get(`/surveys/${surveyId}`)).text());
    expect(page).toContain('Retour sur les Assises');
    expect(page).toContain('Ouverte : les réponses sont recueillies');
    expect(page).toContain('0 réponse');
    const start = await post(`/surveys/${surveyId}/start`, {});
    expect(start.status).toBe(303);
    link = start.headers.get('location')!;
    expect(link).toMatch(/^\/survey-responses\/[A-Za-z0-9_-]{43}$/);
  });

  it('renders every type of question, the sections, the condition line, privately', async () => {
    const res = await get(link);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const html = await res.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toMatch(/type="radio"[^>]*name="answers.came" value="yes"/);
    expect(html).toMatch(/type="radio"[^>]*name="answers.role" value="elu"/);
    expect(html).toMatch(/name="answers.role.other"/);
    expect(html).toMatch(/type="checkbox"[^>]*name="answers.themes" value="sante"/);
    for (const n of [1, 2, 3, 4, 5]) expect(html).toMatch(new RegExp(`type="radio"[^>]*name="answers.note" value="${n}"`));
    expect(html).toMatch(/name="answers.people"[^>]*type="number"/);
    expect(html).toMatch(/name="answers.back"[^>]*type="date"/);
    expect(html).toMatch(/name="answers.word"[^>]*type="text"/);
    expect(html).toMatch(/<textarea[^>]*name="answers.ideas"/);
    expect(html).toContain('name="answers.prio.rank.3"');
    const t = text(html);
    expect(t).toContain('Votre venue');
    expect(t).toContain('Autre :');
    expect(t).toContain('Décevant');
    expect(t).toContain('Choix n° 3');
    expect(t).toContain('Répondez seulement si vous avez répondu « Oui » à la question 1.');
    expect(t).toContain('Enregistrer et continuer plus tard');
    expect(t).toContain('Envoyer mes réponses');
  });

  it('titles the sheet in fr, en and vi', async () => {
    expect(text(await (await get(`/en${link}`)).text())).toContain('Feedback on the conference');
    expect(text(await (await get(`/vi${link}`)).text())).toContain('Phản hồi về hội nghị');
    expect(text(await (await get(`/en${link}`)).text())).toContain('Answer only if you answered “Yes” to question 1.');
  });

  it('saves a partial answer and shows it again through the same link', async () => {
    const saved = await post(link, { action: 'save', version: '1', 'answers.came': 'yes', 'answers.role': '*other', 'answers.role.other': 'Chargé de mission',
      'answers.themes': ['eau', 'sante'], 'answers.prio.rank.1': 'climat', 'answers.prio.rank.2': 'eau', 'answers.word': 'Rencontres' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${link}?saved=partial`);
    const html = await (await get(`${link}?saved=partial`)).text();
    expect(text(html)).toContain('Pour les compléter plus tard, revenez par ce même lien personnel');
    expect(html).toMatch(/name="answers.came" value="yes" checked/);
    expect(html).toContain('value="Chargé de mission"');
    expect(html).toMatch(/name="answers.themes" value="sante" checked/);
    expect(html).toMatch(/name="answers.prio.rank.1"><option value="">[^<]*<\/option><option value="eau">Eau<\/option><option value="climat" selected/);
    expect(html).toContain('value="Rencontres"');
  });

  it('names the question a required answer is missing from, keeping the answers', async () => {
    const version = /name="version" value="(\d+)"/.exec(await (await get(link)).text())![1];
    const bad = await post(link, { action: 'submit', version, 'answers.role': 'elu', 'answers.word': 'Partage' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(text(html)).toContain('« 1. Êtes-vous venu ? » : une réponse est obligatoire.');
    expect(html).toContain('value="Partage"');
    const ok = await post(link, { action: 'submit', version, 'answers.came': 'no', 'answers.role': 'elu' });
    expect(ok.headers.get('location')).toBe(`${link}?saved=submitted`);
    const done = text(await (await get(`${link}?saved=submitted`)).text());
    expect(done).toContain('Merci : vos réponses sont envoyées.');
    expect(done).toContain('Êtes-vous venu ? Non'); // anonymous and sent: read-only
    expect(text(await (await get(`/surveys/${surveyId}`)).text())).toContain('1 réponse');
  });

  it('lets organisers only build a survey; the builder adds a conditional question the answer page shows with its condition', async () => {
    const ev = await testEvent(db, {});
    expect((await get(`/espace/surveys/new?eventId=${ev.id}`)).status).toBe(303); // signed out: sign in first
    const form = await (await get(`/espace/surveys/new?eventId=${ev.id}`, who.org)).text();
    expect(form).toContain('name="eventId" value="' + ev.id + '"');
    const created = await post('/espace/surveys/new', { op: 'settings', eventId: ev.id, organisationId: 'cd93', 'title.fr': 'Avis sur la rencontre', 'title.en': 'Views on the meeting', mode: 'anonymous' }, who.org);
    expect(created.status).toBe(303);
    const builder = created.headers.get('location')!;
    const id = /\/espace\/surveys\/([^?]+)\?done=created/.exec(builder)![1];
    expect((await get(`/espace/surveys/${id}`, who.out)).status).toBe(404); // a draft exists for its organisers only
    const path = `/espace/surveys/${id}`;
    const v = async () => /name="version" value="(\d+)"/.exec(await (await get(path, who.org)).text())![1];
    const add = (q: Record<string, string>) => v().then((version) => post(path, { op: 'question', version, 'q.section': '0', ...q }, who.org));
    expect((await add({ 'q.type': 'single', 'q.key': 'venue', 'q.labels.fr': 'Étiez-vous présent ?', 'q.options': 'Oui, sur place\nEn ligne\nNon', 'q.required': 'yes' })).status).toBe(303);
    const missing = await add({ 'q.type': 'single', 'q.key': 'bad', 'q.labels.fr': 'Sans options', 'q.options': '' });
    expect(missing.status).toBe(400);
    expect(text(await missing.text())).toContain('Options, une par ligne');
    const added = await add({ 'q.type': 'long_text', 'q.key': 'why', 'q.labels.fr': 'Pourquoi en ligne ?', 'q.condQuestion': 'venue', 'q.condValues': 'en ligne' }); // the option's label stands for its value
    expect(added.status).toBe(303);
    const page = text(await (await get(path, who.org)).text());
    expect(page).toContain('Pourquoi en ligne ?');
    expect(page).toContain('Répondez seulement si vous avez répondu « En ligne » à la question 1.');
    const edit = await (await get(`${path}?edit=why`, who.org)).text();
    expect(edit).toContain('name="q.original" value="why"');
    expect(edit).toMatch(/<option value="venue" selected/);
    expect((await add({ 'q.original': 'why', 'q.type': 'long_text', 'q.key': 'why', 'q.labels.fr': 'Pourquoi à distance ?', 'q.condQuestion': 'venue', 'q.condValues': 'en_ligne' })).status).toBe(303);
    const above = await post(path, { op: 'up:why', version: await v() }, who.org); // its condition would name a later question
    expect(above.status).toBe(400);
    expect(text(await above.text())).toContain('Posée seulement selon la réponse à : valeur manquante ou invalide.');
    expect(text(await (await get(path, who.org)).text())).toMatch(/Étiez-vous présent \?.*Pourquoi à distance \?/);
    const settings = { op: 'settings', 'title.fr': 'Avis sur la rencontre', 'title.en': 'Views on the meeting', mode: 'anonymous', 'conclusion.fr': 'Les participants demandent une suite en ligne.' };
    const untitled = await post(path, { ...settings, 'title.fr': '', version: await v() }, who.org);
    expect(untitled.status).toBe(400);
    expect(text(await untitled.text())).toContain('Titre (français) : valeur manquante ou invalide.');
    expect((await post(path, { ...settings, version: await v() }, who.org)).status).toBe(303);
    expect(await (await get(path, who.org)).text()).toContain('Les participants demandent une suite en ligne.</textarea>');
    const stale = await post(path, { op: 'delete:why', version: '1' }, who.org);
    expect(stale.status).toBe(409);
    expect(text(await stale.text())).toContain('Quelqu’un d’autre a modifié cette enquête');
    expect((await post(path, { op: 'status:open', version: await v() }, who.org)).headers.get('location')).toBe(`${path}?done=open`);
    expect((await get(path, who.out)).status).toBe(403);
    const sheet = text(await (await get(`/events/${ev.id}`, who.org)).text());
    expect(sheet).toContain('Enquêtes');
    expect(sheet).toContain('Avis sur la rencontre');
    expect(sheet).toContain('Créer une enquête');
    const start = await post(`/surveys/${id}/start`, {});
    const answer = text(await (await get(start.headers.get('location')!)).text());
    expect(answer).toContain('Répondez seulement si vous avez répondu « En ligne » à la question 1.');
    expect(answer).toContain('Pourquoi à distance ?');
    expect(text(await (await get(`/en/events/${ev.id}`)).text())).toContain('Views on the meeting');
    expect(text(await (await get('/espace', who.org)).text())).toContain('Mes enquêtes');
  });

  it('follows a registration survey\'s respondents: invitations, pending list; the organisation sheet lists its surveys', async () => {
    const ev = await testEvent(db, { capacity: 10 });
    expect((await post(`/events/${ev.id}/register`, { name: 'Lan Trần', email: 'lan@example.vn' })).status).toBe(303);
    const s = await createSurvey(db, org, surveyInput.parse({ ...ALL_TYPES, eventId: ev.id, mode: 'registration', title: { fr: 'Enquête des inscrits' } }));
    await setSurveyStatus(db, org, s.id, { status: 'open', version: s.version });
    const path = `/espace/surveys/${s.id}/respondents`;
    expect((await get(path, who.out)).status).toBe(403);
    const invited = await post(path, { op: 'invite' }, who.org);
    expect(invited.headers.get('location')).toBe(`${path}?invited=1`);
    const page = text(await (await get(`${path}?invited=1`, who.org)).text());
    expect(page).toContain('1 invitation envoyée.');
    expect(page).toContain('Pas encore répondu (1)');
    expect(page).toContain('Lan Trần');
    expect(text(await (await get(`/surveys/${s.id}`)).text())).toContain('Les personnes inscrites à l’évènement répondent par le lien personnel reçu par e-mail.');
    // the invited registrant answers through the link of the mail: partial, sent, still editable until closing, then read-only
    const mail = await sink.next((m) => !Array.isArray(m.to) && m.to?.value[0].address === 'lan@example.vn' && /^Votre avis/.test(m.subject ?? ''));
    const mine = new URL(linkIn(mail)).pathname;
    expect(mine).toMatch(/^\/survey-responses\/[A-Za-z0-9_-]{43}$/);
    expect((await post(mine, { action: 'save', version: '1', 'answers.came': 'yes' })).headers.get('location')).toBe(`${mine}?saved=partial`);
    const version = /name="version" value="(\d+)"/.exec(await (await get(mine)).text())![1];
    expect((await post(mine, { action: 'submit', version, 'answers.came': 'yes', 'answers.role': 'agent', 'answers.note': '4' })).headers.get('location')).toBe(`${mine}?saved=submitted`);
    const sent = await (await get(`${mine}?saved=submitted`)).text();
    expect(text(sent)).toContain('Vous pouvez encore les modifier jusqu’à la clôture de l’enquête.');
    expect(sent).toMatch(/name="answers.note" value="4" checked/); // still a form, with the answers sent
    expect(text(await (await get(path, who.org)).text())).toContain('Pas encore répondu (0)');
    const builder = `/espace/surveys/${s.id}`;
    const v = /name="version" value="(\d+)"/.exec(await (await get(builder, who.org)).text())![1];
    expect((await post(builder, { op: 'status:closed', version: v }, who.org)).headers.get('location')).toBe(`${builder}?done=closed`);
    const closed = await (await get(mine)).text();
    expect(closed).not.toContain('<form method="post" action="/survey-responses');
    expect(text(closed)).toContain('Note globale 4');
    const sheet = text(await (await get('/organisations/cd93')).text());
    expect(sheet).toContain('Retour sur les Assises');
    expect(sheet).toContain('Enquête des inscrits');
    expect(text(await (await get(`/espace/surveys/${surveyId}/respondents`, who.org)).text())).toContain('Enquête anonyme');
  });

  it('keeps what the question form does not show when a question is edited (a number\'s bounds)', async () => {
    const path = `/espace/surveys/${surveyId}`;
    const version = /name="version" value="(\d+)"/.exec(await (await get(path, who.org)).text())![1];
    const edited = await post(path, { op: 'question', version, 'q.original': 'people', 'q.section': '1', 'q.type': 'number', 'q.key': 'people', 'q.labels.fr': 'Taille de votre délégation' }, who.org);
    expect(edited.status).toBe(303);
    const start = await post(`/surveys/${surveyId}/start`, {});
    const html = await (await get(start.headers.get('location')!)).text();
    expect(text(html)).toContain('Taille de votre délégation');
    expect(html).toMatch(/name="answers.people" type="number" value="" step="any" min="0"/);
  });
});
