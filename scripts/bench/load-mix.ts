/**
 * The realistic mix of `npm run bench:load`: virtual visitors (one keep-alive connection each, spread round-robin over
 * the servers' ports) each doing one action after another — public pages (home, sheets, the atlas and country pages,
 * events, groups, news), searches (API and page), API reads, registrations to an event with 100 places (a visitor's
 * POST), anonymous survey answers (start a sheet, then submit it) and edits (PUT of an organisation with the version last
 * seen, as the admin token; a 409 is answered by reading the record again). Each visitor has its own address in
 * X-Forwarded-For (the servers trust the proxy), so the per-address limits apply per visitor as in production.
 * Closed loop by default (each visitor sends its next request as soon as it has the answer); `rate` paces them.
 */
import { Agent, request } from 'node:http';
import { mixUrls } from './http-mix.js';
import { mulberry32 } from '../synthetic/prng.js';
import { Tally, type Kind } from './load-stats.js';

const TIMEOUT_MS = 10_000;
export const CAPACITY = 100;
const EDITED = 10;
export type Action = 'page' | 'search' | 'api' | 'register' | 'survey' | 'edit';
/** the share of each action (of 100) */
export const WEIGHTS: Record<Action, number> = { page: 35, search: 20, api: 30, register: 5, survey: 5, edit: 5 };

/** `page=60,search=20,api=20,register=0,…`: the shares named replace the defaults (0 leaves an action out). */
export function parseWeights(spec: string | undefined): Record<Action, number> {
  const w = { ...WEIGHTS };
  for (const kv of (spec ?? '').split(',').filter(Boolean)) {
    const [k, v] = kv.split('=');
    if (!(k in w) || !(Number(v) >= 0)) throw new Error(`--weights: ${kv}? actions ${Object.keys(WEIGHTS).join(', ')}, each = a number ≥ 0`);
    w[k as Action] = Number(v);
  }
  if (!Object.values(w).some((x) => x > 0)) throw new Error('--weights: every share is 0');
  return w;
}

export interface Answer { status: number | 'timeout' | 'error'; ms: number; text: string; /** X-Tandem-Cache: hit, stale, miss */ cache?: string }

/** One HTTP request on the agent's keep-alive connections; never throws: a timeout or a socket error is an answer too. */
export function send(agent: Agent, port: number, method: string, path: string, o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const t0 = performance.now();
  const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
  return new Promise((done) => {
    let settled = false;
    const finish = (a: Omit<Answer, 'ms'>) => { if (!settled) { settled = true; done({ ...a, ms: performance.now() - t0 }); } };
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: {
      ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...o.headers,
    } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), cache: String(res.headers['x-tandem-cache'] ?? '') }));
      res.on('error', (e) => finish({ status: 'error', text: e.message }));
    });
    req.setTimeout(TIMEOUT_MS, () => { finish({ status: 'timeout', text: '' }); req.destroy(); });
    req.on('error', (e) => finish({ status: 'error', text: e.message }));
    req.end(payload);
  });
}

export interface Fixtures { eventId: string; surveyId: string; orgs: Array<{ id: string; input: Record<string, unknown> }>; urls: Record<'page' | 'search' | 'api', string[]> }

async function adminCall(port: number, token: string, method: string, path: string, body: unknown): Promise<any> {
  const agent = new Agent();
  const r = await send(agent, port, method, path, { body, headers: { authorization: `Bearer ${token}` } });
  agent.destroy();
  if (typeof r.status !== 'number' || r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text.slice(0, 400)}`);
  return JSON.parse(r.text);
}

/** Through the API as the admin token: an event with a registration form of 100 places, an open anonymous survey, the organisations edited. */
export async function prepare(port: number, token: string, runId: string): Promise<Fixtures> {
  const ev = await adminCall(port, token, 'POST', '/api/events', { title: `Rencontre sous charge ${runId}`, kind: 'meeting', start: '2027-06-11',
    startTime: '10:00', endTime: '12:00', timeZone: 'Europe/Paris', placeText: 'Montreuil', hosts: ['cd93'] });
  await adminCall(port, token, 'PUT', `/api/events/${ev.id}/registration-form`, { opensAt: null, closesAt: null, capacity: CAPACITY, moderated: false, workshopsMin: 0, fields: [] });
  const sv = await adminCall(port, token, 'POST', '/api/surveys', { organisationId: 'cd93', mode: 'anonymous', title: { fr: `Bilan sous charge ${runId}` },
    sections: [{ title: { fr: 'Avis' }, questions: [
      { key: 'note', type: 'scale', required: true, scaleMin: 1, scaleMax: 5, labels: { fr: 'Note' } },
      { key: 'remarks', type: 'long_text', labels: { fr: 'Remarques' } }] }] });
  await adminCall(port, token, 'POST', `/api/surveys/${sv.id}/status`, { status: 'open', version: sv.version });
  const orgs: Fixtures['orgs'] = [];
  for (let i = 1; i <= EDITED; i++) {
    const input = { kind: 'association', name: `Association sous charge ${runId} ${i}`, country: 'FR', description: 'Créée par bench:load' };
    const o = await adminCall(port, token, 'POST', '/api/organisations', input);
    orgs.push({ id: o.id, input });
  }
  const mix = await mixUrls(`http://127.0.0.1:${port}`);
  const page = [...mix.sheet, '/', '/en/', '/vi/', '/embed/map', '/territories/VN', '/territories/FR', '/en/territories/VN', '/events/assises-12',
    `/events/${ev.id}`, '/groups', '/news', '/statistics', '/funding-calls'];
  const api = [...mix.record, '/api/events?perPage=20', `/api/events/${ev.id}/registration-form`, `/api/events/${ev.id}/participants`, `/api/surveys/${sv.id}`];
  return { eventId: ev.id, surveyId: sv.id, orgs, urls: { page, search: mix.search, api } };
}

