/**
 * The actors of the synthetic data: French collectivités tied to real communes, EPCI, départements and
 * régions; foreign partner collectivités tied to real foreign territories; funders (real ministries and
 * agencies already in the database when there are any). Everything is read in a fixed order so that a
 * seed always yields the same pools.
 */
import type { Db } from '../../packages/server/src/db/client.js';
import { Rng, weighted, type Weighted } from './prng.js';
import { COUNTRIES, FUNDERS, THEME_WEIGHTS } from './vocab.js';

export interface Org { id: string; kind: string; name: string; acronyms: string[]; aliases: string[]; territory_id: string | null; country: string | null; description: string | null }
/** A French lead: its organisation row, its territory, its region's territory (for a co-funding region). */
export interface FrenchActor { org: Org; territory: string; short: string }
/** A foreign partner: its organisation row and how titles name its place. */
export interface ForeignActor { org: Org; country: string; territory: string; lieu: string; a: string; de: string; vn: boolean }

export interface Pools {
  french: FrenchActor[]; frenchPick: Weighted<FrenchActor>;
  foreign: ForeignActor[]; foreignPick: Weighted<ForeignActor>;
  /** Foreign actors by country, for a second place in the same country. */
  byCountry: Map<string, ForeignActor[]>;
  funders: Org[]; funderPick: Weighted<Org>; waterFunders: Org[];
  /** Organisations this run creates (funders reused from the database are not in it). */
  created: Org[];
  themes: Array<{ id: string; fr: string }>; themePick: Weighted<{ id: string; fr: string }>;
  /** Vietnamese provinces before 2025 → the unit they became (the 63 → 34 reform). */
  successor: Map<string, string>;
}

const VOWEL = /^[aeiouyhàâäéèêëîïôöûüœAEIOUYHÀÂÄÉÈÊËÎÏÔÖÛÜŒ]/;
export const deName = (x: string) => (VOWEL.test(x) ? `d’${x}` : `de ${x}`);
/** "de" before a French place name, with its article: Le Mans → du Mans, Les Ulis → des Ulis. */
function deFr(x: string): string {
  if (x.startsWith('Le ')) return `du ${x.slice(3)}`;
  if (x.startsWith('Les ')) return `des ${x.slice(4)}`;
  return deName(x);
}

const org = (id: string, kind: string, name: string, territory_id: string | null, country: string | null, extra: Partial<Org> = {}): Org =>
  ({ id, kind, name, acronyms: [], aliases: [], territory_id, country, description: null, ...extra });
const pad = (n: number, w = 5) => String(n).padStart(w, '0');

