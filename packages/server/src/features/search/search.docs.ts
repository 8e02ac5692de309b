/** Builds one search document per record, in bulk: ids = null means every record of that kind. */
import { fold, foldedWords, flattenThemes, normaliseAmount, themeAncestry } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { TerritoryContext, namesOf } from './territory-context.js';
import { activeTerritories, territoryWeight } from './search.activity.js';

export interface SearchDoc {
  kind: string; id: string; title: string; subtitle: string | null; title_folded: string; folded: string; weight: number;
  countries: string[]; territories: string[]; themes: string[]; org_kinds: string[]; funders: string[]; years: number[]; status: string | null;
  /** what "sort by amount" reads: a project's budget, a partnership's projects' budgets summed (its euros when it has some) */
  amount: string | null; currency: string | null;
}

const themeLabels = new Map(flattenThemes().map((t) => [t.id, [t.labels.fr, t.labels.en, t.labels.vi]]));
const uniq = <T>(xs: Array<T | null | undefined>) => [...new Set(xs.filter((x): x is T => x != null && x !== ''))];
const filter = (ids: string[] | null, col = 'id') => (ids === null ? { w: '', p: [] as unknown[] } : { w: `where ${col} = any($1::text[])`, p: [ids] as unknown[] });
const yearsBetween = (a: string | null, b: string | null) => {
  const y0 = a ? Number(a.slice(0, 4)) : null, y1 = b ? Number(b.slice(0, 4)) : y0;
  if (y0 == null) return [];
  const end = Math.min(y1 ?? y0, y0 + 30);
  return Array.from({ length: Math.max(1, end - y0 + 1) }, (_, i) => y0 + i);
};

function doc(kind: string, id: string, title: string, subtitle: string | null, text: string[], weight: number, facets: Partial<SearchDoc>): SearchDoc {
  return {
    kind, id, title, subtitle, title_folded: foldedWords(title).join(' '), folded: uniq(uniq([title, ...text]).map(fold)).join(' · '), weight,
    countries: [], territories: [], themes: [], org_kinds: [], funders: [], years: [], status: null, amount: null, currency: null, ...facets,
  };
}

function themeFacet(themes: string[]) {
  const ids = uniq(themes.flatMap(themeAncestry));
  return { ids, labels: ids.flatMap((t) => themeLabels.get(t) ?? []) };
}

/**
 * Former units that live on under the same name (the city of Huế absorbed into the city-province of Huế, Hải Phòng
 * merged into the new Hải Phòng) have no document of their own: the place is listed once, as its successor, whose
 * document carries the history's names (TerritoryContext); their sheets stay reachable from the successor's history.
 */
