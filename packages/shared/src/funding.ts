/**
 * Funding calls: the closed vocabularies (after the Aides-territoires catalogue) and the saved search of calls
 * (`callQuery`) that the list page, the "calls for my organisation" page, the digests and the feeds share.
 */
import { z } from 'zod';

/** Who may apply (Aides-territoires' beneficiaries, plus the actors of the field). */
export const callBeneficiaries = ['commune', 'epci', 'departement', 'region', 'syndicate', 'public_body', 'association', 'company', 'research', 'foreign_authority'] as const;
export const callAidTypes = ['grant', 'loan', 'repayable_advance', 'engineering', 'technical', 'other'] as const;
export const callSpending = ['operating', 'investment'] as const;
export const callStages = ['idea', 'design', 'implementation', 'evaluation'] as const;
export const callRecurrences = ['none', 'yearly', 'permanent'] as const;
export type CallBeneficiary = (typeof callBeneficiaries)[number];

/** A saved search of funding calls; every field optional, all arrays match any of their values. */
export const callQuery = z.object({
  q: z.string().trim().max(200).optional(),
  beneficiary: z.enum(callBeneficiaries).optional(),
  aidType: z.enum(callAidTypes).optional(),
  theme: z.string().trim().max(100).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code').optional(),
  /** open calls only (not closed, or recurring/permanent) — the default */
  open: z.enum(['1', '0']).default('1'),
});
export type CallQuery = z.infer<typeof callQuery>;

/** The kind of beneficiary an organisation applies as, from its kind and its territory's kind (null: none known). */
export function beneficiaryOf(orgKind: string, territoryKind: string | null, country: string | null): CallBeneficiary | null {
  if (orgKind === 'collectivite') {
    if (country && country !== 'FR') return 'foreign_authority';
    if (territoryKind === 'commune') return 'commune';
    if (territoryKind === 'epci') return 'epci';
    if (territoryKind === 'departement') return 'departement';
    if (territoryKind === 'region') return 'region';
    return null;
  }
  const map: Record<string, CallBeneficiary> = { syndicate: 'syndicate', association: 'association', ngo: 'association', network: 'association', company: 'company', university: 'research', agency: 'public_body', hospital: 'public_body', school: 'public_body', chamber: 'public_body' };
  return map[orgKind] ?? null;
}
