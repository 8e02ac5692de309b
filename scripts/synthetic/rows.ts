/**
 * Row builders: one partnership (parties, agreements) and the projects it groups (places, participants,
 * funding lines, results), as plain objects whose keys are the column names of 0001_core.sql.
 */
import type { Rng } from './prng.js';
import type { FrenchActor, ForeignActor, Pools } from './pools.js';
import { DESCRIPTIONS, RESULTS, TITLES, TITLE_SUFFIXES, byTheme } from './vocab.js';

export type Row = Record<string, unknown>;
export interface Buffers {
  partnership: Row[]; partnership_party: Row[]; agreement: Row[];
  project: Row[]; project_place: Row[]; project_participant: Row[]; funding_line: Row[]; result: Row[];
}
export const emptyBuffers = (): Buffers => ({ partnership: [], partnership_party: [], agreement: [], project: [], project_place: [], project_participant: [], funding_line: [], result: [] });

export interface Plan { id: string; fr: FrenchActor; co: FrenchActor | null; partner: ForeignActor; themes: string[]; year: number }

const LAST_YEAR = 2025;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const mm = (rng: Rng) => pad(rng.int(1, 12), 2);
const dd = (rng: Rng) => pad(rng.int(1, 28), 2);

/** A date as first day + precision (the schema's convention for partial dates). */
function partialDate(rng: Rng, year: number): [string, string] {
  const r = rng.float();
  if (r < 0.5) return [`${year}-01-01`, 'year'];
  if (r < 0.9) return [`${year}-${mm(rng)}-01`, 'month'];
  return [`${year}-${mm(rng)}-${dd(rng)}`, 'day'];
}

function pickKind<T extends string>(rng: Rng, table: Array<[T, number]>): T {
  let x = rng.float() * table.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of table) { if ((x -= w) < 0) return k; }
  return table[table.length - 1][0];
}

export function partnershipRows(rng: Rng, pools: Pools, n: number, buf: Buffers): Plan {
  const id = `syn-pa-${pad(n, 6)}`;
  const fr = rng.from(pools.frenchPick);
  const partner = rng.from(pools.foreignPick);
  let co: FrenchActor | null = rng.chance(0.15) ? rng.from(pools.frenchPick) : null;
  if (co === fr) co = null;
  const themes = [...new Set([rng.from(pools.themePick).id, rng.from(pools.themePick).id])].slice(0, rng.int(1, 2));
  const year = rng.recentYear(1995, LAST_YEAR);
  const kind = pickKind(rng, [['cooperation', 60], ['twinning', 25], ['friendship', 5], ['project_partnership', 10]]);
  const status = pickKind(rng, [['active', 55], ['dormant', 15], ['ended', 25], ['planned', 5]]);
  const [started_on, started_precision] = partialDate(rng, year);
  const endYear = status === 'ended' ? Math.min(LAST_YEAR, year + rng.int(2, 12)) : null;
  const labels = themes.map((t) => pools.themes.find((x) => x.id === t)?.fr ?? t);
  buf.partnership.push({
    id, title: `${kind === 'twinning' ? 'Jumelage' : 'Coopération'} ${fr.short} – ${partner.lieu}`, kind, status,
    summary: `Coopération décentralisée entre ${fr.org.name} et ${partner.org.name}, engagée en ${year} (${labels.join(', ').toLowerCase()}).`,
    started_on, started_precision, ended_on: endYear ? `${endYear}-01-01` : null, ended_precision: endYear ? 'year' : null, themes,
  });
  buf.partnership_party.push({ partnership_id: id, organisation_id: fr.org.id, side: 'fr', position: 0 },
    { partnership_id: id, organisation_id: partner.org.id, side: 'foreign', position: 1 });
  if (co) buf.partnership_party.push({ partnership_id: id, organisation_id: co.org.id, side: 'fr', position: 2 });
  const agId = `syn-ag-${pad(n, 6)}`;
  const agKind = pickKind(rng, [['convention', 55], ['protocole', 15], ['protocole_d_entente', 10], ['mou', 15], ['other', 5]]);
  const place = rng.chance(0.5) ? fr.short : partner.lieu;
  buf.agreement.push({
    id: agId, partnership_id: id, kind: agKind, title: `Convention de coopération décentralisée entre ${fr.org.name} et ${partner.org.name}`,
    signed_on: `${year}-${mm(rng)}-${dd(rng)}`, signed_precision: 'day', place, duration_months: rng.pick([36, 36, 48, 60, null]),
    renews_agreement_id: null, axes: labels, summary: null, position: 0,
  });
  const renewal = year + 3;
  if (renewal <= LAST_YEAR && rng.chance(0.25)) {
    buf.agreement.push({
      id: `${agId}-2`, partnership_id: id, kind: 'avenant', title: `Avenant à la convention entre ${fr.org.name} et ${partner.org.name}`,
      signed_on: `${renewal}-${mm(rng)}-${dd(rng)}`, signed_precision: 'day', place, duration_months: 36, renews_agreement_id: agId, axes: labels, summary: null, position: 1,
    });
  }
  return { id, fr, co, partner, themes, year };
}

