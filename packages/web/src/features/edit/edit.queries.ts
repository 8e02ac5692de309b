/** What the forms need from the database besides the record: names of referenced records, datalists, countries. */
import type { Db } from '../../../../server/src/db/client.js';
import { localName, type I18n } from '../../i18n/index.js';
import type { Option } from './fields.js';

const REF_KEYS = new Set(['organisationId', 'funderId', 'placeId', 'parentId', 'territoryId', 'partnershipId', 'places', 'organisations', 'hosts']);
const LIST_LIMIT = 3000;

/** Every id a draft refers to (at any depth), by the field names that hold references. */
export function referencedIds(...drafts: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (x: unknown, key: string | null) => {
    if (typeof x === 'string') { if (key && REF_KEYS.has(key) && x.trim()) out.add(x.trim()); return; }
    if (Array.isArray(x)) { for (const v of x) walk(v, key); return; }
    if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, k);
  };
  for (const d of drafts) walk(d, null);
  return [...out].slice(0, 2000);
}

/** id → display name, for organisations, territories and partnerships. */
export async function referenceNames(db: Db, i: I18n, ids: string[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const [orgs, places, partnerships] = await Promise.all([
    db.query<{ id: string; name: string }>('select id, name from organisation where id = any($1::text[])', [ids]),
    db.query<{ id: string; name: string; names: Record<string, string> | null }>('select id, name, names from territory where id = any($1::text[])', [ids]),
    db.query<{ id: string; title: string }>('select id, title from partnership where id = any($1::text[])', [ids]),
  ]);
  return Object.fromEntries([
    ...partnerships.map((p) => [p.id, p.title]),
    ...places.map((t) => [t.id, localName(t, i.lang)]),
    ...orgs.map((o) => [o.id, o.name]),
  ]);
}

export async function formLists(db: Db, i: I18n): Promise<{ organisations: Option[]; partnerships: Option[]; countries: Option[]; series: Option[]; groups: Option[]; events: Option[] }> {
  const [organisations, partnerships, countries, series, groups, events] = await Promise.all([
    db.query<Option>(`select id, name from organisation order by name, id limit ${LIST_LIMIT}`),
    db.query<{ id: string; title: string }>(`select id, title from partnership order by title, id limit ${LIST_LIMIT}`),
    db.query<{ id: string; name: string; names: Record<string, string> | null }>(`select id, name, names from territory where kind = 'country'`),
    db.query<Option>('select id, name from event_series order by period_from nulls last, name, id'),
    db.query<Option>('select o.id, o.name from group_profile g join organisation o on o.id = g.organisation_id order by o.name, o.id'), // groups (issue 15)
    // public events only: a members-only meeting is never offered (a form keeps an unknown value as it is)
    db.query<Option>(`select id, title || coalesce(' (' || extract(year from start_on)::int || ')', '') as name from event where visibility = 'public'
      order by start_on desc nulls last, title, id limit ${LIST_LIMIT}`),
  ]);
  const coll = new Intl.Collator(i.lang);
  return {
    organisations, series, groups, events,
    partnerships: partnerships.map((p) => ({ id: p.id, name: p.title })),
    countries: countries.map((t) => ({ id: t.id, name: localName(t, i.lang) })).sort((a, b) => coll.compare(a.name, b.name)),
  };
}
