/**
 * Who else works here, on this (issue 15): the organisations taking part in the public partnerships (parties)
 * and projects (participants) at a territory and/or on a theme, ranked by closeness (who.closeness.ts), each
 * with the records concerned and the reasons ({code, params}) pages put in words.
 */
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { ValidationError } from '../../lib/errors.js';
import { placeMatch, placesNear, themeMatch, themeOf, type PlaceMatch, type Places } from './who.closeness.js';

export interface WhoQuery { territory?: string; theme?: string; limit?: number; lang?: string }
export interface Reason { code: string; weight: number; params: Record<string, string | number> }
export interface WhoRecord { kind: 'partnership' | 'project'; id: string; title: string }
export interface WhoActor {
  organisation: { id: string; name: string; kind: string; country: string | null };
  score: number; reasons: Reason[]; partnerships: WhoRecord[]; projects: WhoRecord[];
  /** the visitor may write to its members through Tandem (signed in, and someone to write to) */
  contactable: boolean;
}
export interface WhoResult { territory: { id: string; name: string } | null; theme: { id: string; label: string } | null; items: WhoActor[]; total: number }

interface PlaceRow { kind: 'partnership' | 'project'; id: string; title: string; themes: string[]; place_id: string | null; place: string | null; place_country: string | null }

const RECORDS = `
  select 'partnership' as kind, p.id, p.title, p.themes, t.id as place_id, t.name as place, t.country as place_country
    from partnership p left join partnership_party pp on pp.partnership_id = p.id
    left join organisation o on o.id = pp.organisation_id left join territory t on t.id = o.territory_id
   where ($1::text[] is null or t.id = any($1::text[]) or t.country = $2) and ($3::text is null or exists (
         select 1 from unnest(p.themes) x where x = $3 or x like $3 || '.%' or $3 like x || '.%'))
  union all
  select 'project', p.id, p.title, p.themes, t.id, t.name, t.country
    from project p left join project_place pl on pl.project_id = p.id left join territory t on t.id = pl.territory_id
   where ($1::text[] is null or t.id = any($1::text[]) or t.country = $2) and ($3::text is null or exists (
         select 1 from unnest(p.themes) x where x = $3 or x like $3 || '.%' or $3 like x || '.%'))`;

function placeReason(kind: string, m: PlaceMatch): Reason {
  const params: Record<string, string | number> = { kind, place: m.place };
  if (m.code === 'reform') Object.assign(params, { other: m.other ?? '', year: m.year ?? 0 });
  const code = m.code === 'reform' ? `place.reform.${m.direction}` : `place.${m.code}`;
  return { code, weight: m.weight, params };
}