export async function loadPools(db: Db, rng: Rng, projectCount: number): Promise<Pools> {
  const created: Org[] = [];

  // French collectivités: every région and département, a sample of EPCI and communes.
  const fr = await db.query<{ id: string; kind: string; name: string }>(
    `select id, kind, name from territory where country = 'FR' and kind in ('region', 'departement', 'epci', 'commune') and valid_to is null order by id`);
  const size = Math.max(200, Math.min(5000, Math.round(projectCount / 25)));
  const regions = fr.filter((t) => t.kind === 'region'), deps = fr.filter((t) => t.kind === 'departement');
  const epci = rng.sample(fr.filter((t) => t.kind === 'epci'), Math.round(size * 0.15));
  const communes = rng.sample(fr.filter((t) => t.kind === 'commune'), Math.max(0, size - regions.length - deps.length - epci.length));
  const french: FrenchActor[] = [];
  const frWeights: Array<[FrenchActor, number]> = [];
  for (const t of [...regions, ...deps, ...epci, ...communes]) {
    const name = t.kind === 'region' ? `Région ${t.name}` : t.kind === 'departement' ? `Conseil départemental ${deFr(t.name)}`
      : t.kind === 'epci' ? t.name : `${rng.chance(0.7) ? 'Ville' : 'Commune'} ${deFr(t.name)}`;
    const o = org(`syn-org-fr-${pad(french.length + 1)}`, 'collectivite', name, t.id, 'FR', { aliases: [t.name] });
    const actor = { org: o, territory: t.id, short: t.name };
    french.push(actor);
    created.push(o);
    frWeights.push([actor, { region: 8, departement: 4, epci: 1.5 }[t.kind] ?? 1]);
  }

  // Foreign partners: real cities of each country (tied to the country), Vietnamese provinces before the 2025 reform.
  const countryRows = await db.query<{ id: string }>(`select id from territory where kind = 'country' and id = any($1::text[]) order by id`, [Object.keys(COUNTRIES)]);
  const present = new Set(countryRows.map((r) => r.id));
  const vn = await db.query<{ id: string; kind: string; name: string; names: Record<string, string> }>(
    `select id, kind, name, names from territory where country = 'VN' and parent_id = 'VN' and kind in ('province', 'city') and valid_to is not null order by id`);
  const favourite = ['VN-P-01', 'VN-P-46', 'VN-P-30', 'VN-P-48', 'VN-P-79', 'VN-P-31', 'VN-P-15', 'VN-P-92'];
  vn.sort((a, b) => (favourite.indexOf(a.id) + 1 || 99) - (favourite.indexOf(b.id) + 1 || 99) || a.id.localeCompare(b.id));
  const foreign: ForeignActor[] = [];
  const fWeights: Array<[ForeignActor, number]> = [];
  for (const [cc, [weight, cities, prefix]] of Object.entries(COUNTRIES)) {
    if (!present.has(cc)) continue;
    const places = cc === 'VN'
      ? vn.map((t) => t.kind === 'city'
        ? { lieu: t.names?.fr || t.name, name: `Comité populaire de ${t.name}`, territory: t.id, a: `à ${t.names?.fr || t.name}`, de: deName(t.names?.fr || t.name) }
        : { lieu: t.name, name: `Comité populaire de la province de ${t.name}`, territory: t.id, a: `dans la province de ${t.name}`, de: `de la province de ${t.name}` })
      : cities.map((c) => ({ lieu: c, name: `${prefix.replace(/ de$/, '')} ${deName(c)}`, territory: cc, a: `à ${c}`, de: deName(c) }));
    const harmonic = places.reduce((s, _, i) => s + 1 / (i + 1), 0);
    places.forEach((p, i) => {
      const o = org(`syn-org-${cc.toLowerCase()}-${pad(i + 1, 3)}`, 'collectivite', p.name, p.territory, cc, { aliases: [p.lieu] });
      const actor: ForeignActor = { org: o, country: cc, territory: p.territory, lieu: p.lieu, a: p.a, de: p.de, vn: cc === 'VN' };
      foreign.push(actor);
      created.push(o);
      fWeights.push([actor, (weight * (1 / (i + 1))) / harmonic]);
    });
  }
  const byCountry = new Map<string, ForeignActor[]>();
  for (const f of foreign) byCountry.set(f.country, [...(byCountry.get(f.country) ?? []), f]);

  // Funders: real ministries and agencies when the database has them, synthetic ones for the rest.
  const real = await db.query<Org>(`select id, kind, name, acronyms, aliases, territory_id, country, description from organisation
    where kind in ('ministry', 'agency') and id not like 'syn-%' order by id`);
  const realIds = new Set(real.map((o) => o.id));
  const funderWeights: Array<[Org, number]> = [];
  for (const [key, kind, name, acronym, w] of FUNDERS) {
    const existing = realIds.has(key) ? real.find((o) => o.id === key)! : null;
    const o = existing ?? org(`syn-fund-${key}`, kind, name, null, kind === 'international' ? null : 'FR', { acronyms: [acronym] });
    if (!existing) created.push(o);
    funderWeights.push([o, w]);
  }
  for (const o of real) if (!FUNDERS.some(([key]) => key === o.id)) funderWeights.push([o, 0.5]);
  const funders = funderWeights.map(([o]) => o);
  const waterFunders = funders.filter((o) => /agence de l.eau/i.test(o.name));

  const themes = (await db.query<{ id: string; labels: Record<string, string> }>('select id, labels from theme order by id')).map((t) => ({ id: t.id, fr: t.labels.fr }));
  if (!themes.length) throw new Error('the theme table is empty: run the seed first (npm run db:seed or start the server once)');
  const changes = await db.query<{ from_id: string; to_id: string }>(
    `select from_id, to_id from territory_change where from_id like 'VN-%' and kind in ('merged_into', 'continued_as', 'renamed_to') order by from_id, to_id`);
  const successor = new Map<string, string>();
  for (const c of changes) if (!successor.has(c.from_id)) successor.set(c.from_id, c.to_id);

  return {
    french, frenchPick: weighted(frWeights), foreign, foreignPick: weighted(fWeights), byCountry,
    funders, funderPick: weighted(funderWeights), waterFunders, created,
    themes, themePick: weighted(themes.map((t) => [t, THEME_WEIGHTS[t.id] ?? (t.id.includes('.') ? 1 : 0.3)])), successor,
  };
}
