/**
 * The mixed load of `npm run bench:http -- --mix`: many visitors at once (200 connections, 30 s by default) asking for
 * searches, sheets and records' JSON, each request drawn at random (a fixed seed per connection) from the URLs of the
 * seeded database, discovered through the API before the run: every partnership, project, organisation and mission, the
 * territories they name, as JSON and as sheets in fr/en/vi; searches (API and page) of words from their titles, with and
 * without a facet, pages 1–2. A third each of records, sheets and searches. Within a group, URLs are drawn as visits to a
 * site are spread, a few pages asked often and a long tail rarely (Zipf, s = 1, over a seeded shuffle: the 10 % most asked
 * get ≈ 60 % of the visits); `--spread uniform` draws every URL equally (a crawler). No warm-up by default: the first
 * requests meet a cold cache, as a sudden crowd does.
 * Counted per group and per status: 200s and their latencies, 503s (the server's admission control turning a request
 * away, `Retry-After`) and their latencies, other statuses, and autocannon's errors and timeouts (10 s).
 */
import autocannon from 'autocannon';
import { percentile } from './lib.js';
import { mulberry32 } from '../synthetic/prng.js';

export type Group = 'record' | 'sheet' | 'search';
export interface MixUrls { record: string[]; sheet: string[]; search: string[] }

const KINDS = ['partnerships', 'projects', 'organisations', 'missions'] as const;
const LANGS = ['', '/en', '/vi'];

async function json<T>(base: string, path: string): Promise<T> {
  const res = await fetch(base + path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json() as Promise<T>;
}

/** The URLs of the mix, from the server's own lists (the seeded records) and search facets (their territories). */
export async function mixUrls(base: string): Promise<MixUrls> {
  const ids: Array<[string, string]> = [];
  const words = new Set<string>();
  for (const kind of KINDS) {
    const page = await json<{ items: Array<{ id: string; title?: string; name?: string }> }>(base, `/api/${kind}?perPage=100`);
    for (const r of page.items) {
      ids.push([kind, r.id]);
      for (const w of (r.title ?? r.name ?? '').toLowerCase().split(/[^\p{L}]+/u)) if (w.length >= 5 && words.size < 60) words.add(w);
    }
  }
  const territories = new Set<string>();
  for (const q of ['hue', 'cergy', 'montreuil', 'thies', 'hai duong', 'tanguieta']) {
    const r = await json<{ facets: { territory: Array<{ value: string }> } }>(base, `/api/search?q=${encodeURIComponent(q)}`);
    for (const t of r.facets.territory) territories.add(t.value);
  }
  for (const t of territories) ids.push(['territories', t]);
  const searches: string[] = [];
  for (const w of words) {
    const q = encodeURIComponent(w);
    searches.push(`/api/search?q=${q}`, `/api/search?q=${q}&kind=project`, `/api/search?q=${q}&page=2&perPage=10`, `/search?q=${q}`, `/en/search?q=${q}&country=FR`);
  }
  return {
    record: ids.map(([k, id]) => `/api/${k}/${encodeURIComponent(id)}`),
    sheet: ids.flatMap(([k, id]) => LANGS.map((l) => `${l}/${k}/${encodeURIComponent(id)}`)),
    search: searches,
  };
}

export interface GroupStats { ok: number; okP50: number; okP99: number; okMax: number; s503: number; s503P99: number; other: number }
export interface MixResult {
  spread: Spread; connections: number; seconds: number; requests: number; rps: number; urls: { record: number; sheet: number; search: number };
  /** every answered request */ p50: number; p99: number; max: number;
  /** the 200s alone */ okP99: number; ok: number; s503: number; retryAfterMissing: number;
  errors: number; timeouts: number; statusCodes: Record<string, number>;
  groups: Record<Group, GroupStats>; valid: boolean;
}

const GROUPS: Group[] = ['record', 'sheet', 'search'];

/** A draw from list: uniform, or Zipf (weight 1/rank) over a shuffle of the list fixed by the seed. */
function drawer(list: string[], spread: Spread, next: () => number): () => string {
  if (spread === 'uniform') return () => list[Math.floor(next() * list.length)];
  const shuffle = mulberry32(7);
  const order = list.map((u) => [shuffle(), u] as const).sort((a, b) => a[0] - b[0]).map(([, u]) => u);
  const cumulative: number[] = [];
  order.forEach((_, i) => cumulative.push((cumulative[i - 1] ?? 0) + 1 / (i + 1)));
  const total = cumulative[cumulative.length - 1];
  return () => {
    const x = next() * total;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid] < x) lo = mid + 1; else hi = mid; }
    return order[lo];
  };
}

