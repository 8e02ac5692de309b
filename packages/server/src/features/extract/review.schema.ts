/** The knowledge-capture API's inputs (zod → 400 naming the field, and the OpenAPI description). */
import { z } from 'zod';
import { idSchema } from '@tandem/shared';
import { proposalKinds } from './proposals.js';

export const extractionInput = z.object({
  organisationId: idSchema.meta({ description: 'the organisation the text is kept for: only its members read it' }),
  title: z.string().trim().max(300).optional(),
  text: z.string().max(500_000).optional().meta({ description: 'pasted text' }),
  html: z.string().max(900_000).optional().meta({ description: 'a web page saved as HTML: its main content is read' }),
  file: z.object({ name: z.string().min(1).max(300), base64: z.string().min(1).max(14_000_000) }).optional()
    .meta({ description: 'a file (.txt, .html, .docx, .pdf) in base64' }),
}).strict();
export type ExtractionInput = z.infer<typeof extractionInput>;

const fieldValue = z.union([z.string().max(20_000), z.number().finite(), z.null()]);

export const acceptedProposal = z.object({
  key: z.string().min(1).max(100),
  kind: z.enum(proposalKinds),
  fields: z.record(z.string().max(60), fieldValue).default({}),
  match: z.object({ id: idSchema }).nullish().meta({ description: 'an existing organisation this one stands for (null: create it)' }),
}).passthrough();
export type AcceptedProposal = z.infer<typeof acceptedProposal>;

export const applyInput = z.object({
  version: z.number().int().min(1).optional().meta({ description: 'ignored: an extraction is applied once (409 after)' }),
  proposals: z.array(acceptedProposal).max(500).meta({ description: 'the accepted proposals, their fields as edited; the others are rejected' }),
}).strict();
export type ApplyInput = z.infer<typeof applyInput>;

export const provenanceParams = z.object({ kind: z.enum(['organisation', 'partnership', 'project', 'mission']), id: z.string().min(1).max(300) });