async function continuedUnderSameName(db: Db, ids: string[] | null): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(`select distinct t.id from territory t join territory_change c on c.from_id = t.id join territory s on s.id = c.to_id
    where t.valid_to is not null and s.valid_to is null and s.name = t.name${ids === null ? '' : ' and t.id = any($1::text[])'}`, ids === null ? [] : [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function territoryDocs(db: Db, ids: string[] | null): Promise<SearchDoc[]> {
  const f = filter(ids);
  const rows = await db.query(`select id, kind, name, codes, country, valid_to from territory ${f.w}`, f.p);
  const ctx = await TerritoryContext.load(db, ids);
  const active = await activeTerritories(db, ids), continued = await continuedUnderSameName(db, ids);
  return rows.filter((t) => !continued.has(t.id)).map((t) => {
    const parent = ctx.chain(t.id, true)[1];
    return doc('territory', t.id, t.name, parent ? parent.name : null, [...ctx.names(t.id, t.kind === 'country'), ...Object.values(t.codes ?? {}) as string[]],
      territoryWeight(t.kind, active.has(t.id)), { countries: uniq([t.country]), territories: ctx.facetIds(t.id), status: t.valid_to ? 'historical' : 'current' });
  });
}

export async function organisationDocs(db: Db, ids: string[] | null): Promise<SearchDoc[]> {
  const f = filter(ids);
  const rows = await db.query<any>(`select id, kind, name, names, acronyms, aliases, territory_id, country, description from organisation ${f.w}`, f.p);
  const ctx = await TerritoryContext.load(db, uniq(rows.map((r) => r.territory_id)));
  return rows.map((o) => doc('organisation', o.id, o.name, o.acronyms?.[0] ?? null,
    [...namesOf(o), ...o.acronyms, ...(o.territory_id ? ctx.names(o.territory_id, true) : []), o.description ?? ''], 1.2,
    { countries: uniq([o.country]), territories: o.territory_id ? ctx.facetIds(o.territory_id) : [], org_kinds: [o.kind] }));
}

/** Organisations by id with the texts they are found by. */
async function orgMap(db: Db, ids: string[]): Promise<Map<string, any>> {
  const rows = await db.query<any>('select id, kind, name, names, acronyms, aliases, territory_id, country from organisation where id = any($1::text[])', [ids]);
  return new Map(rows.map((o) => [o.id, o]));
}

function group<T extends Record<string, any>>(rows: T[], key: string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) { const l = m.get(r[key]) ?? []; l.push(r); m.set(r[key], l); }
  return m;
}

export async function partnershipDocs(db: Db, ids: string[] | null): Promise<SearchDoc[]> {
  const f = filter(ids);
  const rows = await db.query(`select id, title, kind, status, summary, started_on, themes from partnership ${f.w}`, f.p);
  const pids = rows.map((r) => r.id);
  const parties = group(await db.query('select partnership_id, organisation_id from partnership_party where partnership_id = any($1::text[]) order by partnership_id, position', [pids]), 'partnership_id');
  const agreements = group(await db.query('select partnership_id, title, place, axes, signed_on from agreement where partnership_id = any($1::text[]) order by partnership_id, position', [pids]), 'partnership_id');
  const funding = group(await db.query(`select p.partnership_id, f.funder_id, f.year from funding_line f join project p on p.id = f.project_id
    where p.partnership_id = any($1::text[]) order by p.partnership_id, f.project_id, f.position`, [pids]), 'partnership_id');
  const budgets = group(await db.query(`select partnership_id, budget_currency as currency, sum(budget_amount)::text as amount from project
    where partnership_id = any($1::text[]) and budget_amount is not null and budget_currency is not null group by 1, 2`, [pids]), 'partnership_id');
  const orgs = await orgMap(db, uniq([...parties.values()].flat().map((p) => p.organisation_id)));
  const ctx = await TerritoryContext.load(db, uniq([...orgs.values()].map((o) => o.territory_id)));
  return rows.map((p) => {
    const money = (budgets.get(p.id) ?? []).sort((a, b) => Number(b.currency === 'EUR') - Number(a.currency === 'EUR') || Number(b.amount) - Number(a.amount))[0];
    const ps = (parties.get(p.id) ?? []).map((x) => orgs.get(x.organisation_id)).filter((o): o is any => o != null);
    const ag = agreements.get(p.id) ?? [];
    const fl = funding.get(p.id) ?? [];
    const th = themeFacet(p.themes);
    const terr = ps.filter((o) => o.territory_id).map((o) => o.territory_id as string);
    return doc('partnership', p.id, p.title, p.kind, [
      ...ps.flatMap((o) => [...namesOf(o), ...o.acronyms]), ...terr.flatMap((t) => ctx.names(t, true)),
      ...ag.flatMap((a) => [a.title, a.place, ...a.axes]), ...th.labels, p.summary ?? '',
    ], 3, {
      countries: uniq([...ps.map((o) => o.country), ...terr.map((t) => ctx.country(t))]),
      territories: uniq(terr.flatMap((t) => ctx.facetIds(t))), themes: th.ids, org_kinds: uniq(ps.map((o) => o.kind)),
      funders: uniq(fl.map((x) => x.funder_id)),
      years: uniq([p.started_on ? Number(p.started_on.slice(0, 4)) : null, ...ag.map((a) => (a.signed_on ? Number(a.signed_on.slice(0, 4)) : null))]),
      status: p.status, amount: money ? normaliseAmount(money.amount) : null, currency: money?.currency ?? null,
    });
  });
}

/**
 * A writer that has just written the projects' parts (the IATI import) passes them instead of having them read back:
 * by project id, participants and funding lines in position order, places in territory id order (as the queries below).
 */
export interface ProjectParts {
  participants: Map<string, Array<{ organisation_id: string }>>;
  funding: Map<string, Array<{ funder_id: string | null; year: number | null }>>;
  places: Map<string, Array<{ territory_id: string }>>;
}

export async function projectDocs(db: Db, ids: string[] | null, known?: ProjectParts): Promise<SearchDoc[]> {
  const f = filter(ids, 'p.id');
  const rows = await db.query(`select p.id, p.title, p.status, p.description, p.start_on, p.end_on, p.themes, pa.title as partnership_title,
      p.budget_amount::text as budget_amount, p.budget_currency
    from project p left join partnership pa on pa.id = p.partnership_id ${f.w}`, f.p);
  const pids = rows.map((r) => r.id);
  const parts = known?.participants ?? group(await db.query('select project_id, organisation_id from project_participant where project_id = any($1::text[]) order by project_id, position', [pids]), 'project_id');
  const funding = known?.funding ?? group(await db.query('select project_id, funder_id, year from funding_line where project_id = any($1::text[]) order by project_id, position', [pids]), 'project_id');
  const places = known?.places ?? group(await db.query('select project_id, territory_id from project_place where project_id = any($1::text[]) order by project_id, territory_id', [pids]), 'project_id');
  const orgs = await orgMap(db, uniq([...[...parts.values()].flat().map((p) => p.organisation_id), ...[...funding.values()].flat().map((x) => x.funder_id)]));
  const ctx = await TerritoryContext.load(db, uniq([...[...places.values()].flat().map((x) => x.territory_id), ...[...orgs.values()].map((o) => o.territory_id)]));
  return rows.map((p) => {
    const fl = funding.get(p.id) ?? [];
    const os = uniq([...(parts.get(p.id) ?? []).map((x) => x.organisation_id), ...fl.map((x) => x.funder_id)]).map((id) => orgs.get(id)).filter((o): o is any => o != null);
    const pl = (places.get(p.id) ?? []).map((x) => x.territory_id as string);
    const th = themeFacet(p.themes);
    return doc('project', p.id, p.title, p.partnership_title, [
      ...os.flatMap((o) => [...namesOf(o), ...o.acronyms]), ...pl.flatMap((t) => ctx.names(t, true)), ...th.labels, p.partnership_title ?? '', p.description ?? '',
    ], 2, {
      countries: uniq(pl.map((t) => ctx.country(t))), territories: uniq(pl.flatMap((t) => ctx.facetIds(t))), themes: th.ids,
      org_kinds: uniq(os.map((o) => o.kind)), funders: uniq(fl.map((x) => x.funder_id)),
      years: uniq([...yearsBetween(p.start_on, p.end_on), ...fl.map((x) => x.year)]), status: p.status,
      ...(p.budget_amount != null && p.budget_currency ? { amount: normaliseAmount(p.budget_amount), currency: p.budget_currency } : {}),
    });
  });
}

export async function missionDocs(db: Db, ids: string[] | null): Promise<SearchDoc[]> {
  const f = filter(ids, 'm.id');
  const rows = await db.query(`select m.id, m.title, m.direction, m.purpose, m.outcomes, m.from_on, m.to_on, m.place_territory_id, pa.title as partnership_title
    from mission m left join partnership pa on pa.id = m.partnership_id ${f.w}`, f.p);
  const parts = group(await db.query('select mission_id, organisation_id from mission_participant where mission_id = any($1::text[]) order by mission_id, organisation_id', [rows.map((r) => r.id)]), 'mission_id');
  const orgs = await orgMap(db, uniq([...parts.values()].flat().map((p) => p.organisation_id)));
  const ctx = await TerritoryContext.load(db, uniq([...rows.map((r) => r.place_territory_id), ...[...orgs.values()].map((o) => o.territory_id)]));
  return rows.map((m) => {
    const os = (parts.get(m.id) ?? []).map((x) => orgs.get(x.organisation_id)).filter((o): o is any => o != null);
    const pl = uniq([m.place_territory_id as string | null, ...os.map((o) => o.territory_id as string | null)]);
    return doc('mission', m.id, m.title, m.partnership_title, [
      ...os.flatMap((o) => [...namesOf(o), ...o.acronyms]), ...pl.flatMap((t) => ctx.names(t, true)), m.partnership_title ?? '', m.purpose ?? '', m.outcomes ?? '',
    ], 1.5, {
      countries: uniq(pl.map((t) => ctx.country(t))), territories: uniq(pl.flatMap((t) => ctx.facetIds(t))), org_kinds: uniq(os.map((o) => o.kind)),
      years: yearsBetween(m.from_on, m.to_on), status: m.direction,
    });
  });
}

/** Events: title, theme, place (with its history's names), hosts and series; placed at their place, else at their hosts'. */
export async function eventDocs(db: Db, ids: string[] | null): Promise<SearchDoc[]> {
  const f = filter(ids, 'e.id');
  // members-only meetings are never indexed (groups/meetings.ts)
  const rows = (await db.query(`select e.id, e.title, e.theme, e.place_text, e.place_territory_id, e.start_on, e.end_on, e.visibility, s.name as series_name
    from event e left join event_series s on s.id = e.series_id ${f.w}`, f.p)).filter((r) => r.visibility === 'public');
  const eids = rows.map((r) => r.id);
  const hosts = group(await db.query('select event_id, organisation_id from event_host where event_id = any($1::text[]) order by event_id, position', [eids]), 'event_id');
  const agenda = group(await db.query('select event_id, title from event_agenda_item where event_id = any($1::text[]) order by event_id, position', [eids]), 'event_id');
  const orgs = await orgMap(db, uniq([...hosts.values()].flat().map((h) => h.organisation_id)));
  const ctx = await TerritoryContext.load(db, uniq([...rows.map((r) => r.place_territory_id), ...[...orgs.values()].map((o) => o.territory_id)]));
  return rows.map((e) => {
    const os = (hosts.get(e.id) ?? []).map((x) => orgs.get(x.organisation_id)).filter((o): o is any => o != null);
    const pl: string[] = e.place_territory_id ? [e.place_territory_id] : uniq(os.map((o) => o.territory_id as string | null));
    return doc('event', e.id, e.title, e.series_name, [
      e.theme ?? '', e.place_text ?? '', e.series_name ?? '', ...pl.flatMap((t) => ctx.names(t, true)),
      ...os.flatMap((o) => [...namesOf(o), ...o.acronyms]), ...(agenda.get(e.id) ?? []).map((a) => a.title),
    ], 2.5, {
      countries: uniq([...pl.map((t) => ctx.country(t)), ...os.map((o) => o.country)]), territories: uniq(pl.flatMap((t) => ctx.facetIds(t))),
      org_kinds: uniq(os.map((o) => o.kind)), years: yearsBetween(e.start_on, e.end_on),
    });
  });
}