const round100 = (x: number) => Math.max(100, Math.round(x / 100) * 100);
/** Vietnamese provinces were merged in July 2025: later projects are placed in the new unit. */
const placeAt = (pools: Pools, a: ForeignActor, year: number) => (a.vn && year >= 2025 ? pools.successor.get(a.territory) ?? a.territory : a.territory);

export function projectRows(rng: Rng, pools: Pools, plan: Plan, n: number, buf: Buffers): void {
  const id = `syn-prj-${pad(n, 7)}`;
  const theme = rng.chance(0.7) ? rng.pick(plan.themes) : rng.from(pools.themePick).id;
  const themes = [theme];
  if (rng.chance(0.35)) { const t = rng.from(pools.themePick).id; if (t !== theme) themes.push(t); }
  const siblings = pools.byCountry.get(plan.partner.country) ?? [];
  const where = siblings.length > 1 && rng.chance(0.15) ? rng.pick(siblings) : plan.partner;

  const start = Math.min(LAST_YEAR, plan.year + Math.floor(rng.float() * Math.min(12, LAST_YEAR + 1 - plan.year)));
  const years = rng.int(1, 4);
  const end = start + years - 1;
  const status = end < LAST_YEAR
    ? pickKind(rng, [['closed', 88], ['finalisation', 5], ['cancelled', 4], ['suspended', 3]])
    : pickKind(rng, [['implementation', 80], ['finalisation', 10], ['pipeline', 10]]);
  const [start_on, start_precision] = partialDate(rng, start);
  const open = status === 'implementation' && rng.chance(0.25);

  const template = rng.pick(byTheme(TITLES, theme));
  const title = template.replace('{a}', where.a).replace('{de}', where.de).replace('{lieu}', where.lieu) + rng.pick(TITLE_SUFFIXES);
  const label = pools.themes.find((t) => t.id === theme)?.fr ?? theme;
  const description = `${plan.fr.org.name} et ${plan.partner.org.name} : ${label.toLowerCase()}. ${rng.pick(DESCRIPTIONS)}`
    + (rng.chance(0.5) ? ` ${rng.pick(DESCRIPTIONS)}` : '');
  const budget = rng.chance(0.92) ? round100(Math.max(2000, rng.logNormal(60_000, 1.0))) : null;

  buf.project.push({
    id, partnership_id: plan.id, title, description, status, start_on, start_precision,
    end_on: open ? null : `${end}-01-01`, end_precision: open ? null : 'year', themes,
    budget_amount: budget, budget_currency: budget ? 'EUR' : null,
  });

  // places: where the project happens, sometimes a second unit of the same country or the French side
  const places = new Set([placeAt(pools, where, start)]);
  if (where.vn && rng.chance(0.25)) places.add(placeAt(pools, rng.pick(siblings), start));
  else if (rng.chance(0.15)) places.add(plan.fr.territory);
  for (const t of places) buf.project_place.push({ project_id: id, territory_id: t });

  buf.project_participant.push({ project_id: id, organisation_id: plan.fr.org.id, role: 'lead', position: 0 },
    { project_id: id, organisation_id: plan.partner.org.id, role: 'operational', position: 1 });
  if (plan.co && rng.chance(0.3)) buf.project_participant.push({ project_id: id, organisation_id: plan.co.org.id, role: 'financial', position: 2 });

  // funding: the lead's own funds first, then co-funders (water agencies for water projects)
  const lines = pickKind(rng, [['1', 40], ['2', 40], ['3', 20]]) === '1' ? 1 : rng.int(2, 3);
  const total = budget ?? round100(rng.logNormal(40_000, 1.0));
  const shares = Array.from({ length: lines }, () => 0.3 + rng.float());
  const sum = shares.reduce((s, x) => s + x, 0);
  const water = theme.startsWith('env.eau-dechets') && pools.waterFunders.length > 0;
  for (let i = 0; i < lines; i++) {
    const funder = i === 0 ? plan.fr.org : water && rng.chance(0.5) ? rng.pick(pools.waterFunders) : rng.from(pools.funderPick);
    const kind = status === 'closed' && rng.chance(0.7) ? 'disbursed' : status === 'pipeline' ? 'budgeted' : 'committed';
    buf.funding_line.push({
      project_id: id, funder_id: funder.id, amount: round100((total * shares[i]) / sum), currency: 'EUR',
      year: Math.min(end, start + rng.int(0, years - 1)), kind, note: null, position: i,
    });
  }

  if (status !== 'pipeline' && status !== 'cancelled') {
    const k = pickKind(rng, [['0', 45], ['1', 35], ['2', 20]]);
    const choices = byTheme(RESULTS, theme);
    for (let i = 0; i < Number(k); i++) {
      const [rlabel, unit, typical] = choices[i % choices.length];
      buf.result.push({
        project_id: id, label: rlabel, value: Math.max(1, Math.round(typical * rng.logNormal(1, 0.6))), unit,
        year: Math.min(end, LAST_YEAR), kind: pickKind(rng, [['output', 70], ['outcome', 25], ['impact', 5]]), position: i,
      });
    }
  }
}
