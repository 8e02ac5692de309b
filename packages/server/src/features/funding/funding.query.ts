/**
 * searchCalls: the funding calls a saved search (`callQuery`, shared/src/funding.ts) selects, soonest deadline
 * first — the list page, the digests and the feeds share it. Words are matched folded (case and accents ignored)
 * against the title, summary and themes; a theme matches itself and its sub-themes ("env" holds "env.eau-dechets").
 */
import { fold, type CallQuery } from '@tandem/shared';
import type { Db } from '../../db/client.js';

export interface CallRow {
  id: string; title: string; summary: string | null; url: string | null;
  beneficiaries: string[]; aid_types: string[]; spending: string[]; stages: string[]; themes: string[];
  area_territory_id: string | null; partner_countries: string[]; min_group_size: number | null;
  opens_on: string | null; predeposit_on: string | null; closes_on: string | null;
  recurrence: 'none' | 'yearly' | 'permanent'; recurrence_note: string | null;
  rate_min: string | null; rate_max: string | null; amount_min: string | null; amount_max: string | null; currency: string;
  required_documents: string[]; created_at: string; updated_at: string; version: number;
}

/** ISO day of a date column (both drivers): to_char keeps it a string. */
const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD') as ${col}`;
export const CALL_COLUMNS = `id, title, summary, url, beneficiaries, aid_types, spending, stages, themes, area_territory_id,
  partner_countries, min_group_size, ${DAY('opens_on')}, ${DAY('predeposit_on')}, ${DAY('closes_on')}, recurrence, recurrence_note,
  rate_min::text as rate_min, rate_max::text as rate_max, amount_min::text as amount_min, amount_max::text as amount_max, currency,
  required_documents, created_at, updated_at, version`;

/** today: ISO day the "open" filter is read against (tests pass a fixed one). */
export async function searchCalls(db: Db, query: CallQuery, opts: { today?: string; since?: Date; limit?: number } = {}): Promise<CallRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (query.open !== '0') where.push(`(recurrence <> 'none' or closes_on is null or closes_on >= ${p(opts.today ?? new Date().toISOString().slice(0, 10))}::date)`);
  if (query.beneficiary) where.push(`(cardinality(beneficiaries) = 0 or ${p(query.beneficiary)} = any(beneficiaries))`);
  if (query.aidType) where.push(`${p(query.aidType)} = any(aid_types)`);
  if (query.country) where.push(`(cardinality(partner_countries) = 0 or ${p(query.country)} = any(partner_countries))`);
  if (query.theme) {
    const t = p(query.theme);
    where.push(`exists (select 1 from unnest(themes) th where th = ${t} or th like ${t} || '.%')`);
  }
  if (opts.since) where.push(`created_at > ${p(opts.since.toISOString())}::timestamptz`);
  const rows = await db.query<CallRow>(
    `select ${CALL_COLUMNS} from funding_call ${where.length ? `where ${where.join(' and ')}` : ''}
     order by closes_on asc nulls last, title limit ${p(opts.limit ?? 500)}`, params);
  const words = query.q ? fold(query.q).split(/[^a-z0-9]+/).filter(Boolean) : [];
  if (!words.length) return rows;
  return rows.filter((r) => { const hay = fold(`${r.title} ${r.summary ?? ''} ${r.themes.join(' ')}`); return words.every((w) => hay.includes(w)); });
}
