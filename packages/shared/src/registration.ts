/**
 * Registration to an event: the form the organisers build (fields of a few types, labels in fr/en/vi, places,
 * moderation, workshop choices, how long a freed place is offered) and what a registrant sends. A registration is
 * personal data: read by the registrant (private link or account) and the event's organisers only.
 */
import { z } from 'zod';
import { idSchema, versionSchema } from './schemas.js';

export const fieldTypes = ['text', 'choice', 'multi', 'yesno', 'number', 'date', 'country', 'organisation', 'consent'] as const;
export type FieldType = (typeof fieldTypes)[number];
export const registrationStatuses = ['pending', 'accepted', 'waiting', 'offered', 'declined', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationLangs = ['fr', 'en', 'vi'] as const;
export type RegistrationLang = (typeof registrationLangs)[number];

const label = z.string().trim().min(1).max(500);
const optionalLabel = z.string().trim().max(500).optional(); // empty: the French label is shown
export const fieldLabels = z.object({ fr: label, en: optionalLabel, vi: optionalLabel });
export type FieldLabels = z.infer<typeof fieldLabels>;

export const fieldKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a-z, 0-9 and _, starting with a letter (at most 40)');
export const fieldOption = z.object({
  value: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'a-z, 0-9, _ or - (at most 40)'),
  labels: fieldLabels,
});
export type FieldOption = z.infer<typeof fieldOption>;

export const formField = z.object({
  key: fieldKeySchema,
  type: z.enum(fieldTypes),
  required: z.boolean(),
  labels: fieldLabels,
  options: z.array(fieldOption).max(100).optional(),
}).superRefine((f, ctx) => {
  const needs = f.type === 'choice' || f.type === 'multi';
  if (needs && !f.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${f.type} field needs options` });
  const values = (f.options ?? []).map((o) => o.value);
  const dup = values.findIndex((v, i) => values.indexOf(v) !== i);
  if (dup >= 0) ctx.addIssue({ code: 'custom', path: ['options', dup, 'value'], message: 'option values must be unique' });
});
export type FormField = z.infer<typeof formField>;

const instant = z.iso.datetime({ offset: true }).nullable().optional();

export const registrationFormInput = z.object({
  opensAt: instant,
  closesAt: instant,
  capacity: z.number().int().min(0).max(1_000_000).nullable().optional(),
  moderated: z.boolean(),
  workshopsMin: z.number().int().min(0).max(1000),
  workshopsMax: z.number().int().min(0).max(1000).nullable().optional(),
  offerHours: z.number().int().min(1).max(720).default(48),
  fields: z.array(formField).max(50),
  version: versionSchema.optional(),
}).superRefine((f, ctx) => {
  const keys = f.fields.map((x) => x.key);
  const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (dup >= 0) ctx.addIssue({ code: 'custom', path: ['fields', dup, 'key'], message: 'field keys must be unique' });
  if (f.workshopsMax != null && f.workshopsMax < f.workshopsMin) ctx.addIssue({ code: 'custom', path: ['workshopsMax'], message: 'below workshopsMin' });
  if (f.opensAt && f.closesAt && Date.parse(f.closesAt) < Date.parse(f.opensAt)) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'before opensAt' });
});
export type RegistrationFormInput = z.infer<typeof registrationFormInput>;
export type RegistrationFormDraft = z.input<typeof registrationFormInput>;

export const answerValue = z.union([z.string().max(5000), z.array(z.string().max(200)).max(100), z.number().finite(), z.boolean(), z.null()]);
export type AnswerValue = z.infer<typeof answerValue>;
export const answersSchema = z.record(fieldKeySchema, answerValue)
  .refine((a) => Object.keys(a).length <= 50, 'at most 50 answers');

const uniqueIds = z.array(idSchema).max(100).refine((a) => new Set(a).size === a.length, 'each workshop once');

export const registrationInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().email().max(300),
  lang: z.enum(registrationLangs),
  organisationId: idSchema.nullable().optional(),
  answers: answersSchema.default({}),
  sessions: uniqueIds.default([]),
  publicConsent: z.boolean().default(false),
});
export type RegistrationInput = z.infer<typeof registrationInput>;
export type RegistrationDraft = z.input<typeof registrationInput>;

export const registrationChange = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  lang: z.enum(registrationLangs).optional(),
  organisationId: idSchema.nullable().optional(),
  answers: answersSchema.optional(),
  sessions: uniqueIds.optional(),
  publicConsent: z.boolean().optional(),
  version: versionSchema,
});
export type RegistrationChange = z.infer<typeof registrationChange>;

export const registrationStatusQuery = z.object({ status: z.enum(registrationStatuses).optional() });
export const moderateInput = z.object({
  ids: z.array(idSchema).min(1).max(1000),
  decision: z.enum(['accept', 'decline']),
});
export type ModerateInput = z.infer<typeof moderateInput>;
export const reorderInput = z.object({
  ids: z.array(idSchema).min(1).max(10_000).refine((a) => new Set(a).size === a.length, 'each registration once'),
  sessionId: idSchema.optional(),
});
export type ReorderInput = z.infer<typeof reorderInput>;
export const messageInput = z.object({
  status: z.enum(registrationStatuses),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
});
export type MessageInput = z.infer<typeof messageInput>;
export const acceptOfferInput = z.object({ sessionId: idSchema.optional() });
/** A registration's private link token: 32 random bytes, base64url (43 characters). */
export const registrationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a registration link token');

/** What the services answer (see the contract): a registration as its registrant and the organisers see it. */
export interface RegistrationView {
  id: string; eventId: string; status: RegistrationStatus; name: string; email: string; lang: RegistrationLang;
  organisation: { id: string; name: string } | null; answers: Record<string, AnswerValue>; publicConsent: boolean;
  sessions: { id: string; title: string; status: 'accepted' | 'waiting' | 'offered' | 'cancelled'; offerExpiresAt: string | null; /** the workshop's waiting-list order (ranked once the event place is held) */ queuePosition: number | null }[];
  offerExpiresAt: string | null;
  /** 1-based rank on the waiting list when waiting, else null */
  queuePosition: number | null;
  version: number; createdAt: string;
  event: { id: string; title: string; start: string | null; end: string | null; startTime: string | null; endTime: string | null;
    timeZone: string | null; placeText: string | null; placeName: string | null; online: boolean };
}

export interface RegistrationFormView {
  eventId: string; opensAt: string | null; closesAt: string | null; capacity: number | null; moderated: boolean;
  workshopsMin: number; workshopsMax: number | null; offerHours: number; fields: FormField[]; version: number;
  /** within its dates */
  open: boolean; placesLeft: number | null;
  sessions: { id: string; title: string; capacity: number | null; placesLeft: number | null }[];
}

export interface RegistrationList { counts: Record<RegistrationStatus, number>; items: RegistrationView[] }
export interface PublicParticipant { name: string; organisation: { id: string; name: string } | null }