export type Spread = 'zipf' | 'uniform';

export async function runMix(base: string, urls: MixUrls, o: { connections: number; duration: number; seed?: number; spread?: Spread }): Promise<MixResult> {
  const next = mulberry32(o.seed ?? 1);
  const draw = Object.fromEntries(GROUPS.map((g) => [g, drawer(urls[g], o.spread ?? 'zipf', next)])) as Record<Group, () => string>;
  const times: Record<Group, { ok: number[]; s503: number[]; other: number }> = {
    record: { ok: [], s503: [], other: 0 }, sheet: { ok: [], s503: [], other: 0 }, search: { ok: [], s503: [], other: 0 },
  };
  let retryAfterMissing = 0;
  const instance = autocannon({
    url: base, connections: o.connections, duration: o.duration, pipelining: 1, timeout: 10,
    requests: [{
      // setupRequest runs before each request of a connection; the context remembers which group the answer belongs to
      setupRequest: (req: any, context: any) => {
        const group = GROUPS[Math.floor(next() * 3)];
        context.group = group;
        return { ...req, method: 'GET', path: draw[group]() };
      },
      onResponse: (status: number, _body: string, _context: any, headers: Record<string, string>) => {
        if (status === 503 && !headers['retry-after']) retryAfterMissing++;
      },
    }],
  } as autocannon.Options) as unknown as autocannon.Instance & Promise<autocannon.Result>; // both, without a callback
  instance.on('response', (client: any, status: number, _bytes: number, ms: number) => {
    const t = times[client.requestIterator.context.group as Group];
    if (status === 200) t.ok.push(ms); else if (status === 503) t.s503.push(ms); else t.other++;
  });
  const r = await instance;
  const sorted = (xs: number[]) => xs.map(Math.round).sort((a, b) => a - b);
  const groups = Object.fromEntries(GROUPS.map((g) => {
    const ok = sorted(times[g].ok), no = sorted(times[g].s503);
    return [g, { ok: ok.length, okP50: percentile(ok, 50), okP99: percentile(ok, 99), okMax: ok[ok.length - 1] ?? NaN, s503: no.length, s503P99: percentile(no, 99), other: times[g].other }];
  })) as Record<Group, GroupStats>;
  const allOk = sorted(GROUPS.flatMap((g) => times[g].ok));
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v?.count ?? 0]));
  const s503 = statusCodes['503'] ?? 0;
  return {
    spread: o.spread ?? 'zipf', connections: o.connections, seconds: r.duration, requests: r.requests.total, rps: Math.round(r.requests.average),
    urls: { record: urls.record.length, sheet: urls.sheet.length, search: urls.search.length },
    p50: Math.round(r.latency.p50), p99: Math.round(r.latency.p99), max: Math.round(r.latency.max), okP99: percentile(allOk, 99), ok: allOk.length, s503, retryAfterMissing,
    errors: r.errors, timeouts: r.timeouts, statusCodes, groups,
    valid: r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r.requests.total > 0,
  };
}

export function printMix(m: MixResult, log = console.log): void {
  log(`mixed load (${m.spread}): ${m.connections} connections, ${m.seconds} s, ${m.urls.record} record + ${m.urls.sheet} sheet + ${m.urls.search} search URLs`);
  log(`  ${m.requests} answered (${m.rps} req/s) · p50 ${m.p50} ms · p99 ${m.p99} ms · max ${m.max} ms · 200s: ${m.ok}, p99 ${m.okP99} ms`
    + ` · 503: ${m.s503}${m.retryAfterMissing ? ` (${m.retryAfterMissing} without Retry-After)` : ''} · errors ${m.errors} · timeouts ${m.timeouts}`
    + ` · status ${JSON.stringify(m.statusCodes)}${m.valid ? '' : ' — NOT VALID (errors, timeouts or non-2xx)'}`);
  for (const g of GROUPS) {
    const s = m.groups[g];
    log(`  ${g.padEnd(7)} 200: ${String(s.ok).padStart(6)} (p50 ${s.okP50} ms, p99 ${s.okP99} ms, max ${s.okMax} ms) · 503: ${s.s503}`
      + `${s.s503 ? ` (p99 ${s.s503P99} ms)` : ''} · other: ${s.other}`);
  }
}
