/** The statistics: each returns rows {key, label, value} (and year for funding), ready for a chart, a table and CSV. */
import { flattenThemes } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import type { Lang } from '../../i18n/index.js';

export interface StatRow { key: string; label: string; value: number; year?: number | null; currency?: string }
export const charts = ['by-country', 'by-theme', 'by-year', 'funding'] as const;
export type Chart = (typeof charts)[number];

const topThemes = flattenThemes().filter((t) => t.level === 1);

export async function stat(db: Db, chart: Chart, lang: Lang): Promise<StatRow[]> {
  switch (chart) {
    case 'by-country': {
      const rows = await db.query<{ id: string; name: string; names: Record<string, string>; n: number }>(
        `select t.id, t.name, t.names, count(distinct pp.partnership_id)::int as n
           from partnership_party pp join organisation o on o.id = pp.organisation_id join territory t on t.id = o.country
          where pp.side <> 'fr' and o.country <> 'FR' group by t.id, t.name, t.names order by n desc, t.name`);
      return rows.map((r) => ({ key: r.id, label: r.names?.[lang] || r.name, value: r.n }));
    }
    case 'by-theme': {
      const rows = await db.query<{ theme: string; n: number }>(
        `select theme, count(*)::int as n from search_doc, unnest(themes) theme where kind = 'partnership' group by theme`);
      const counts = new Map(rows.map((r) => [r.theme, r.n]));
      return topThemes.filter((t) => counts.has(t.id)).map((t) => ({ key: t.id, label: (t.labels as Record<string, string>)[lang], value: counts.get(t.id)! }))
        .sort((a, b) => b.value - a.value);
    }
    case 'by-year': {
      const rows = await db.query<{ y: number; n: number }>(
        `select extract(year from first)::int as y, count(*)::int as n from (
           select p.id, coalesce((select min(a.signed_on) from agreement a where a.partnership_id = p.id), p.started_on) as first from partnership p) x
          where first is not null group by y order by y`);
      return rows.map((r) => ({ key: String(r.y), label: String(r.y), value: r.n }));
    }
    case 'funding': {
      const rows = await db.query<{ id: string | null; name: string | null; year: number | null; currency: string; total: string }>(
        `select o.id, o.name, f.year, f.currency, sum(f.amount)::text as total from funding_line f left join organisation o on o.id = f.funder_id
          group by o.id, o.name, f.year, f.currency order by sum(f.amount) desc, o.name, f.year`);
      return rows.map((r) => ({ key: r.id ?? '', label: r.name ?? '—', value: Number(r.total), year: r.year, currency: r.currency }));
    }
  }
}
