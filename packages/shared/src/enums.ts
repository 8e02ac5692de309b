/** Closed vocabularies of the domain. Labels live in the i18n catalogues, keyed by these values. */
export const territoryKinds = ['country', 'region', 'departement', 'commune', 'epci', 'province', 'city', 'oblast', 'district', 'village', 'other'] as const;
export const organisationKinds = ['collectivite', 'association', 'ngo', 'company', 'university', 'school', 'hospital', 'chamber', 'agency', 'ministry', 'network', 'syndicate', 'foundation', 'embassy', 'international', 'other'] as const;
export const partnershipKinds = ['cooperation', 'twinning', 'friendship', 'project_partnership'] as const;
export const partnershipStatuses = ['planned', 'active', 'dormant', 'ended'] as const;
export const partySides = ['fr', 'foreign', 'other'] as const;
export const agreementKinds = ['convention', 'protocole', 'protocole_d_entente', 'mou', 'avenant', 'other'] as const;
/** IATI ActivityStatus 1–6. */
export const projectStatuses = ['pipeline', 'implementation', 'finalisation', 'closed', 'cancelled', 'suspended'] as const;
/** Roles an account holds: member of an organisation, administrator of a network, platform administrator. */
export const accountRoles = ['member', 'network_admin', 'platform_admin'] as const;
export type AccountRole = (typeof accountRoles)[number];
export const participantRoles = ['lead', 'operational', 'financial', 'technical'] as const;
export const fundingKinds = ['committed', 'disbursed', 'budgeted'] as const;
export const resultKinds = ['output', 'outcome', 'impact'] as const;
export const missionDirections = ['incoming', 'outgoing'] as const;
export const linkKinds = ['website', 'document', 'agreement', 'report', 'photo', 'video', 'article'] as const;
/** continued_as: a unit that a reform kept unchanged, carried over to the new set (Vietnam 2025). */
export const territoryChangeKinds = ['merged_into', 'renamed_to', 'split_from', 'absorbed', 'continued_as'] as const;
export const recordKinds = ['territory', 'organisation', 'partnership', 'project', 'mission', 'event'] as const;
/** How search results are ordered: relevance, most recent year first, largest amount first. */
export const searchSorts = ['relevance', 'date', 'amount'] as const;
/** The status values each record kind has (a mission's is its direction, a territory's whether it is current). */
export const statusesByKind = {
  partnership: partnershipStatuses, project: projectStatuses, mission: missionDirections, territory: ['current', 'historical'],
} as const;

export type TerritoryKind = (typeof territoryKinds)[number];
export type OrganisationKind = (typeof organisationKinds)[number];
export type PartnershipKind = (typeof partnershipKinds)[number];
export type ProjectStatus = (typeof projectStatuses)[number];
export type ParticipantRole = (typeof participantRoles)[number];
export type RecordKind = (typeof recordKinds)[number];
export type SearchSort = (typeof searchSorts)[number];

/** Participating-organisation roles → IATI OrganisationRole codes (1 Funding, 2 Accountable, 3 Extending, 4 Implementing). */
export const iatiRoleOf: Record<ParticipantRole, '1' | '2' | '3' | '4'> = { financial: '1', lead: '2', technical: '3', operational: '4' };
/** Project status → IATI ActivityStatus code. */
export const iatiStatusOf: Record<ProjectStatus, string> = { pipeline: '1', implementation: '2', finalisation: '3', closed: '4', cancelled: '5', suspended: '6' };
