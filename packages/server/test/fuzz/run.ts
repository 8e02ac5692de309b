/**
 * The fuzzer's run: sends each generated request in process (app.request) as its identity, and fails on any 5xx,
 * on an API 400 that names no field, on a request hanging past 15 s, or on a polluted Object.prototype.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import type { Db } from '../../src/db/client.js';
import { makeAccount } from '../../src/features/auth/auth.testkit.js';
import { createSession, resolveSession, SESSION_COOKIE } from '../../src/features/auth/sessions.js';
import { csrfTokenFor, CSRF_HEADER } from '../../src/features/auth/csrf.js';
import { createApiToken } from '../../src/features/auth/api-tokens.js';
import type { Known } from './schema-arb.js';
import type { FuzzRequest } from './requests.js';

export interface Reply { status: number; text: string; contentType: string }
export interface Failure { request: FuzzRequest; status: number; reason: string; answer: string }
/** routes: requests sent per route (operation or page pattern), statuses per route too */
export interface FuzzReport { runs: number; seed: number; ms: number; statuses: Record<string, number>; routes: Record<string, Record<string, number>>; failures: Failure[] }

/** The member the fuzzer signs in as (by session, and by a read+write bearer token), and the real ids it names. */
export async function fuzzContext(db: Db, organisationId = 'cd93') {
  const account = await makeAccount(db, `fuzz-${Date.now()}@example.org`, [{ role: 'member', organisationId }]);
  const bearer = (await createApiToken(db, account.id, 'fuzz', ['read', 'write'])).token;
  const session = { token: '', csrf: '' };
  const signIn = async () => { const s = await createSession(db, account.id); Object.assign(session, { token: s.token, csrf: csrfTokenFor(s.session) }); };
  await signIn();
  const ids = await db.query<{ id: string }>(`(select id from partnership order by id limit 10) union all (select id from project order by id limit 10)
    union all (select id from organisation order by id limit 10) union all (select id from mission order by id limit 5)
    union all (select id from territory where kind = 'country' order by id limit 5) union all (select id from theme order by id limit 5)`);
  const known: Known = { ids: [...ids.map((r) => r.id), organisationId] };
  /** the session again if a request ended it (logout, a password change) */
  const keepSignedIn = async () => { if (!(await resolveSession(db, session.token))) await signIn(); };
  return { known, bearer, session, keepSignedIn };
}
export type FuzzContext = Awaited<ReturnType<typeof fuzzContext>>;

export async function send(app: Hono, ctx: FuzzContext, r: FuzzRequest, timeoutMs = 15_000): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (r.body !== undefined) headers['content-type'] = r.form ? 'application/x-www-form-urlencoded' : 'application/json';
  if (r.as === 'bearer') headers.authorization = `Bearer ${ctx.bearer}`;
  if (r.as === 'session') Object.assign(headers, { cookie: `${SESSION_COOKIE}=${ctx.session.token}`, [CSRF_HEADER]: ctx.session.csrf, origin: 'http://localhost' });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs); });
  try {
    const res = await Promise.race([app.request(`http://localhost${r.path}`, { method: r.method, headers, body: r.body }), timeout]);
    return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
  } finally {
    clearTimeout(timer);
    if (r.as === 'session' && r.path.includes('/auth/')) await ctx.keepSignedIn();
  }
}

/** Why this answer is a failure, or null. A 400 of the API names a field: issues with paths, or a `field`. */
export function verdict(r: FuzzRequest, reply: Reply): string | null {
  if (reply.status >= 500) return `${reply.status}`;
  if (r.path.startsWith('/api/') && reply.status === 400) {
    let json: any = null;
    try { json = JSON.parse(reply.text); } catch { return 'a 400 that is not JSON'; }
    const named = (Array.isArray(json?.issues) && json.issues.length > 0 && json.issues.every((i: any) => typeof i?.path === 'string' && i.path !== ''))
      || (typeof json?.field === 'string' && json.field !== '');
    if (!named) return 'a 400 naming no field';
    if (typeof json?.error !== 'string' || !json.error) return 'a 400 without its error message';
  }
  return null;
}

/** Sends `runs` requests drawn from arbitrary with seed; every answer is checked, failures are collected, not thrown. */
export async function fuzz(app: Hono, ctx: FuzzContext, arbitrary: fc.Arbitrary<FuzzRequest>, opts: { runs: number; seed: number; timeoutMs?: number; progress?: (done: number) => void }): Promise<FuzzReport> {
  const report: FuzzReport = { runs: 0, seed: opts.seed, ms: 0, statuses: {}, routes: {}, failures: [] };
  const started = performance.now();
  await fc.assert(fc.asyncProperty(arbitrary, async (request) => {
    let reply: Reply;
    try { reply = await send(app, ctx, request, opts.timeoutMs); } catch (e) { reply = { status: 599, text: String(e), contentType: '' }; }
    report.runs++;
    report.statuses[reply.status] = (report.statuses[reply.status] ?? 0) + 1;
    const perRoute = report.routes[request.route ?? '?'] ??= {};
    perRoute[reply.status] = (perRoute[reply.status] ?? 0) + 1;
    let reason = verdict(request, reply);
    if ((Object.prototype as any).polluted !== undefined) { reason = 'Object.prototype polluted'; delete (Object.prototype as any).polluted; }
    if (reason) report.failures.push({ request, status: reply.status, reason, answer: reply.text.slice(0, 300) });
    if (report.runs % 1000 === 0) opts.progress?.(report.runs);
  }), { numRuns: opts.runs, seed: opts.seed, endOnFailure: true });
  report.ms = performance.now() - started;
  return report;
}

/** Routes of `expected` the run never sent a request to. */
export const unvisited = (report: FuzzReport, expected: string[]) => expected.filter((r) => !report.routes[r]);

/** One line per route: its requests and their statuses ("GET /api/events 31: 200×20 400×11"). */
export function perRoute(report: FuzzReport): string {
  return Object.entries(report.routes).sort(([a], [b]) => a.localeCompare(b)).map(([route, st]) =>
    `${route} ${Object.values(st).reduce((a, b) => a + b, 0)}: ${Object.entries(st).map(([s, n]) => `${s}×${n}`).join(' ')}`).join('\n');
}

/** The end of a run: requests, time, the status histogram, and each failure as a request to replay. */
export function summary(report: FuzzReport, label = ''): string {
  const lines = [`fuzz${label ? ` (${label})` : ''}: ${report.runs} requests, seed ${report.seed}, ${(report.ms / 1000).toFixed(1)} s (${Math.round(report.runs / (report.ms / 1000))}/s)`,
    `statuses: ${Object.entries(report.statuses).map(([s, n]) => `${s}×${n}`).join(' ')}`,
    `routes: ${Object.keys(report.routes).length}, requests per route ${Math.min(...Object.values(report.routes).map((st) => Object.values(st).reduce((a, b) => a + b, 0)))} at least`,
    report.failures.length ? `FAILURES: ${report.failures.length}` : 'failures: 0'];
  const shown = new Set<string>();
  for (const f of report.failures) {
    const key = `${f.reason} ${f.request.method} ${f.request.path.replace(/\?.*/, '').slice(0, 60)}`;
    if (shown.has(key) || shown.size >= 20) continue;
    shown.add(key);
    lines.push(`- ${f.reason}: ${f.request.method} ${f.request.path.slice(0, 200)} → ${f.status} ${f.answer.slice(0, 160)}`,
      `  replay: npm run fuzz -- --replay '${JSON.stringify(f.request).replaceAll("'", "'\\''")}'`);
  }
  return lines.join('\n');
}
