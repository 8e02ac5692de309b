/** Groups' request schemas (issue 15): the profile with its offices and funders, and memberships. */
import { z } from 'zod';

export const groupKinds = ['network', 'country_group', 'thematic_group'] as const;
export type GroupKind = (typeof groupKinds)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

export const groupListQuery = z.object({
  kind: z.enum(groupKinds).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code').optional(),
});

export const officeInput = z.object({
  name: text(200),
  address: z.string().trim().max(500).nullish(),
  territoryId: id.nullish(),
});

export const groupProfileInput = z.object({
  version: z.number().int().min(1).max(2_000_000_000),
  groupKind: z.enum(groupKinds),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code').nullish(),
  themes: z.array(id).max(50).default([]),
  parentId: id.nullish(),
  agenda: z.string().max(20_000).nullish(),
  vacantRoles: z.array(text(100)).max(20).default([]),
  offices: z.array(officeInput).max(50).default([]),
  funderIds: z.array(id).max(100).default([]),
}).strict();
export type GroupProfileInput = z.infer<typeof groupProfileInput>;

export const membershipRoles = ['member', 'president', 'vice_president', 'treasurer', 'secretary', 'coordinator', 'observer'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((s) => !s.startsWith('0000') && !Number.isNaN(Date.parse(s)), 'a real date');

export const membershipInput = z.object({
  organisationId: id,
  role: z.enum(membershipRoles).default('member'),
  since: isoDate.nullish(),
}).strict();
export const membershipChange = z.object({
  role: z.enum(membershipRoles),
  since: isoDate.nullish(),
}).strict();
export type MembershipInput = z.infer<typeof membershipInput>;
export type MembershipChange = z.infer<typeof membershipChange>;
