/** The names Tandem knows (issue 16): countries, France's COG, Vietnam 63→34, seed and database organisations, a token index. */
import { fold, foldedWords } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { cogCommunes, cogEpcis, epciId } from '../../db/seed/reference/cog.js';
import { countryCodes } from '../../db/seed/reference/countries.js';
import { readPackageJson } from '../../db/seed/reference/files.js';
import { franceUnitRows } from '../../db/seed/reference/france.js';
import { newProvinceRows, newProvinces, oldProvinceRows, oldProvinces, provinceMapping } from '../../db/seed/reference/vietnam.js';
import { commonOrganisations, commonTerritories } from '../../db/seed/documents/common.js';
import { d000 } from '../../db/seed/documents/d000-seine-saint-denis-hai-duong.js';
import { d001 } from '../../db/seed/documents/d001-assises-chronologie.js';
import { d002 } from '../../db/seed/documents/d002-restitution-12e-assises.js';
import { d003 } from '../../db/seed/documents/d003-cergy-hue.js';
import { d004 } from '../../db/seed/documents/d004-lianes-hauts-de-france.js';
import { CURATED_ORGS } from './gazetteer.orgs.js';
import type { GazetteerEntry } from './types.js';
import { EXTRA_CITIES, EXTRA_PLACES } from './gazetteer.places.js';

/** An entry with the forms as written (for the capital-letter checks) and, for an authority, its territory. */
export interface GazEntry extends GazetteerEntry { written: string[]; territoryId?: string }

export interface Gazetteer {
  entries: GazEntry[];
  /** folded key ("hai duong") → indexes into entries, territories and organisations apart. */
  territories: Map<string, number[]>;
  organisations: Map<string, number[]>;
  /** keys that were written in capitals (acronyms): the text must write them in capitals too. */
  strict: Set<string>;
  /** the longest key, in tokens. */
  maxTokens: number;
  /** territory id → entry index. */
  byId: Map<string, number>;
  /** French demonyms, folded → alpha-2 ("marocaine" → MA). */
  demonyms: Map<string, string>;
}

/** The folded-token key of a form: "Province de’Hai Duong" → "province de hai duong". */
export const keyOf = (form: string) => foldedWords(form).join(' ');

/** Commune names that are also common words or first names: only with a place context. */
const COMMON_WORD_COMMUNES = new Set(['orange', 'tours', 'nice', 'vienne', 'sete', 'sens', 'lens', 'laval', 'grasse', 'tulle', 'agde', 'dole',
  'foix', 'gap', 'auch', 'vire', 'conde', 'bourg', 'thiers', 'cognac', 'nancy', 'albert', 'mer', 'rue', 'eu', 'plus', 'bar', 'charite', 'mende',
  'riom', 'vitre', 'cluses', 'salon', 'evian', 'vanves', 'sceaux', 'bondy', 'pierre', 'martin', 'florence', 'marie', 'paul', 'louis', 'valence',
  'aire', 'ville', 'vals', 'val', 'saintes', 'montagne', 'roche', 'signes', 'sainte', 'saint', 'centre', 'port', 'lure', 'loches', 'brest',
  'moulins', 'pont', 'ham', 'is', 'mars', 'mai', 'juillet', 'union', 'europe', 'avril', 'belle', 'bains', 'gap', 'drap', 'contes', 'levens',
  'grans', 'noves', 'falaise', 'ifs', 'monts', 'rives', 'vif', 'gorges', 'villars', 'vallet', 'marly', 'croix', 'hem', 'loos', 'santes', 'arques',
  'avion', 'marck', 'gan', 'lons', 'anse', 'bron', 'buc', 'isle', 'lisses', 'crest', 'condom', 'salles', 'grenade', 'bruges', 'revel', 'roques',
  'fronton', 'plaisir', 'provins', 'avon', 'melle', 'lure', 'gray', 'apt', 'passy', 'viry', 'sada', 'ducos', 'mana', 'goyave', 'mare', 'uvea',
  'arue', 'pia', 'vias', 'trets', 'royan', 'pau', 'lourdes', 'creil', 'flers', 'dieppe', 'sevran']);
/** Single-word départements that are also rivers or common words. */
const AMBIGUOUS_DEPTS = new Set(['nord', 'manche', 'lot', 'var', 'ain', 'cher', 'eure', 'orne', 'aude', 'loire', 'marne', 'oise', 'meuse', 'somme',
  'doubs', 'tarn', 'creuse', 'vienne', 'charente', 'gard', 'indre', 'aisne', 'allier', 'yonne', 'gers', 'jura', 'loiret', 'sarthe', 'mayenne']);