export async function whoElse(db: Db, q: WhoQuery, actor: Actor | null): Promise<WhoResult> {
  if (!q.territory && !q.theme) throw new ValidationError([{ path: 'territory', message: 'give a territory, a theme or both' }]);
  const places: Places | null = q.territory ? await placesNear(db, q.territory) : null;
  const theme = q.theme ? await themeOf(db, q.theme) : null;
  const lang = q.lang === 'en' || q.lang === 'vi' ? q.lang : 'fr';
  const rows = await db.query<PlaceRow>(RECORDS, [places ? [...places.near.keys()] : null, places?.country ?? null, theme?.id ?? null]);

  // each record's best match
  const best = new Map<string, { rec: WhoRecord; score: number; reasons: Reason[] }>();
  for (const r of rows) {
    const reasons: Reason[] = [];
    let score = 0;
    if (places) {
      const m = r.place_id ? placeMatch(places, r.place_id, r.place ?? '', r.place_country) : null;
      if (!m) continue;
      score += m.weight; reasons.push(placeReason(r.kind, m));
    }
    if (theme) {
      const m = themeMatch(theme.id, r.themes);
      if (!m) continue;
      score += m.weight; reasons.push({ code: `theme.${m.code}`, weight: m.weight, params: { kind: r.kind, theme: m.themeId, themeId: m.themeId } });
    }
    const key = `${r.kind}:${r.id}`;
    const cur = best.get(key);
    if (!cur || score > cur.score) best.set(key, { rec: { kind: r.kind, id: r.id, title: r.title }, score, reasons });
  }
  if (!best.size) return { territory: places && { id: places.id, name: places.name }, theme: theme && { id: theme.id, label: theme.labels[lang] ?? theme.labels.fr ?? theme.id }, items: [], total: 0 };

  const ids = (kind: string) => [...best.values()].filter((b) => b.rec.kind === kind).map((b) => b.rec.id);
  const actors = await db.query<{ kind: string; rid: string; id: string; name: string; org_kind: string; country: string | null }>(
    `select distinct 'partnership' as kind, pp.partnership_id as rid, o.id, o.name, o.kind as org_kind, o.country
       from partnership_party pp join organisation o on o.id = pp.organisation_id where pp.partnership_id = any($1::text[])
     union
     select distinct 'project', pp.project_id, o.id, o.name, o.kind, o.country
       from project_participant pp join organisation o on o.id = pp.organisation_id where pp.project_id = any($2::text[])`,
    [ids('partnership'), ids('project')]);

  const byOrg = new Map<string, WhoActor & { top: number }>();
  for (const a of actors) {
    const b = best.get(`${a.kind}:${a.rid}`)!;
    let o = byOrg.get(a.id);
    if (!o) byOrg.set(a.id, o = { organisation: { id: a.id, name: a.name, kind: a.org_kind, country: a.country }, score: 0, top: 0, reasons: [], partnerships: [], projects: [], contactable: false });
    (b.rec.kind === 'partnership' ? o.partnerships : o.projects).push(b.rec);
    o.top = Math.max(o.top, b.score);
    for (const r of b.reasons) if (!o.reasons.some((x) => x.code === r.code && JSON.stringify(x.params) === JSON.stringify(r.params))) o.reasons.push(r);
  }
  // theme labels of the reasons, in the reader's language
  const themeIds = [...new Set([...byOrg.values()].flatMap((o) => o.reasons.map((r) => r.params.themeId).filter((x): x is string => typeof x === 'string')))];
  const labels = new Map((themeIds.length ? await db.query<{ id: string; labels: Record<string, string> }>('select id, labels from theme where id = any($1::text[])', [themeIds]) : [])
    .map((t) => [t.id, t.labels[lang] ?? t.labels.fr ?? t.id]));
  const contactable = actor ? new Set((await db.query<{ organisation_id: string }>(
    `select distinct g.organisation_id from role_grant g join account a on a.id = g.account_id
      where g.organisation_id = any($1::text[]) and a.disabled_at is null and g.role in ('member', 'network_admin')`, [[...byOrg.keys()]])).map((r) => r.organisation_id)) : new Set<string>();

  const all = [...byOrg.values()].map(({ top, ...o }) => {
    const records = o.partnerships.length + o.projects.length;
    const reasons = o.reasons.sort((a, b) => b.weight - a.weight).slice(0, 4)
      .map((r) => (typeof r.params.themeId === 'string' ? { ...r, params: { ...r.params, theme: labels.get(r.params.themeId) ?? r.params.themeId } } : r));
    return { ...o, score: top * 10 + Math.min(records, 9), reasons, contactable: contactable.has(o.organisation.id) };
  }).sort((a, b) => b.score - a.score || a.organisation.name.localeCompare(b.organisation.name, 'fr'));
  const limit = Math.min(Math.max(q.limit ?? 20, 1), 100);
  return {
    territory: places && { id: places.id, name: places.name },
    theme: theme && { id: theme.id, label: theme.labels[lang] ?? theme.labels.fr ?? theme.id },
    items: all.slice(0, limit), total: all.length,
  };
}
