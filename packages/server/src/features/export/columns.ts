/**
 * CSV for people rather than programs: a choice of columns (in the order asked) and, with labels=fr|en|vi,
 * readable headers and values (statuses, kinds, themes) instead of codes.
 */
import { enumLabel, flattenThemes, type LabelLang as Lang } from '@tandem/shared';
import { ValidationError } from '../../lib/errors.js';

export interface CsvOptions { columns?: string[]; labels?: Lang }

type Header = Record<string, [fr: string, en: string]>;
const COMMON: Header = {
  id: ['Identifiant', 'Id'], title: ['Titre', 'Title'], kind: ['Type', 'Kind'], status: ['Statut', 'Status'], themes: ['Thèmes', 'Themes'],
  countries: ['Pays', 'Countries'], country: ['Pays', 'Country'], partnership_id: ['Partenariat (identifiant)', 'Partnership (id)'], name: ['Nom', 'Name'],
};
const HEADERS: Record<string, Header> = {
  partnerships: { started: ['Début', 'Start'], french_parties: ['Collectivités françaises', 'French parties'], foreign_parties: ['Partenaires étrangers', 'Foreign parties'],
    agreements: ['Nombre d’accords', 'Agreements'], first_agreement_signed: ['Premier accord signé', 'First agreement signed'] },
  projects: { start: ['Début', 'Start'], end: ['Fin', 'End'], places: ['Lieux', 'Places'], lead: ['Chef de file', 'Lead'], budget_amount: ['Budget', 'Budget'],
    budget_currency: ['Devise du budget', 'Budget currency'], funders: ['Financeurs', 'Funders'] },
  funding: { project_id: ['Projet (identifiant)', 'Project (id)'], project_title: ['Projet', 'Project'], funder_id: ['Financeur (identifiant)', 'Funder (id)'],
    funder: ['Financeur', 'Funder'], amount: ['Montant', 'Amount'], currency: ['Devise', 'Currency'], year: ['Année', 'Year'], kind: ['Nature', 'Kind'] },
  organisations: { acronyms: ['Sigles', 'Acronyms'], aliases: ['Autres noms', 'Other names'], territory_id: ['Territoire (identifiant)', 'Territory (id)'],
    territory: ['Territoire', 'Territory'], website: ['Site web', 'Website'] },
  missions: { direction: ['Sens', 'Direction'], from: ['Du', 'From'], to: ['Au', 'To'], place: ['Lieu', 'Place'], organisations: ['Acteurs', 'Organisations'] },
  territories: { name_fr: ['Nom français', 'French name'], name_en: ['Nom anglais', 'English name'], name_vi: ['Nom vietnamien', 'Vietnamese name'],
    parent_id: ['Parent (identifiant)', 'Parent (id)'], valid_from: ['Valide depuis', 'Valid from'], valid_to: ['Valide jusqu’au', 'Valid to'], codes: ['Codes', 'Codes'] },
  results: { subtitle: ['Précision', 'Detail'], url: ['Adresse', 'Address'] },
  indicators: { territory_id: ['Territoire (identifiant)', 'Territory (id)'], territory: ['Territoire', 'Territory'], indicator: ['Indicateur', 'Indicator'],
    year: ['Année', 'Year'], value: ['Valeur', 'Value'], unit: ['Unité', 'Unit'], source: ['Source', 'Source'] },
};

const themes = new Map(flattenThemes().map((t) => [t.id, t.labels]));

/** Which label group (shared/src/labels.ts, the pages' own labels) names a column's values, per kind. */
function valueLabeller(kind: string, column: string, lang: Lang): ((v: unknown) => unknown) | null {
  const group = column === 'status' || column === 'direction' ? 'status'
    : column === 'kind' ? ({ partnerships: 'partnershipKind', organisations: 'orgKind', territories: 'territoryKind', funding: 'fundingKind', results: 'kind' } as Record<string, string>)[kind] : undefined;
  if (group) return (v) => (typeof v === 'string' ? enumLabel(lang, group, v) : v);
  if (column === 'themes') return (v) => (Array.isArray(v) ? v.map((id) => themes.get(id)?.[lang] ?? id) : v);
  return null;
}

/** The header and a row mapper for the chosen columns and labels; unknown columns are a 400 naming the allowed ones. */
export function csvPlan(kind: string, header: string[], opts: CsvOptions = {}) {
  const columns = opts.columns?.length ? opts.columns : header;
  const unknown = columns.filter((c) => !header.includes(c));
  if (unknown.length) throw new ValidationError([{ path: 'columns', message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ${kind} has ${header.join(', ')}` }]);
  const idx = columns.map((c) => header.indexOf(c));
  const lang = opts.labels;
  const label = (c: string) => {
    const h = HEADERS[kind]?.[c] ?? COMMON[c];
    return !lang || !h ? c : lang === 'fr' ? h[0] : h[1];
  };
  const mappers = columns.map((c) => (lang ? valueLabeller(kind, c, lang) : null));
  return {
    header: columns.map(label),
    row: (values: unknown[]) => idx.map((i, j) => (mappers[j] ? mappers[j]!(values[i]) : values[i])),
  };
}
