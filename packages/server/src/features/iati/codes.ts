/** Tandem vocabularies ↔ IATI codelists, both ways. */
import { flattenThemes, iatiRoleOf, iatiStatusOf, projectStatuses, type OrganisationKind, type ParticipantRole, type ProjectStatus } from '@tandem/shared';

/** Organisation kind → IATI OrganisationType. */
export const orgTypeOfKind: Record<OrganisationKind, string> = {
  collectivite: '11', syndicate: '11', association: '22', ngo: '21', company: '70', university: '80', school: '80', hospital: '15',
  chamber: '15', agency: '10', ministry: '10', network: '90', foundation: '60', embassy: '10', international: '40', other: '90',
};

/** IATI OrganisationType → organisation kind, for organisations an import creates. */
export const kindOfOrgType: Record<string, OrganisationKind> = {
  '10': 'ministry', '11': 'collectivite', '15': 'agency', '21': 'ngo', '22': 'ngo', '23': 'ngo', '24': 'ngo', '30': 'other',
  '40': 'international', '60': 'foundation', '70': 'company', '71': 'company', '72': 'company', '73': 'company', '80': 'university', '90': 'other',
};

export const roleOfIati: Record<string, ParticipantRole> = Object.fromEntries(Object.entries(iatiRoleOf).map(([role, code]) => [code, role as ParticipantRole]));
export const statusOfIati: Record<string, ProjectStatus> = Object.fromEntries(projectStatuses.map((s) => [iatiStatusOf[s], s]));

export const resultTypeOfKind: Record<string, string> = { output: '1', outcome: '2', impact: '3' };
export const kindOfResultType: Record<string, string> = { '1': 'output', '2': 'outcome', '3': 'impact', '9': 'output' };

/** Link kind → IATI DocumentCategory. */
export const categoryOfLinkKind: Record<string, string> = { website: 'A12', document: 'A02', agreement: 'A09', report: 'A08', photo: 'A12', video: 'A12', article: 'A12' };
export function linkKindOfCategory(code: string | undefined, format: string | undefined): string {
  if (code === 'A07' || code === 'A08' || code === 'B01' || code === 'B06' || code === 'B07' || code === 'B09' || code === 'B10') return 'report';
  if (format === 'text/html' || code === 'A12' || code === 'B16' || code === 'B17' || code === 'B18') return 'website';
  return 'document';
}

export function formatOfUrl(url: string): string {
  const path = url.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.pdf')) return 'application/pdf';
  if (/\.docx?$/.test(path)) return path.endsWith('x') ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/msword';
  if (path.endsWith('.mp4')) return 'video/mp4';
  return 'text/html';
}

/** Measure names for result units (IATI IndicatorMeasure). */
export const unitOfMeasure: Record<string, string> = { '1': 'unités', '2': '%', '3': 'nominal', '4': 'ordinal', '5': 'qualitatif' };

const themes = flattenThemes();

/**
 * DAC 5-digit sector → the best theme: the deepest theme that lists the code; else the deepest theme with a code of
 * the same 3-digit DAC category; else none. Ties go to the first in the tree's order.
 */
export function themeOfDac(code: string): string | null {
  return best(themes.filter((t) => t.dac.includes(code))) ?? best(themes.filter((t) => t.dac.some((d) => d.slice(0, 3) === code.slice(0, 3))));
}

function best(list: typeof themes): string | null {
  let pick: (typeof themes)[number] | null = null;
  for (const t of list) if (!pick || t.level > pick.level) pick = t;
  return pick?.id ?? null;
}

const dacByTheme = new Map(themes.map((t) => [t.id, t.dac]));
/** The DAC codes of some themes, each once, in order. */
export function dacOfThemes(ids: string[]): string[] {
  return [...new Set(ids.flatMap((id) => dacByTheme.get(id) ?? []))];
}

/** n shares of 100 with two decimals that add up to exactly 100. */
export function shares(n: number): string[] {
  if (n === 0) return [];
  const cents = Math.floor(10000 / n);
  return Array.from({ length: n }, (_, i) => ((i === 0 ? 10000 - cents * (n - 1) : cents) / 100).toFixed(2).replace(/\.?0+$/, ''));
}