/** Communes under this population need a place context. */
const SMALL_COMMUNE = 5000;
const COUNTRY_ALIASES: Record<string, string[]> = {
  VN: ['Viêt Nam', 'Viet Nam', 'Việt Nam', 'Viêt-Nam', 'Vietnam'], KR: ['Corée du Sud', 'République de Corée'], KP: ['Corée du Nord'],
  CD: ['République démocratique du Congo', 'RDC', 'RD Congo'], CG: ['Congo-Brazzaville', 'République du Congo'],
  CI: ['Côte d’Ivoire', "Côte d'Ivoire", 'Cote d’Ivoire'], US: ['États-Unis', 'Etats-Unis', 'USA'], GB: ['Royaume-Uni', 'Grande-Bretagne', 'Angleterre'],
  PS: ['Palestine', 'Territoires palestiniens'], TZ: ['Tanzanie'], CZ: ['République tchèque', 'Tchéquie'], MM: ['Birmanie', 'Myanmar'],
  CV: ['Cap-Vert', 'Cabo Verde'], MK: ['Macédoine du Nord', 'Macédoine'], LA: ['Laos', 'RDP lao'], NL: ['Pays-Bas', 'Hollande'],
  CF: ['Centrafrique', 'République centrafricaine'], DO: ['République dominicaine'], BA: ['Bosnie-Herzégovine', 'Bosnie'],
};
/** Alpha-2 codes are not names; short English or Vietnamese names are left out except these. */
const WEIGHT = { country: 1e9, region: 1e8, departement: 5e7, province: 2e7, capital: 3e6, epci: 1e5, org: 1e6 };

