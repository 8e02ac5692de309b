/**
 * Contacts and documents of a partnership or a project, as the API and the sheet forms take them.
 * A contact is a person (personal data: members of its organisation only) with a role on the record; a
 * document is one of the record's links (public), added, changed or removed on its own with the record's version.
 */
import { z } from 'zod';
import { idSchema, linkInput, versionSchema } from './schemas.js';
import { positiveInt4 } from './input-rules.js';

export const contactRecordKinds = ['partnership', 'project'] as const;
export type ContactRecordKind = (typeof contactRecordKinds)[number];
/** Records whose documents are managed one at a time: partnerships, projects and events (a meeting's documents). */
export const documentRecordKinds = [...contactRecordKinds, 'event'] as const;
export type DocumentRecordKind = (typeof documentRecordKinds)[number];

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => v || null);

/** A person created with the contact: always in one of the author's organisations. */
export const newContactPerson = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.union([z.literal(''), z.string().trim().email().max(300)]).nullable().optional().transform((v) => v || null),
  phone: optionalText(50),
  roleTitle: optionalText(200),
  organisationId: idSchema,
});

/** Add a contact: an existing person (personId) or a new one (person), never both. */
export const contactInput = z.object({
  personId: idSchema.optional(),
  person: newContactPerson.optional(),
  role: optionalText(200).meta({ description: 'the role on this record, e.g. « référent technique », « élu »' }),
}).superRefine((v, ctx) => {
  if (!!v.personId === !!v.person) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'name an existing person (personId) or a new one (person), one of the two' });
});
export type ContactInput = z.infer<typeof contactInput>;

export const contactUpdateInput = z.object({ role: optionalText(200), version: versionSchema });
export type ContactUpdateInput = z.infer<typeof contactUpdateInput>;

/** A document: a link of the record, with the record's version (a stale one gets 409). */
export const documentInput = linkInput.extend({ version: versionSchema });
export type DocumentInput = z.infer<typeof documentInput>;
export const documentDeleteQuery = z.object({ version: z.coerce.number().pipe(versionSchema) });
/** A document's place in the record's list, from 1. */
export const documentParams = z.object({ position: positiveInt4 });
