/**
 * The programme of an event: sessions and workshops (title, description, day and local hours in the event's time
 * zone, room or online link, capacity) and who leads them — organisations (public) or people (personal data: shown to
 * members of the person's organisation and the event's organisers only). The API and the editor's forms take these.
 */
import { z } from 'zod';
import { idSchema, urlSchema, versionSchema } from './schemas.js';

export const sessionKinds = ['session', 'workshop'] as const;
export type SessionKind = (typeof sessionKinds)[number];

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => v || null);
const hours = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM').nullable().optional().transform((v) => v || null);
/** A real calendar day, YYYY-MM-DD (2023-02-30 is refused here, not by the database). */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((d) => { const t = Date.parse(`${d}T00:00:00Z`); return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d) && d >= '1800' && d < '2201'; }, 'not a day of the calendar');

/** One lead: an organisation or a person (of one of the event's host organisations), never both. */
export const sessionLeadInput = z.object({ organisationId: idSchema.optional(), personId: idSchema.optional() }).superRefine((v, ctx) => {
  if (!!v.organisationId === !!v.personId) ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'name an organisation (organisationId) or a person (personId), one of the two' });
});

const sessionFields = z.object({
  kind: z.enum(sessionKinds).default('workshop'),
  title: z.string().trim().min(1).max(300),
  description: optionalText(5000),
  day: daySchema.nullable().optional().transform((v) => v || null),
  startTime: hours,
  endTime: hours,
  room: optionalText(200),
  onlineUrl: urlSchema.nullable().optional().transform((v) => v || null),
  capacity: z.number().int().min(0).max(1_000_000).nullable().optional().transform((v) => v ?? null).meta({ description: 'places; null = no limit' }),
  leads: z.array(sessionLeadInput).max(20).default([]),
});

type Fields = z.infer<typeof sessionFields>;
function coherent(v: Fields, ctx: z.RefinementCtx) {
  if ((v.startTime || v.endTime) && !v.day) ctx.addIssue({ code: 'custom', path: ['day'], message: 'hours need a day' });
  if (v.endTime && !v.startTime) ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'an end needs a start' });
  if (v.startTime && v.endTime && v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'after the start' });
  const seen = new Set<string>();
  v.leads.forEach((l, n) => {
    const key = l.organisationId ? `o:${l.organisationId}` : `p:${l.personId}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['leads', n, l.organisationId ? 'organisationId' : 'personId'], message: 'named twice' });
    seen.add(key);
  });
}

export const sessionInput = sessionFields.superRefine(coherent);
export const sessionUpdateInput = sessionFields.extend({ version: versionSchema }).superRefine(coherent);
export const sessionMoveInput = z.object({ direction: z.enum(['up', 'down']), version: versionSchema });
export type SessionInput = z.infer<typeof sessionInput>;
export type SessionUpdateInput = z.infer<typeof sessionUpdateInput>;
export type SessionMoveInput = z.infer<typeof sessionMoveInput>;
