import type { MissionDraft, OrganisationDraft, PartnershipDraft, ProjectDraft, TerritoryDraft } from '@tandem/shared';

export interface IndicatorDraft {
  territoryId: string;
  /** population | area_km2 | life_expectancy | unemployment_rate | literacy_rate | hdi | … */
  indicator: string;
  year: number;
  value: number;
  unit?: string;
  source: string;
}

export interface TerritoryChangeDraft { fromId: string; toId: string; kind: 'merged_into' | 'renamed_to' | 'split_from' | 'absorbed' | 'continued_as'; onDate: string; note?: string }

/** Everything one source document states, as records with explicit ids. */
export interface SeedDocument {
  source: { id: string; title: string; filename: string; url?: string; publishedOn?: string };
  territories: TerritoryDraft[];
  territoryChanges?: TerritoryChangeDraft[];
  organisations: OrganisationDraft[];
  partnerships: PartnershipDraft[];
  projects: ProjectDraft[];
  missions: MissionDraft[];
  indicators: IndicatorDraft[];
}