/** A type word alone ("Département", "la Région") names no one in particular. */
const BARE_TYPE = /^(?:(?:le|la|l['’])\s*)?(?:département|région|ville|mairie|commune|province|métropole|agglomération|conseil|comité|association|syndicat)$/i;
/** Short or usual names of régions. */
const REGION_ALIASES: Record<string, string[]> = {
  'FR-R-93': ['PACA', 'Région Sud', 'Provence-Alpes-Côte d’Azur'], 'FR-R-84': ['AURA', 'Rhône-Alpes-Auvergne'],
  'FR-R-27': ['BFC'], 'FR-R-44': ['Région Grand Est'], 'FR-R-24': ['Centre-Val-de-Loire', 'Région Centre'],
};
/** Places often named that are not in the reference files: parts of a country. */

function builder() {
  const entries: GazEntry[] = [];
  const add = (e: Omit<GazEntry, 'forms' | 'written'>, written: Array<string | null | undefined>) => {
    const w = [...new Set(written.filter((f): f is string => !!f && f.trim().length > 1 && !BARE_TYPE.test(f.trim())))];
    entries.push({ ...e, written: w, forms: [...new Set(w.map(keyOf).filter(Boolean))] });
  };
  return { entries, add };
}

type Add = ReturnType<typeof builder>['add'];

function addCountries(add: Add) {
  const lib = countryCodes();
  for (const a2 of Object.keys(lib.getAlpha2Codes())) {
    const fr = lib.getName(a2, 'fr') as string;
    const frAll = (lib.getName(a2, 'fr', { select: 'all' }) as string[] | undefined) ?? [];
    const en = ((lib.getName(a2, 'en', { select: 'all' }) as string[] | undefined) ?? []).filter((n) => n.length > 3);
    const vi = a2 === 'VN' ? ['Việt Nam'] : [];
    add({ type: 'territory', name: fr, id: a2, country: a2, kind: 'country', weight: WEIGHT.country },
      [fr, ...frAll, ...en, ...vi, ...(COUNTRY_ALIASES[a2] ?? [])]);
  }
}

type WorldCountry = { cca2: string; capital?: string[]; demonyms?: { fra?: { f: string; m: string } } };
const worldCountries = () => readPackageJson<WorldCountry[]>('world-countries/countries.json');

function addCapitals(add: Add) {
  for (const c of worldCountries()) for (const cap of c.capital ?? []) add({ type: 'territory', name: cap, country: c.cca2, kind: 'city', weight: WEIGHT.capital }, [cap]);
}

/** French demonyms, folded, singular and plural ("marocaine", "vietnamiens") → alpha-2; France's left out. */
function demonyms(): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of worldCountries()) {
    const d = c.demonyms?.fra;
    if (!d || c.cca2 === 'FR') continue;
    for (const w of [d.f, d.m].filter((x) => x.length > 3)) for (const form of [w, `${w}s`]) if (!out.has(fold(form))) out.set(fold(form), c.cca2);
  }
  return out;
}

/** The régions before 2016 (still written in histories): name → the current région's code. */
const FORMER_REGIONS: Record<string, string> = {
  'Alsace': '44', 'Aquitaine': '75', 'Auvergne': '84', 'Basse-Normandie': '28', 'Bourgogne': '27', 'Champagne-Ardenne': '44',
  'Franche-Comté': '27', 'Haute-Normandie': '28', 'Languedoc-Roussillon': '76', 'Limousin': '75', 'Lorraine': '44', 'Midi-Pyrénées': '76',
  'Nord-Pas-de-Calais': '32', 'Picardie': '32', 'Poitou-Charentes': '75', 'Rhône-Alpes': '84', 'Centre': '24',
};

function addExtraPlaces(add: Add) {
  for (const [name, country, aliases] of EXTRA_PLACES) add({ type: 'territory', name, country, kind: 'region', weight: WEIGHT.epci }, [name, ...aliases]);
  for (const [name, country, aliases, ambiguous] of EXTRA_CITIES) add({ type: 'territory', name, country, kind: 'city', weight: WEIGHT.epci, ...(ambiguous ? { ambiguous } : {}) }, [name, ...aliases]);
}

function addFormerRegions(add: Add) {
  for (const [name, code] of Object.entries(FORMER_REGIONS)) {
    add({ type: 'territory', name, country: 'FR', kind: 'former-region', weight: WEIGHT.departement, ambiguous: name === 'Centre',
      territoryId: `FR-R-${code}` }, [name, name.replace(/-/g, ' ')]);
  }
}

function addFrance(add: Add) {
  for (const r of franceUnitRows()) {
    const single = !/[\s-]/.test(r.name);
    const kind = r.kind;
    const weight = kind === 'region' ? WEIGHT.region : WEIGHT.departement;
    add({ type: 'territory', name: r.name, id: r.id, country: 'FR', kind, weight,
      ambiguous: kind === 'departement' && single && AMBIGUOUS_DEPTS.has(fold(r.name)) },
    [r.name, r.name.replace(/-/g, ' '), r.name.replace(/'/g, '’'), ...(REGION_ALIASES[r.id] ?? [])]);
  }
  for (const c of cogCommunes()) {
    const pop = c.population ?? 0;
    add({ type: 'territory', name: c.nom, id: `FR-C-${c.code}`, country: 'FR', kind: 'commune', weight: pop,
      ambiguous: pop < SMALL_COMMUNE || COMMON_WORD_COMMUNES.has(fold(c.nom)) }, [c.nom]);
  }
  for (const e of cogEpcis()) {
    const m = /^(?:CA|CU|Métropole)\s+(?:de la |de l'|du |des |de |d')(.+)$/.exec(e.nom);
    if (m && /[\s-]/.test(m[1]) && !/^(?:du|de|des)\b/i.test(m[1])) {
      add({ type: 'territory', name: m[1], id: epciId(e.code), country: 'FR', kind: 'epci', weight: WEIGHT.epci }, [m[1]]);
    }
  }
}

function addVietnam(add: Add) {
  const old = oldProvinceRows(oldProvinces(), new Map());
  const current = newProvinceRows(newProvinces(), provinceMapping(), new Map());
  for (const [rows, w] of [[current, WEIGHT.province * 1.1], [old, WEIGHT.province]] as const) {
    for (const r of rows) {
      add({ type: 'territory', name: r.name, id: r.id, country: 'VN', kind: r.kind, weight: w },
        [r.name, ...Object.values(r.names), ...r.aliases]);
    }
  }
}

type OrgDraft = { id?: string; kind: string; name: string; acronyms?: string[]; aliases?: string[]; names?: Record<string, string>; country?: string | null; territoryId?: string | null };
type TerrDraft = { id?: string; kind: string; name: string; aliases?: string[]; names?: Record<string, string>; country: string };

/** An alias that is only a type word (« Département », « la Ville ») names a record on its own page only, never on another. */
const GENERIC = /^(?:(?:le|la|les|l['’])\s*)?(?:département|région|ville|commune|mairie|province|préfecture|métropole|agglomération|collectivité|conseil (?:départemental|régional|général|municipal)|comité populaire)$/i;
const specific = (forms: string[]) => forms.filter((f) => !GENERIC.test(f.trim()));

function addOrg(add: Add, o: OrgDraft, weight = WEIGHT.org) {
  add({ type: 'organisation', name: o.name, id: o.id, kind: o.kind, country: o.country ?? undefined, territoryId: o.territoryId ?? undefined,
    acronym: o.acronyms?.[0], weight }, specific([o.name, ...(o.acronyms ?? []), ...(o.aliases ?? []), ...Object.values(o.names ?? {})]));
}

function addTerritory(add: Add, t: TerrDraft) {
  add({ type: 'territory', name: t.name, id: t.id, country: t.country, kind: t.kind, weight: WEIGHT.province * 1.2 },
    specific([t.name, ...(t.aliases ?? []), ...Object.values(t.names ?? {})]));
}

function addSeed(add: Add) {
  const docs = [d000, d001, d002, d003, d004];
  for (const t of [...commonTerritories, ...docs.flatMap((d) => d.territories)]) addTerritory(add, t as TerrDraft);
  for (const o of [...commonOrganisations, ...docs.flatMap((d) => d.organisations)]) addOrg(add, o as OrgDraft, WEIGHT.org * 2);
}

async function addDb(add: Add, db: Db) {
  const orgs = await db.query<OrgDraft & { territory_id: string | null }>('select id, name, acronyms, aliases, kind, country, territory_id from organisation');
  for (const o of orgs) addOrg(add, { ...o, territoryId: o.territory_id }, WEIGHT.org * 3);
  const terrs = await db.query<TerrDraft>("select id, name, aliases, kind, country from territory where kind not in ('commune', 'country', 'region', 'departement', 'epci')");
  for (const t of terrs) addTerritory(add, t);
}

/** An acronym as written: capitals and digits, at least two capitals ("CD93", "CCI 93", "pS-Eau" is not one). */
export const isAcronym = (s: string) => /^[A-Z0-9][A-Z0-9&\s-]{1,10}$/.test(s) && (s.match(/[A-Z]/g)?.length ?? 0) >= 2;

export function buildIndex(entries: GazEntry[]): Gazetteer {
  const territories = new Map<string, number[]>();
  const organisations = new Map<string, number[]>();
  const strict = new Set<string>();
  const byId = new Map<string, number>();
  let maxTokens = 1;
  entries.forEach((e, i) => {
    const map = e.type === 'territory' ? territories : organisations;
    if (e.id && e.type === 'territory' && !byId.has(e.id)) byId.set(e.id, i);
    for (const f of e.forms) {
      const list = map.get(f);
      if (!list) map.set(f, [i]); else if (!list.includes(i)) list.push(i);
      maxTokens = Math.max(maxTokens, f.split(' ').length);
    }
    for (const w of e.written) if (isAcronym(w)) strict.add(keyOf(w));
  });
  // a key written in capitals somewhere and as a word elsewhere ("Nice", "NICE") is only strict if never a word form
  for (const e of entries) for (const w of e.written) if (!isAcronym(w) && w !== w.toUpperCase()) strict.delete(keyOf(w));
  return { entries, territories, organisations, strict, maxTokens: Math.min(maxTokens, 16), byId, demonyms: demonyms() };
}

let base: GazEntry[] | undefined;

function baseEntries(seed: boolean): GazEntry[] {
  const { entries, add } = builder();
  addCountries(add);
  addFrance(add);
  addVietnam(add);
  addCapitals(add);
  addFormerRegions(add);
  addExtraPlaces(add);
  for (const o of CURATED_ORGS) addOrg(add, o);
  if (seed) addSeed(add);
  return entries;
}

const cache = new Map<boolean, Gazetteer>();
/** With a database: one gazetteer per Db, dropped when this process writes through it. */
const dbCache = new WeakMap<Db, Promise<Gazetteer>>();
const watched = new WeakSet<Db>();

/**
 * From the reference data files (countries, France's COG, Vietnam 63→34, capitals), a curated list of the field's
 * organisations, the seed documents' records (unless seed: false) and, given a database, its organisations and territories.
 * Cached: for the process without a database, per database until this process writes through it.
 */
export async function loadGazetteer(opts: { db?: Db; seed?: boolean } = {}): Promise<Gazetteer> {
  const seed = opts.seed ?? true;
  if (!opts.db) {
    const hit = cache.get(seed);
    if (hit) return hit;
    const gaz = buildIndex(baseEntries(seed));
    cache.set(seed, gaz);
    return gaz;
  }
  const db = opts.db;
  const hit = dbCache.get(db);
  if (hit) return hit;
  if (!watched.has(db)) { watched.add(db); db.onWrite(() => dbCache.delete(db)); }
  const built = (async () => {
    base ??= baseEntries(true);
    const { entries, add } = builder();
    await addDb(add, db);
    return buildIndex([...base, ...entries]);
  })();
  dbCache.set(db, built);
  built.catch(() => dbCache.delete(db));
  return built;
}
