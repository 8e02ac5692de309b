/**
 * What the server page and the browser script (client/import.ts) both need to show an import report the same
 * way: the counts in display order, sizes in kB / MB, problems sorted by level then line. No Node or DOM imports.
 */
export type Level = 'critical' | 'error' | 'warning';
export interface ReportProblem { level: Level; line: number; activity?: string; message: string }
/** The fields of the import report (features/iati/import/service.ts) the page shows. */
export interface ReportData {
  version: string | null; bytes: number; ms: number;
  activities: number; imported: number; created: number; updated: number; skipped: number;
  budgets: number; plannedDisbursements: number; transactions: number; results: number; organisationsCreated: number;
  problemCounts: Record<Level, number>; problems: ReportProblem[];
}

export const COUNTS = ['version', 'activities', 'imported', 'created', 'updated', 'skipped', 'transactions', 'budgets',
  'plannedDisbursements', 'results', 'organisationsCreated', 'bytes', 'ms'] as const;
export type CountField = (typeof COUNTS)[number];

/** The message templates a count is shown with (keys under admin.import.). */
export interface Units { kb: string; mb: string; seconds: string }
type Num = (n: number, digits?: number) => string;
const fill = (template: string, n: string) => template.replace('{n}', n);

export function formatSize(bytes: number, num: Num, u: Units): string {
  // from 1,000 ko on, Mo: never "1 004 ko"
  return bytes >= 999.5 * 1024 ? fill(u.mb, num(bytes / (1 << 20), 1)) : fill(u.kb, num(Math.max(1, Math.round(bytes / 1024)), 0));
}

export function formatCount(r: ReportData, field: CountField, num: Num, u: Units): string {
  if (field === 'version') return r.version ?? '—';
  if (field === 'bytes') return formatSize(r.bytes, num, u);
  if (field === 'ms') return fill(u.seconds, num(r.ms / 1000, 1));
  return num(r[field]);
}

const RANK: Record<Level, number> = { critical: 0, error: 1, warning: 2 };
export const sortProblems = (problems: ReportProblem[]) => [...problems].sort((a, b) => RANK[a.level] - RANK[b.level] || a.line - b.line);
export const problemTotal = (r: ReportData) => r.problemCounts.critical + r.problemCounts.error + r.problemCounts.warning;

/** "line 12: the XML is broken…" → "the XML is broken…" (the page states the line on its own). */
export const withoutLine = (message: string) => message.replace(/^line \d+: /, '');