/** What the servers acknowledged (2xx), to be found in the database afterwards. */
export interface Acknowledged { registrations: string[]; accepted: number; answers: string[]; edits: Record<string, number> }

export interface LoadOptions { ports: number[]; connections: number; seconds: number; rate?: number; token: string; runId: string; seed?: number; weights?: Record<Action, number> }

export async function runLoad(f: Fixtures, o: LoadOptions): Promise<{ tally: Tally; ack: Acknowledged; seconds: number }> {
  const tally = new Tally();
  const ack: Acknowledged = { registrations: [], accepted: 0, answers: [], edits: Object.fromEntries(f.orgs.map((x) => [x.id, 0])) };
  const versions = new Map(f.orgs.map((x) => [x.id, 1]));
  const actions = Object.entries(o.weights ?? WEIGHTS) as Array<[Action, number]>;
  const total = actions.reduce((a, [, w]) => a + w, 0);
  const agents = o.ports.map(() => new Agent({ keepAlive: true, maxSockets: o.connections }));
  const t0 = performance.now();
  const end = t0 + o.seconds * 1000;
  let n = 0;

  async function visitor(i: number): Promise<void> {
    const next = mulberry32((o.seed ?? 1) * 100_003 + i);
    const port = o.ports[i % o.ports.length], agent = agents[i % o.ports.length];
    const ip = `10.${(i >> 8) & 255}.${i & 255}.${1 + Math.floor(next() * 250)}`;
    const headers = { 'x-forwarded-for': ip };
    const call = async (kind: Kind, method: string, path: string, body?: unknown, auth = false) => {
      const r = await send(agent, port, method, path, { body, headers: auth ? { ...headers, authorization: `Bearer ${o.token}` } : headers });
      tally.add(kind, r.status, r.ms, `${method} ${path} ${r.text.slice(0, 200)}`, r.cache === 'stale');
      return r;
    };
    const pick = (list: string[]) => list[Math.floor(next() * list.length)];
    const interval = o.rate ? (o.connections / o.rate) * 1000 : 0;
    let due = t0 + next() * interval; // spread the paced visitors' first requests
    while (performance.now() < end) {
      if (interval) { const wait = due - performance.now(); if (wait > 0) await new Promise((r) => setTimeout(r, wait)); due += interval; if (performance.now() >= end) break; }
      let x = next() * total, action: Action = 'page';
      for (const [a, w] of actions) { if (x < w) { action = a; break; } x -= w; }
      const k = n++;
      if (action === 'page' || action === 'search' || action === 'api') await call(action, 'GET', pick(f.urls[action]));
      else if (action === 'register') {
        const r = await call('register', 'POST', `/api/events/${f.eventId}/registrations`,
          { name: `Visiteur ${k}`, email: `v-${o.runId}-${k}@example.org`, lang: (['fr', 'en', 'vi'] as const)[k % 3], publicConsent: k % 3 === 0 });
        if (r.status === 201) { const j = JSON.parse(r.text); ack.registrations.push(j.registration.id); if (j.registration.status === 'accepted') ack.accepted++; }
      } else if (action === 'survey') {
        const s = await call('survey-start', 'POST', `/api/surveys/${f.surveyId}/responses`);
        if (s.status !== 201) continue;
        const { token, response } = JSON.parse(s.text);
        const r = await call('survey-submit', 'PUT', `/api/survey-responses/${token}`,
          { answers: { note: 1 + (k % 5), remarks: `Réponse ${k} sous charge` }, submit: true, version: response.version });
        if (r.status === 200) ack.answers.push(response.id);
      } else {
        const org = f.orgs[Math.floor(next() * f.orgs.length)];
        const r = await call('edit', 'PUT', `/api/organisations/${org.id}`, { ...org.input, description: `Modifiée sous charge (${k})`, version: versions.get(org.id) }, true);
        if (r.status === 200) { ack.edits[org.id]++; versions.set(org.id, Math.max(versions.get(org.id)!, JSON.parse(r.text).version)); }
        else if (r.status === 409) {
          const g = await call('edit-read', 'GET', `/api/organisations/${org.id}`, undefined, true);
          if (g.status === 200) versions.set(org.id, JSON.parse(g.text).version);
        }
      }
    }
  }

  await Promise.all(Array.from({ length: o.connections }, (_, i) => visitor(i)));
  for (const a of agents) a.destroy();
  return { tally, ack, seconds: (performance.now() - t0) / 1000 };
}
