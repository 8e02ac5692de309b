/**
 * CSRF on every form: every <form method="post"> the pages show a member, a network administrator and a platform
 * administrator (workspace, edit pages, members, accounts, import, declaration, events and their organisers' pages,
 * registration, surveys, funding alerts, extraction…) carries the session's CSRF token; each such form posted without
 * it, with it from a foreign Origin, or flagged cross-site by the browser (Sec-Fetch-Site) is refused with 403 and
 * changes nothing in the database. Public forms (sign-in, registration, survey answers, saved searches) have no session
 * to tie a token to: a foreign Origin or a cross-site post is refused there too, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyInput } from '@tandem/shared';
import { testDb } from '../../server/test/db.js';
import type { Db } from '../../server/src/db/client.js';
import { ADMIN_TOKEN_ACTOR, type Grant } from '../../server/src/lib/actor.js';
import { addGrant, createAccount } from '../../server/src/features/auth/accounts.js';
import { csrfTokenFor } from '../../server/src/features/auth/csrf.js';
import { createSession } from '../../server/src/features/auth/sessions.js';
import { person, testEvent } from '../../server/src/features/registration/registration.testkit.js';
import { register } from '../../server/src/features/registration/registration.service.js';
import { createSurvey, setSurveyStatus } from '../../server/src/features/surveys/surveys.service.js';
import { startResponse } from '../../server/src/features/surveys/surveys.responses.js';
import { sampleSurvey } from '../../server/src/features/surveys/surveys.testkit.js';
import { createExtraction } from '../../server/src/features/extract/review.service.js';
import { createSite } from './site.js';

interface Who { cookie: string; csrf: string }
interface Form { page: string; action: string; multipart: boolean; fields: Array<[string, string]>; html: string }

const FOREIGN = 'https://evil.example';
/** Paths followed from the start pages: what a signed-in person acts on (not the open catalogue, feeds or files). */
const FOLLOW = /^\/(espace|edit|new|admin|apd|account|events|surveys|survey-responses|registrations|funding-calls\/alerts|who-else\/contact|groups)(\/|$)/;
const SKIP = /\.(ics|csv|pdf|rss|atom|xml|json)(\?|$)|^\/logout/;
const MAX_PAGES = 90;

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const attr = (tag: string, name: string) => { const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag); return m ? decode(m[1]!) : null; };

