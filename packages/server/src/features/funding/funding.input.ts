/** The funding call a write sends (camelCase), checked field by field: a 400 names the field. */
import { z } from 'zod';
import { callAidTypes, callBeneficiaries, callRecurrences, callSpending, callStages, webUrlSchema } from '@tandem/shared';

const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)) && v >= '1900-01-01' && v <= '2200-12-31', 'a real day between 1900 and 2200');
const short = (max: number) => z.string().trim().min(1).max(max);
const percent = z.number().min(0).max(100);
const amount = z.number().min(0).max(1e13);
const list = <T extends z.ZodType>(item: T, max = 30) => z.array(item).max(max).default([]);

export const callInput = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'lower-case letters, digits and dashes').optional(),
  title: short(300),
  summary: z.string().trim().max(2000).nullable().optional(),
  bodyMd: z.string().max(20000).nullable().optional(),
  url: webUrlSchema.nullable().optional(),
  beneficiaries: list(z.enum(callBeneficiaries)),
  aidTypes: list(z.enum(callAidTypes)),
  spending: list(z.enum(callSpending)),
  stages: list(z.enum(callStages)),
  themes: list(z.string().regex(/^[a-z0-9.-]{1,100}$/, 'a theme id')),
  areaTerritoryId: z.string().min(1).max(300).nullable().optional(),
  partnerCountries: list(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code'), 250),
  minGroupSize: z.number().int().min(1).max(1000).nullable().optional(),
  opensOn: day.nullable().optional(),
  predepositOn: day.nullable().optional(),
  closesOn: day.nullable().optional(),
  recurrence: z.enum(callRecurrences).default('none'),
  recurrenceNote: z.string().trim().max(500).nullable().optional(),
  rateMin: percent.nullable().optional(),
  rateMax: percent.nullable().optional(),
  amountMin: amount.nullable().optional(),
  amountMax: amount.nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code').default('EUR'),
  requiredDocuments: list(short(300)),
  sourceUrl: webUrlSchema.nullable().optional(),
  funders: list(z.string().min(1).max(300), 20),
  instructors: list(z.string().min(1).max(300), 20),
  /** the version read (updates) */
  version: z.number().int().min(1).max(2147483647).optional(),
}).superRefine((v, ctx) => {
  if (v.opensOn && v.closesOn && v.closesOn < v.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'closes before it opens' });
  if (v.predepositOn && v.closesOn && v.closesOn < v.predepositOn) ctx.addIssue({ code: 'custom', path: ['predepositOn'], message: 'the pre-deposit comes after the closing' });
  if (v.rateMin != null && v.rateMax != null && v.rateMax < v.rateMin) ctx.addIssue({ code: 'custom', path: ['rateMax'], message: 'below rateMin' });
  if (v.amountMin != null && v.amountMax != null && v.amountMax < v.amountMin) ctx.addIssue({ code: 'custom', path: ['amountMax'], message: 'below amountMin' });
});
export type CallInput = z.infer<typeof callInput>;

export const fitQuery = z.object({ today: day.optional() });
