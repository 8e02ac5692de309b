/**
 * Test helpers (imported by *.test.ts only): what a person sees of the site — people signed in by a real session,
 * the records a signed-in walk needs (an event with its registration form and a registration, an open anonymous survey
 * with an answer sheet, an extraction), the pages reached from a list of start pages, and their POST forms.
 */
import { surveyInput } from '@tandem/shared';
import type { Hono } from 'hono';
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

export interface Who { cookie: string; csrf: string }
export interface Form { page: string; action: string; multipart: boolean; fields: Array<[string, string]>; html: string }
export interface Seen { path: string; status: number; headers: Headers; html: string }

/** Paths followed from the start pages: what a signed-in person acts on (not the open catalogue, feeds or files). */
export const FOLLOW = /^\/(espace|edit|new|admin|apd|account|events|surveys|survey-responses|registrations|funding-calls\/alerts|who-else\/contact|groups)(\/|$)/;
const SKIP = /\.(ics|csv|pdf|rss|atom|xml|json)(\?|$)|^\/logout/;

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const attr = (tag: string, name: string) => { const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag); return m ? decode(m[1]!) : null; };

/** A person with these grants, signed in by a real session: the cookie to send and the session's CSRF token. */
export async function signedIn(db: Db, email: string, grants: Grant[]): Promise<Who> {
  const a = await createAccount(db, { email, name: email.split('@')[0]!, password: 'correct horse battery staple' });
  for (const g of grants) await addGrant(db, a.id, g, null);
  const { token, session } = await createSession(db, a.id);
  return { cookie: `tandem_session=${token}`, csrf: csrfTokenFor(session) };
}

/** The records behind the signed-in pages, and the start pages that show them (workspace, edit, admin, events, surveys…). */
export async function walkStart(db: Db): Promise<string[]> {
  const ev = await testEvent(db, { workshops: [10] });
  const reg = await register(db, ev.id, { ...person('walk'), email: 'registrant@walk.example' } as never);
  const created = await createSurvey(db, ADMIN_TOKEN_ACTOR, surveyInput.parse(sampleSurvey({ mode: 'anonymous' })));
  const survey = await setSurveyStatus(db, ADMIN_TOKEN_ACTOR, created.id, { status: 'open', version: created.version });
  const answer = await startResponse(db, survey.id);
  const ex = await createExtraction(db, { actor: ADMIN_TOKEN_ACTOR }, { organisationId: 'cd93', text: 'Le Département de la Seine-Saint-Denis et la province de Hai Duong ont signé en 2019 un accord de coopération de 120 000 €.' } as never);
  return ['/espace', '/account', '/apd/cd93/2024', '/admin/import', '/admin/comptes', '/espace/organisations/cd93/membres', '/espace/groups/cuf',
    '/edit/projects/innotech-master', '/edit/partnerships/ssd-hai-duong', '/new/events', '/edit/contacts/projects/innotech-master', `/edit/documents/events/${ev.id}`,
    '/projects/innotech-master', '/organisations/cd93', `/events/${ev.id}`, `/events/${ev.id}/register`, `/espace/events/${ev.id}/inscriptions`,
    `/espace/events/${ev.id}/formulaire`, `/espace/events/${ev.id}/programme`, '/espace/surveys/new', `/espace/surveys/${survey.id}`,
    `/espace/surveys/${survey.id}/respondents`, `/surveys/${survey.id}`, `/survey-responses/${answer.token}`, `/registrations/${reg.token}`,
    '/espace/extract', `/espace/extractions/${ex.id}`, '/espace/funding-calls', '/espace/funding-alerts', '/funding-calls/alerts/new',
    '/who-else/contact/cd94', '/en/espace', '/vi/account'];
}

/** A member of cd93, a network administrator of cuf and a platform administrator, signed in, and the start pages of their walks. */
export async function walkPeople(db: Db): Promise<{ who: Record<'member' | 'network' | 'platform', Who>; start: string[] }> {
  return {
    who: {
      member: await signedIn(db, 'member@walk.example', [{ role: 'member', organisationId: 'cd93' }]),
      network: await signedIn(db, 'network@walk.example', [{ role: 'network_admin', organisationId: 'cuf' }]),
      platform: await signedIn(db, 'platform@walk.example', [{ role: 'platform_admin', organisationId: null }, { role: 'member', organisationId: 'cd93' }]),
    },
    start: await walkStart(db),
  };
}

/** The pages one person (or a visitor) reaches: the start pages, and the links they show along `follow`, at most `max`. */
export async function walk(site: Hono, start: string[], w: Who | undefined, o: { follow?: RegExp; max?: number } = {}): Promise<Seen[]> {
  const follow = o.follow ?? FOLLOW; const max = o.max ?? 90;
  const queue = [...start]; const seen = new Set<string>(); const out: Seen[] = [];
  while (queue.length && seen.size < max) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const r = await site.request(path, { headers: w ? { cookie: w.cookie } : {} });
    const html = await r.text();
    out.push({ path, status: r.status, headers: r.headers, html });
    if (r.status !== 200 || !(r.headers.get('content-type') ?? '').startsWith('text/html') || !start.includes(path)) continue;
    for (const m of html.matchAll(/\shref="(\/[^"#]*)"/g)) {
      const p = decode(m[1]!);
      if (follow.test(p.split('?')[0]!) && !SKIP.test(p) && !seen.has(p)) queue.push(p);
    }
  }
  return out;
}

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
    out.push({ page, action: attr(m[1]!, 'action') || page, multipart: /multipart\/form-data/i.test(attr(m[1]!, 'enctype') ?? ''), fields, html: m[0].slice(0, 160) });
  }
  return out;
}

/** A form posted as a browser would: its fields (the CSRF field only when `token`), the person's cookie, extra headers. */
export function postForm(site: Hono, f: Form, w: Who | undefined, o: { token?: boolean; headers?: Record<string, string> } = {}) {
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
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = (await db.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).map((r) => r.t);
  const rows = await db.query<{ t: string; h: string }>(tables.map((t) => `select '${t}' as t, count(*) || ':' || ${t === 'session' ? "''" : 'coalesce(sum(hashtext(x::text)::bigint), 0)'} as h from "${t}" x`).join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}
