/** What the mapping makes of one <iati-activity>, before it meets the database. */
import type { PartialDate, ParticipantRole, ProjectStatus } from '@tandem/shared';
import type { IatiExtra } from '../export.activity.js';

/** The IATI validator's levels: critical = the activity cannot be imported faithfully (it is invalid); error = a rule is
 *  broken and Tandem used a default or left the element out; warning = imported, worth a look. */
export type Level = 'critical' | 'error' | 'warning';
export interface Problem { level: Level; line: number; activity?: string; message: string }

export interface OrgMention { ref?: string; name?: string; type?: string }

export interface FundingIn {
  amount: string; currency: string; year: number | null; kind: 'committed' | 'disbursed' | 'budgeted'; note: string | null;
  element: 'budget' | 'transaction' | 'planned-disbursement'; type: string | null; onDate: string | null; endDate: string | null;
  funder: OrgMention | null;
}

export interface ActivityIn {
  identifier: string; line: number;
  title: string; description: string | null; status: ProjectStatus;
  start: PartialDate | null; end: PartialDate | null;
  themes: string[]; countries: string[];
  budget: { amount: string; currency: string } | null;
  reporting: OrgMention | null;
  participants: Array<OrgMention & { role: ParticipantRole }>;
  funding: FundingIn[];
  results: Array<{ label: string; value: number; unit: string; year: number | null; kind: string }>;
  links: Array<{ url: string; title: string | null; kind: string }>;
  extra: IatiExtra;
  problems: Problem[];
}

export const invalid = (a: ActivityIn) => a.problems.some((p) => p.level === 'critical');