/** The POST forms of a page, with the names and values of their inputs. */
export function postForms(page: string, html: string): Form[] {
  const out: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    if ((attr(m[1]!, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const fields: Array<[string, string]> = [];
    for (const input of m[2]!.matchAll(/<input\b[^>]*>/gi)) {
      const name = attr(input[0], 'name'); const type = (attr(input[0], 'type') ?? 'text').toLowerCase();
      if (!name || type === 'file' || ((type === 'checkbox' || type === 'radio') && !/\schecked\b/i.test(input[0]))) continue;
      fields.push([name, attr(input[0], 'value') ?? '']);
    }
    for (const ta of m[2]!.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) { const name = attr(ta[1]!, 'name'); if (name) fields.push([name, decode(ta[2]!)]); }
    const action = attr(m[1]!, 'action') || page;
    out.push({ page, action, multipart: /multipart\/form-data/i.test(attr(m[1]!, 'enctype') ?? ''), fields, html: m[0].slice(0, 160) });
  }
  return out;
}

describe('CSRF on every form', () => {
  let db: Db;
  let site: ReturnType<typeof createSite>;
  const who: Record<string, Who> = {};
  let start: string[];

  const signIn = async (key: string, grants: Grant[]) => {
    const a = await createAccount(db, { email: `${key}@csrf.example`, name: `Csrf ${key}`, password: 'correct horse battery staple' });
    for (const g of grants) await addGrant(db, a.id, g, null);
    const { token, session } = await createSession(db, a.id);
    who[key] = { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
  };
  const get = (path: string, w?: Who) => site.request(path, { headers: w ? { cookie: w.cookie } : {} });
  function post(f: Form, w: Who | undefined, o: { token?: boolean; headers?: Record<string, string> }) {
    const fields = f.fields.filter(([k]) => k !== '_csrf');
    if (o.token && w) fields.push(['_csrf', w.csrf]);
    const headers: Record<string, string> = { ...(w ? { cookie: w.cookie } : {}), ...(o.headers ?? {}) };
    let body: string | FormData;
    if (f.multipart) { body = new FormData(); for (const [k, v] of fields) body.append(k, v); } else {
      body = new URLSearchParams(fields).toString(); headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    return site.request(f.action, { method: 'POST', headers, body });
  }
  /** Every row of every table, as one hash per table (sessions only counted: they slide on use). */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = (await db.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).map((r) => r.t);
    const rows = await db.query<{ t: string; h: string }>(tables.map((t) => `select '${t}' as t, count(*) || ':' || ${t === 'session' ? "''" : `coalesce(sum(hashtext(x::text)::bigint), 0)`} as h from "${t}" x`).join(' union all '));
    return Object.fromEntries(rows.map((r) => [r.t, r.h]));
  }
  /** The POST forms of the pages one person reaches from the start pages (one link away along FOLLOW). */
  async function formsSeenBy(w: Who | undefined): Promise<{ forms: Form[]; pages: number }> {
    const queue = [...start]; const seen = new Set<string>(); const forms: Form[] = [];
    while (queue.length && seen.size < MAX_PAGES) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const r = await get(path, w);
      if (r.status !== 200 || !(r.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      const html = await r.text();
      forms.push(...postForms(path, html));
      if (!start.includes(path)) continue;
      for (const m of html.matchAll(/\shref="(\/[^"#]*)"/g)) {
        const p = decode(m[1]!);
        if (FOLLOW.test(p.split('?')[0]!) && !SKIP.test(p) && !seen.has(p)) queue.push(p);
      }
    }
    return { forms, pages: seen.size };
  }

  beforeAll(async () => {
    db = await testDb();
    site = createSite({ db });
    await signIn('member', [{ role: 'member', organisationId: 'cd93' }]);
    await signIn('network', [{ role: 'network_admin', organisationId: 'cuf' }]);
    await signIn('platform', [{ role: 'platform_admin', organisationId: null }, { role: 'member', organisationId: 'cd93' }]);
    const ev = await testEvent(db, { workshops: [10] });
    const reg = await register(db, ev.id, { ...person('csrf'), email: 'registrant@csrf.example' } as never);
    const created = await createSurvey(db, ADMIN_TOKEN_ACTOR, surveyInput.parse(sampleSurvey({ mode: 'anonymous' })));
    const survey = await setSurveyStatus(db, ADMIN_TOKEN_ACTOR, created.id, { status: 'open', version: created.version });
    const answer = await startResponse(db, survey.id);
    const ex = await createExtraction(db, { actor: ADMIN_TOKEN_ACTOR }, { organisationId: 'cd93', text: 'Le Département de la Seine-Saint-Denis et la province de Hai Duong ont signé en 2019 un accord de coopération de 120 000 €.' } as never);
    start = ['/espace', '/account', '/apd/cd93/2024', '/admin/import', '/admin/comptes', '/espace/organisations/cd93/membres', '/espace/groups/cuf',
      '/edit/projects/innotech-master', '/edit/partnerships/ssd-hai-duong', '/new/events', '/edit/contacts/projects/innotech-master', '/edit/documents/events/' + ev.id,
      '/projects/innotech-master', '/organisations/cd93', `/events/${ev.id}`, `/events/${ev.id}/register`, `/espace/events/${ev.id}/inscriptions`,
      `/espace/events/${ev.id}/formulaire`, `/espace/events/${ev.id}/programme`, '/espace/surveys/new', `/espace/surveys/${survey.id}`,
      `/espace/surveys/${survey.id}/respondents`, `/surveys/${survey.id}`, `/survey-responses/${answer.token}`, `/registrations/${reg.token}`,
      '/espace/extract', `/espace/extractions/${ex.id}`, '/espace/funding-calls', '/espace/funding-alerts', '/funding-calls/alerts/new',
      '/who-else/contact/cd94', '/en/espace', '/vi/account'];
  }, 120_000);
  afterAll(async () => { await db?.close(); });

  it('every POST form a member, a network administrator or a platform administrator sees carries the CSRF token, and without it (or from another site) is refused, changing nothing', async () => {
    const actions = new Map<string, { form: Form; w: Who }>();
    for (const key of ['member', 'network', 'platform']) {
      const w = who[key]!;
      const { forms, pages } = await formsSeenBy(w);
      expect(pages, key).toBeGreaterThan(start.length);
      const missing = forms.filter((f) => !f.fields.some(([k, v]) => k === '_csrf' && v === w.csrf)).map((f) => `${f.page}: ${f.html}`);
      expect(missing, key).toEqual([]);
      for (const f of forms) if (!actions.has(f.action.split('?')[0]!)) actions.set(f.action.split('?')[0]!, { form: f, w });
    }
    // every kind of form named in the brief was found (a crawl that finds none proves nothing)
    const found = [...actions.keys()].join('\n');
    for (const kind of [/^\/espace\/organisations\/cd93\/membres$/m, /^\/admin\/comptes$/m, /^\/admin\/import$/m, /^\/apd\/cd93\/2024$/m, /^\/edit\/projects\//m,
      /^\/new\/events$/m, /^\/espace\/groups\/cuf$/m, /^\/events\/[^/]+\/register$/m, /^\/espace\/events\/[^/]+\/(inscriptions|formulaire|programme)$/m,
      /^\/espace\/surveys\//m, /^\/surveys\/[^/]+\/start$/m, /^\/survey-responses\//m, /^\/registrations\//m, /^\/espace\/extract$/m,
      /^\/espace\/extractions\/[^/]+\/apply$/m, /^\/funding-calls\/alerts\/new$/m, /^\/account\/tokens$/m, /^\/logout$/m, /^\/collab\//m]) {
      expect(found, String(kind)).toMatch(kind);
    }
    expect(actions.size).toBeGreaterThan(25);

    const before = await fingerprint();
    const refused: string[] = [];
    for (const [action, { form, w }] of actions) {
      const tries = [
        post(form, w, {}), // no token
        post(form, w, { token: true, headers: { origin: FOREIGN } }), // the token, from another origin
        post(form, w, { token: true, headers: { 'sec-fetch-site': 'cross-site' } }), // the token, sent cross-site
        post({ ...form, fields: [...form.fields.filter(([k]) => k !== '_csrf'), ['_csrf', 'x'.repeat(43)]] }, w, {}), // a forged token
      ];
      for (const [n, r] of (await Promise.all(tries)).entries()) if (r.status !== 403) refused.push(`${action} (try ${n}): ${r.status}`);
    }
    expect(refused).toEqual([]);
    expect(await fingerprint()).toEqual(before);

    // the same form with its token from this site is not refused by the check (a validation error at most)
    const alerts = actions.get('/funding-calls/alerts/new')!;
    expect((await post({ ...alerts.form, fields: [['email', 'not an address']] }, alerts.w, { token: true })).status).toBe(400);
  }, 300_000);

  it('public forms (sign-in, registration, survey answers, saved searches, password reset) refuse a foreign Origin or a cross-site post, changing nothing', async () => {
    const { forms } = await formsSeenBy(undefined);
    const extra = postForms('/login', await (await get('/login')).text()).concat(postForms('/password-reset', await (await get('/password-reset')).text()));
    const all = [...forms, ...extra];
    const actions = new Map(all.map((f) => [f.action.split('?')[0]!, f]));
    const found = [...actions.keys()].join('\n');
    for (const kind of [/^\/login$/m, /^\/password-reset$/m, /^\/events\/[^/]+\/register$/m, /^\/surveys\/[^/]+\/start$/m, /^\/survey-responses\//m, /^\/registrations\//m, /^\/funding-calls\/alerts\/new$/m]) {
      expect(found, String(kind)).toMatch(kind);
    }
    const before = await fingerprint();
    const refused: string[] = [];
    for (const [action, form] of actions) {
      for (const headers of [{ origin: FOREIGN }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null', 'sec-fetch-site': 'cross-site' }] as Array<Record<string, string>>) {
        const r = await post(form, undefined, { headers });
        if (r.status !== 403) refused.push(`${action} ${JSON.stringify(headers)}: ${r.status}`);
      }
    }
    expect(refused).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 300_000);
});
