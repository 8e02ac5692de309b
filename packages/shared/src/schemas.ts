/** Request schemas shared by the API (validation + OpenAPI) and, later, the web forms. */
import { z } from 'zod';
import * as E from './enums.js';
import { PARTIAL_DATE_RE, isPartialDate } from './partial-date.js';
import { parseAmount } from './money.js';
import { webUrlSchema } from './url.js';
import { INT4_MAX } from './input-rules.js';

export const idSchema = z.string().min(1).max(120).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" or "-"');
export const partialDateSchema = z.string().regex(PARTIAL_DATE_RE, 'YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isPartialDate, 'not a real date').meta({ description: 'ISO 8601 date, possibly partial: 2006, 2006-05, 2006-05-17' });
export const amountSchema = z.union([z.number(), z.string()])
  .refine((v) => { try { parseAmount(v); return true; } catch { return false; } }, 'not an amount')
  .transform((v) => parseAmount(v)).meta({ description: 'exact decimal amount, e.g. 80000 or "80000.50"' });
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR');
/** Every web address field: http(s) only (url.ts, the one rule). */
export const urlSchema = webUrlSchema;
const text = (max = 500) => z.string().trim().min(1).max(max);
const names = z.object({ fr: z.string().optional(), en: z.string().optional(), vi: z.string().optional(), local: z.string().optional() });
const yearSchema = z.number().int().min(1800).max(2200);
export const versionSchema = z.number().int().min(1).max(INT4_MAX).meta({ description: 'the version you read; a stale one gets 409' });

export const territoryInput = z.object({
  id: idSchema.optional(),
  kind: z.enum(E.territoryKinds),
  name: text(200),
  names: names.default({}),
  aliases: z.array(text(200)).max(50).default([]),
  codes: z.record(z.string(), z.string()).default({}),
  parentId: idSchema.nullable().optional(),
  country: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  validFrom: z.iso.date().nullable().optional(),
  validTo: z.iso.date().nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
});

export const organisationInput = z.object({
  id: idSchema.optional(),
  kind: z.enum(E.organisationKinds),
  name: text(300),
  names: names.default({}),
  acronyms: z.array(text(40)).max(20).default([]),
  aliases: z.array(text(300)).max(50).default([]),
  territoryId: idSchema.nullable().optional(),
  country: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  website: urlSchema.nullable().optional(),
  iatiRef: z.string().max(100).nullable().optional(),
  description: z.string().max(20000).nullable().optional(),
});

export const linkInput = z.object({ url: urlSchema, title: z.string().max(300).nullable().optional(), kind: z.enum(E.linkKinds).default('website') });

export const agreementInput = z.object({
  id: idSchema.optional(),
  kind: z.enum(E.agreementKinds),
  title: z.string().max(300).nullable().optional(),
  signed: partialDateSchema.nullable().optional(),
  place: z.string().max(200).nullable().optional(),
  durationMonths: z.number().int().min(1).max(1200).nullable().optional(),
  renewsAgreementId: idSchema.nullable().optional(),
  documentUrl: urlSchema.nullable().optional(),
  axes: z.array(text(300)).max(30).default([]),
  summary: z.string().max(20000).nullable().optional(),
});

export const partnershipInput = z.object({
  id: idSchema.optional(),
  title: text(300),
  kind: z.enum(E.partnershipKinds),
  status: z.enum(E.partnershipStatuses).default('active'),
  summary: z.string().max(20000).nullable().optional(),
  started: partialDateSchema.nullable().optional(),
  ended: partialDateSchema.nullable().optional(),
  themes: z.array(idSchema).max(30).default([]),
  parties: z.array(z.object({ organisationId: idSchema, side: z.enum(E.partySides) })).min(2, 'a partnership has at least two parties').max(50),
  agreements: z.array(agreementInput).max(100).default([]),
  links: z.array(linkInput).max(100).default([]),
});


export const fundingLineInput = z.object({
  funderId: idSchema.nullable().optional(),
  amount: amountSchema,
  currency: currencySchema.default('EUR'),
  year: yearSchema.nullable().optional(),
  kind: z.enum(E.fundingKinds).default('committed'),
  note: z.string().max(500).nullable().optional(),
});

export const resultInput = z.object({
  label: text(300),
  value: z.number().finite(),
  unit: text(100),
  year: yearSchema.nullable().optional(),
  kind: z.enum(E.resultKinds).default('output'),
});

export const projectInput = z.object({
  id: idSchema.optional(),
  partnershipId: idSchema.nullable().optional(),
  title: text(300),
  description: z.string().max(50000).nullable().optional(),
  status: z.enum(E.projectStatuses).default('implementation'),
  start: partialDateSchema.nullable().optional(),
  end: partialDateSchema.nullable().optional(),
  themes: z.array(idSchema).max(30).default([]),
  budget: z.object({ amount: amountSchema, currency: currencySchema.default('EUR') }).nullable().optional(),
  places: z.array(idSchema).max(200).default([]),
  participants: z.array(z.object({ organisationId: idSchema, role: z.enum(E.participantRoles) })).max(200).default([]),
  funding: z.array(fundingLineInput).max(500).default([]),
  results: z.array(resultInput).max(500).default([]),
  links: z.array(linkInput).max(100).default([]),
});

export const missionInput = z.object({
  id: idSchema.optional(),
  partnershipId: idSchema.nullable().optional(),
  title: text(300),
  direction: z.enum(E.missionDirections),
  from: partialDateSchema.nullable().optional(),
  to: partialDateSchema.nullable().optional(),
  placeId: idSchema.nullable().optional(),
  purpose: z.string().max(20000).nullable().optional(),
  outcomes: z.string().max(20000).nullable().optional(),
  organisations: z.array(idSchema).max(200).default([]),
});

/** Updates carry the whole record plus the version that was read. */
export const withVersion = <T extends z.ZodObject>(schema: T) => schema.extend({ version: versionSchema });

/** Pages are bounded so that page × perPage stays an int4 for the database (offsets, array slices). */
export const PAGE_MAX = 1_000_000;
const pageSchema = z.coerce.number().int().min(1).max(PAGE_MAX).default(1);

export const listQuery = z.object({
  page: pageSchema,
  perPage: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().max(200).optional(),
});

/** The longest search the API and the search page accept, in characters. */
export const SEARCH_MAX = 300;

export const searchQuery = z.object({
  q: z.string().max(SEARCH_MAX).default(''),
  kind: z.enum(E.recordKinds).optional(),
  country: z.string().max(10).optional(),
  territory: z.string().max(120).optional(),
  theme: z.string().max(120).optional(),
  orgKind: z.enum(E.organisationKinds).optional(),
  funder: z.string().max(120).optional(),
  year: z.coerce.number().int().min(1800).max(2200).optional(),
  status: z.string().max(40).optional(),
  sort: z.enum(E.searchSorts).default('relevance'),
  page: pageSchema,
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

export type TerritoryInput = z.infer<typeof territoryInput>;
export type OrganisationInput = z.infer<typeof organisationInput>;
export type PartnershipInput = z.infer<typeof partnershipInput>;
export type AgreementInput = z.infer<typeof agreementInput>;
export type ProjectInput = z.infer<typeof projectInput>;
export type MissionInput = z.infer<typeof missionInput>;
export type SearchQuery = z.infer<typeof searchQuery>;
/** What a seed file or an import may write: the create inputs before defaults are applied. */
export type PartnershipDraft = z.input<typeof partnershipInput>;
export type ProjectDraft = z.input<typeof projectInput>;
export type MissionDraft = z.input<typeof missionInput>;
export type OrganisationDraft = z.input<typeof organisationInput>;
export type TerritoryDraft = z.input<typeof territoryInput>;
