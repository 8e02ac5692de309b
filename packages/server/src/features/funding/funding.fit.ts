/**
 * The open calls for one organisation, ranked by fit, each with its reasons ({code, ok, params}) that pages put in
 * words: eligibility first (its kind of beneficiary, from `beneficiaryOf`, is among the call's beneficiaries or the
 * call names none; the call's area holds its territory — the territory's parents are walked; no area: anywhere),
 * then its partner countries (of its partnerships' other parties and its projects' places) among the call's, then
 * its partnerships' and projects' themes among the call's (a sub-theme counts for its theme), then the deadline:
 * the soonest first, recurring and permanent calls after the dated ones. Ineligible calls come last and say why.
 */
import { beneficiaryOf, type CallBeneficiary } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../lib/errors.js';
import { searchCalls, type CallRow } from './funding.query.js';
import { withOrgs, type CallOrg } from './funding.service.js';

export type ReasonCode = 'eligible_kind' | 'area' | 'country' | 'theme' | 'min_group_size' | 'deadline' | 'rate';
export interface Reason { code: ReasonCode; ok: boolean; params: Record<string, unknown> }
export interface FitCall extends CallRow { funders: CallOrg[]; instructors: CallOrg[] }
export interface Fit { call: FitCall; eligible: boolean; score: number; reasons: Reason[] }
export interface OrgProfile {
  id: string; name: string; kind: string; beneficiary: CallBeneficiary | null; territoryId: string | null;
  /** its territory and every parent of it */
  places: string[]; countries: string[]; themes: string[];
}

export async function orgProfile(db: Db, id: string): Promise<OrgProfile> {
  const [o] = await db.query<{ id: string; name: string; kind: string; territory_id: string | null; country: string | null; tkind: string | null; tcountry: string | null }>(
    `select o.id, o.name, o.kind, o.territory_id, o.country, t.kind as tkind, t.country as tcountry
     from organisation o left join territory t on t.id = o.territory_id where o.id = $1`, [id]);
  if (!o) throw new NotFoundError('organisation', id);
  const own = o.country ?? o.tcountry;
  const places = o.territory_id ? (await db.query<{ id: string }>(
    `with recursive up(id, parent_id, depth) as (select id, parent_id, 0 from territory where id = $1
       union all select t.id, t.parent_id, up.depth + 1 from territory t join up on t.id = up.parent_id where up.depth < 20)
     select id from up`, [o.territory_id])).map((r) => r.id) : [];
  const countries = (await db.query<{ c: string }>(
    `select distinct coalesce(po.country, pt.country) as c from partnership_party me
       join partnership_party other on other.partnership_id = me.partnership_id and other.organisation_id <> me.organisation_id
       join organisation po on po.id = other.organisation_id left join territory pt on pt.id = po.territory_id
     where me.organisation_id = $1
     union select distinct t.country from project_participant pp join project_place pl on pl.project_id = pp.project_id
       join territory t on t.id = pl.territory_id where pp.organisation_id = $1`, [id]))
    .map((r) => r.c).filter((c): c is string => !!c && c !== own).sort();
  const themes = (await db.query<{ th: string }>(
    `select distinct unnest(p.themes) as th from partnership p join partnership_party pp on pp.partnership_id = p.id where pp.organisation_id = $1
     union select distinct unnest(pr.themes) from project pr where pr.id in (select project_id from project_participant where organisation_id = $1)
       or pr.partnership_id in (select partnership_id from partnership_party where organisation_id = $1)`, [id])).map((r) => r.th).sort();
  return { id: o.id, name: o.name, kind: o.kind, beneficiary: beneficiaryOf(o.kind, o.tkind, own), territoryId: o.territory_id, places, countries, themes };
}

/** Whole days from today to day (both ISO days). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The reasons of one call for one organisation, and whether it may apply. */
export function fitOf(call: FitCall, org: OrgProfile, today: string, areaNames: Map<string, string>): Fit {
  const reasons: Reason[] = [];
  const kindOk = call.beneficiaries.length === 0 || (!!org.beneficiary && call.beneficiaries.includes(org.beneficiary));
  reasons.push({ code: 'eligible_kind', ok: kindOk, params: { kind: org.beneficiary, beneficiaries: call.beneficiaries } });
  const areaOk = !call.area_territory_id || org.places.includes(call.area_territory_id);
  reasons.push({ code: 'area', ok: areaOk, params: { area: call.area_territory_id ? { id: call.area_territory_id, name: areaNames.get(call.area_territory_id) ?? call.area_territory_id } : null } });
  let score = 0;
  if (call.partner_countries.length) {
    const matched = org.countries.filter((c) => call.partner_countries.includes(c));
    reasons.push({ code: 'country', ok: matched.length > 0, params: { matched, countries: call.partner_countries } });
    if (matched.length) score += 1000;
  }
  if (call.themes.length) {
    const matched = call.themes.filter((t) => org.themes.some((o) => o === t || o.startsWith(`${t}.`)));
    reasons.push({ code: 'theme', ok: matched.length > 0, params: { matched, themes: call.themes } });
    score += matched.length;
  }
  if (call.min_group_size && call.min_group_size > 1) reasons.push({ code: 'min_group_size', ok: false, params: { n: call.min_group_size } });
  if (call.closes_on && call.recurrence === 'none') reasons.push({ code: 'deadline', ok: true, params: { days: daysBetween(today, call.closes_on), closesOn: call.closes_on } });
  else reasons.push({ code: 'deadline', ok: true, params: { recurrence: call.recurrence, closesOn: call.closes_on, note: call.recurrence_note } });
  if (call.rate_min != null || call.rate_max != null) reasons.push({ code: 'rate', ok: true, params: { min: call.rate_min == null ? null : Number(call.rate_min), max: call.rate_max == null ? null : Number(call.rate_max) } });
  return { call, eligible: kindOk && areaOk, score, reasons };
}

/** Dated (non-recurring) calls first, soonest deadline first; then the recurring and permanent ones. */
function deadlineKey(c: CallRow): string {
  return c.recurrence === 'none' && c.closes_on ? `0${c.closes_on}` : c.closes_on ? `1${c.closes_on}` : '2';
}

export async function callsFor(db: Db, organisationId: string, opts: { today?: string } = {}): Promise<{ organisation: OrgProfile; calls: Fit[] }> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const org = await orgProfile(db, organisationId);
  const calls = await withOrgs(db, await searchCalls(db, { open: '1' }, { today }));
  const areaIds = [...new Set(calls.map((c) => c.area_territory_id).filter((x): x is string => !!x))];
  const areaNames = new Map(areaIds.length ? (await db.query<{ id: string; name: string }>('select id, name from territory where id = any($1::text[])', [areaIds])).map((r) => [r.id, r.name]) : []);
  const fits = calls.map((c) => fitOf(c, org, today, areaNames));
  fits.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score
    || deadlineKey(a.call).localeCompare(deadlineKey(b.call)) || a.call.title.localeCompare(b.call.title));
  return { organisation: org, calls: fits };
}
