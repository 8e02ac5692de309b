/**
 * Events as records: series (the Ateliers, the Assises), their numbered editions and stand-alone events
 * (an online meeting, a workshop). Dates are partial like the other records'; hours are local times in timeZone.
 */
import { z } from 'zod';
import { parsePartialDate } from './partial-date.js';
import { idSchema, linkInput, partialDateSchema, urlSchema } from './schemas.js';

export const eventKinds = ['edition', 'meeting', 'online', 'workshop', 'other'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventSides = ['FR', 'VN'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => v || null);
const year = z.number().int().min(1800).max(2200);
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const eventSeriesInput = z.object({
  id: idSchema,
  name: text(200),
  description: optionalText(5000),
  periodFrom: year.nullable().optional(),
  periodTo: year.nullable().optional(),
  openingAgreementId: idSchema.nullable().optional(),
});
/** A period that ends before it starts: the services answer 400 on periodTo (a refinement here would forbid .omit for updates). */
export const seriesPeriodIssue = (s: { periodFrom?: number | null; periodTo?: number | null }) =>
  s.periodFrom != null && s.periodTo != null && s.periodFrom > s.periodTo ? { path: 'periodTo', message: 'before periodFrom' } : null;

export const decisionStatuses = ['open', 'done', 'dropped'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];
const precisionRank = { year: 0, month: 1, day: 2 } as const;
/**
 * What a meeting decided: the decision, who carries it (a Tandem organisation, or words), by when (a partial date:
 * « septembre 2023 » is 2023-09; duePrecision, when given, may only be coarser than the date written) and where it stands.
 */
export const eventDecisionInput = z.object({
  text: text(1000),
  ownerOrganisationId: idSchema.nullable().optional(),
  ownerText: optionalText(300),
  due: partialDateSchema.nullable().optional(),
  duePrecision: z.enum(['year', 'month', 'day']).nullable().optional(),
  status: z.enum(decisionStatuses).default('open'),
}).superRefine((d, ctx) => {
  if (d.duePrecision && !d.due) ctx.addIssue({ code: 'custom', path: ['duePrecision'], message: 'a precision needs a due date' });
  else if (d.duePrecision && d.due) {
    let written: keyof typeof precisionRank | null = null;
    try { written = parsePartialDate(d.due).precision; } catch { /* partialDateSchema names it */ }
    if (written && precisionRank[d.duePrecision] > precisionRank[written]) ctx.addIssue({ code: 'custom', path: ['duePrecision'], message: `finer than the due date (${written})` });
  }
});
export type EventDecisionInput = z.infer<typeof eventDecisionInput>;
export const MINUTES_MAX = 20000;

export const eventInput = z.object({
  id: idSchema.optional(),
  seriesId: idSchema.nullable().optional(),
  edition: z.number().int().min(1).max(10000).nullable().optional(),
  title: text(300),
  kind: z.enum(eventKinds),
  start: partialDateSchema.nullable().optional(),
  end: partialDateSchema.nullable().optional(),
  startTime: timeSchema.nullable().optional(),
  endTime: timeSchema.nullable().optional(),
  timeZone: z.string().regex(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, 'an IANA time zone, e.g. Europe/Paris').max(60).nullable().optional(),
  placeId: idSchema.nullable().optional(),
  placeText: optionalText(300),
  online: z.boolean().default(false),
  onlineUrl: urlSchema.nullable().optional(),
  side: z.enum(eventSides).nullable().optional(),
  theme: optionalText(500),
  workshopsCount: z.number().int().min(0).max(1000).nullable().optional(),
  hosts: z.array(idSchema).max(100).default([]),
  workshops: z.array(z.object({ title: text(300), leadId: idSchema.nullable().optional() })).max(100).default([]),
  agenda: z.array(text(500)).max(200).default([]),
  /** the minutes (plain text, paragraphs separated by blank lines) */
  minutes: z.string().trim().max(MINUTES_MAX).nullable().optional().transform((v) => v || null),
  decisions: z.array(eventDecisionInput).max(50).default([]),
  /** documents: public links (http(s) only), like a partnership's */
  links: z.array(linkInput).max(100).default([]),
  /** other events this one relates to (a meeting preparing or restituting the Assises); each shown on both sheets */
  relatedEvents: z.array(idSchema).max(50).default([]),
});
export type EventInput = z.infer<typeof eventInput>;
/**
 * An event's update: its workshops are the programme's (event_session, where registrations hang), changed through the
 * programme's own endpoints, so a PUT leaves them alone.
 */
export const eventUpdateInput = eventInput.omit({ workshops: true });
export type EventUpdateInput = z.infer<typeof eventUpdateInput>;
export type EventSeriesInput = z.infer<typeof eventSeriesInput>;
/** What a caller (or the seed) writes, before defaults. */
export type EventDraft = z.input<typeof eventInput>;
export type EventSeriesDraft = z.input<typeof eventSeriesInput>;
