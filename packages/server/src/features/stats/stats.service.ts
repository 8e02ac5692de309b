/**
 * The atlas's statistics: counts and sums of money by partner country, theme, funder and year, and the key totals.
 * Money stays per currency and per kind — a project's budget, and its co-financing lines budgeted, committed or
 * disbursed — and nothing here adds one to another: the reader (and the CSV) sees each apart.
 * Amounts come back as exact decimal strings (the database's numeric), never floats.
 */
import { normaliseAmount } from '@tandem/shared';
import type { Db } from '../../db/client.js';

export const statDimensions = ['by-country', 'by-theme', 'by-funder', 'by-year'] as const;
export type StatDimension = (typeof statDimensions)[number];
/** The project's budget, and the co-financing lines by kind (shared `fundingKinds`). */
export const moneyMeasures = ['budget', 'budgeted', 'committed', 'disbursed'] as const;
export type MoneyMeasure = (typeof moneyMeasures)[number];

export interface Amount { currency: string; amount: string }
/** One group: key null is the records without one (no country, no theme, no funder, no year). */
export interface StatGroup {
  key: string | null;
  /** name of the country or funder (names per language for a country); null for themes and years */
  name: string | null;
  names?: Record<string, string> | null;
  partnerships: number | null;
  projects: number;
  money: Record<MoneyMeasure, Amount[]>;
}

/**
 * Per dimension: which partnerships (ag), projects (pg) and co-financing lines (lg) fall in which group g (text, null
 * for none). A record can fall in several groups (a project in two countries): its money then counts in each.
 */
const GROUPS: Record<StatDimension, { ag: string | null; pg: string; lg: string }> = {
  'by-country': {
    ag: `select distinct p.id as partnership_id, c.g from partnership p left join lateral (
           select o.country as g from partnership_party pp join organisation o on o.id = pp.organisation_id
            where pp.partnership_id = p.id and pp.side <> 'fr' and o.country <> 'FR') c on true`,
    pg: `select p.id as project_id, x.g from project p left join lateral (
           select t.country as g from project_place pl join territory t on t.id = pl.territory_id where pl.project_id = p.id and t.country <> 'FR'
           union select o.country from partnership_party pp join organisation o on o.id = pp.organisation_id
            where pp.partnership_id = p.partnership_id and pp.side <> 'fr' and o.country <> 'FR') x on true`,
    lg: 'pg',
  },
  'by-theme': {
    ag: `select distinct p.id as partnership_id, split_part(t.theme, '.', 1) as g from partnership p left join lateral unnest(p.themes) t(theme) on true`,
    pg: `select distinct p.id as project_id, split_part(t.theme, '.', 1) as g from project p left join lateral unnest(p.themes) t(theme) on true`,
    lg: 'pg',
  },
  'by-funder': {
    ag: null,
    pg: 'select distinct project_id, funder_id as g from funding_line',
    lg: 'select id as line_id, funder_id as g from funding_line',
  },
  'by-year': {
    ag: `select p.id as partnership_id, extract(year from coalesce((select min(a.signed_on) from agreement a where a.partnership_id = p.id), p.started_on))::int::text as g
           from partnership p`,
    pg: 'select id as project_id, extract(year from start_on)::int::text as g from project',
    lg: 'select id as line_id, year::text as g from funding_line',
  },
};

interface Raw { g: string | null; m: 'partnerships' | 'projects' | MoneyMeasure; cur: string | null; v: string }

function groupSql(dim: StatDimension): string {
  const d = GROUPS[dim];
  const ag = d.ag;
  const lg = d.lg === 'pg' ? 'select f.id as line_id, pg.g from funding_line f join pg on pg.project_id = f.project_id' : d.lg;
  return `with pg as (${d.pg}), lg as (${lg})${ag ? `, ag as (${ag})` : ''}
    ${ag ? `select g, 'partnerships' as m, null as cur, count(distinct partnership_id)::text as v from ag group by g union all` : ''}
    select g, 'projects' as m, null as cur, count(distinct project_id)::text as v from pg group by g
    union all select pg.g, 'budget', p.budget_currency, sum(p.budget_amount)::text
      from pg join project p on p.id = pg.project_id where p.budget_amount is not null ${dim === 'by-funder' ? 'and false' : ''}
     group by pg.g, p.budget_currency
    union all select lg.g, f.kind, f.currency, sum(f.amount)::text from lg join funding_line f on f.id = lg.line_id group by lg.g, f.kind, f.currency`;
}

const emptyMoney = (): Record<MoneyMeasure, Amount[]> => ({ budget: [], budgeted: [], committed: [], disbursed: [] });

/** Raw rows → one group per key, currencies in alphabetical order (EUR before others is the reader's business). */
export function foldRows(rows: Raw[], withPartnerships: boolean): StatGroup[] {
  const out = new Map<string | null, StatGroup>();
  for (const r of rows) {
    let g = out.get(r.g);
    if (!g) { g = { key: r.g, name: null, partnerships: withPartnerships ? 0 : null, projects: 0, money: emptyMoney() }; out.set(r.g, g); }
    if (r.m === 'partnerships') g.partnerships = Number(r.v);
    else if (r.m === 'projects') g.projects = Number(r.v);
    else if ((moneyMeasures as readonly string[]).includes(r.m) && r.cur) g.money[r.m].push({ currency: r.cur, amount: normaliseAmount(r.v) });
  }
  for (const g of out.values()) for (const m of moneyMeasures) g.money[m].sort((a, b) => a.currency.localeCompare(b.currency));
  return [...out.values()];
}

/** The groups of one dimension, with the names of countries and funders (labels in a language are the page's). */
export async function statGroups(db: Db, dim: StatDimension): Promise<StatGroup[]> {
  const groups = foldRows(await db.query<Raw>(groupSql(dim)), dim !== 'by-funder');
  const keys = groups.map((g) => g.key).filter((k): k is string => k !== null);
  if (dim === 'by-country' && keys.length) {
    const names = new Map((await db.query<{ id: string; name: string; names: Record<string, string> | null }>(
      'select id, name, names from territory where id = any($1::text[])', [keys])).map((t) => [t.id, t]));
    for (const g of groups) if (g.key) { g.name = names.get(g.key)?.name ?? g.key; g.names = names.get(g.key)?.names ?? null; }
  }
  if (dim === 'by-funder' && keys.length) {
    const names = new Map((await db.query<{ id: string; name: string }>('select id, name from organisation where id = any($1::text[])', [keys])).map((o) => [o.id, o.name]));
    for (const g of groups) if (g.key) g.name = names.get(g.key) ?? g.key;
  }
  return groups;
}

export interface KeyTotals { partnerships: number; projects: number; money: Record<MoneyMeasure, Amount[]> }

/** The atlas's key totals: partnerships, projects, and the money per measure and currency. */
export async function keyTotals(db: Db): Promise<KeyTotals> {
  const rows = await db.query<Raw>(`
    select null as g, 'partnerships' as m, null as cur, count(*)::text as v from partnership
    union all select null, 'projects', null, count(*)::text from project
    union all select null, 'budget', budget_currency, sum(budget_amount)::text from project where budget_amount is not null group by budget_currency
    union all select null, kind, currency, sum(amount)::text from funding_line group by kind, currency`);
  const [g] = foldRows(rows, true);
  return { partnerships: g?.partnerships ?? 0, projects: g?.projects ?? 0, money: g?.money ?? emptyMoney() };
}
