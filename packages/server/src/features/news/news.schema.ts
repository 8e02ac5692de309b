/** The news API's input and query schemas (zod → 400 naming the field, and the OpenAPI description). */
import { z } from 'zod';
import { daySchema, idSchema, positiveInt4, webUrlSchema } from '@tandem/shared';

export const newsLinkKinds = ['partnership', 'project', 'organisation', 'territory', 'mission', 'event', 'funding_call'] as const;
export type NewsLinkKind = (typeof newsLinkKinds)[number];

export const newsLink = z.object({ kind: z.enum(newsLinkKinds), id: z.string().min(1).max(300) });

export const newsInput = z.object({
  id: idSchema.optional(),
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(2000).nullish(),
  body: z.string().min(1).max(50_000).meta({ description: 'Markdown; rendered and sanitised on output' }),
  publishedOn: daySchema,
  authorOrganisationId: z.string().min(1).max(300).nullish().meta({ description: 'the network that publishes it; null: Tandem (platform administrators only)' }),
  lang: z.enum(['fr', 'en', 'vi']).default('fr'),
  sourceUrl: webUrlSchema.nullish(),
  links: z.array(newsLink).max(50).default([]),
  version: z.number().int().min(1).optional().meta({ description: 'the version you read (required to update)' }),
}).strict();
export type NewsInput = z.infer<typeof newsInput>;

export const newsListQuery = z.object({
  network: z.string().min(1).max(300).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code (two capital letters)').optional(),
  record: z.string().regex(/^[a-z_]+:.{1,300}$/, 'kind:id').optional()
    .refine((v) => !v || (newsLinkKinds as readonly string[]).includes(v.split(':')[0]!), `kind: one of ${newsLinkKinds.join(', ')}`),
  page: positiveInt4.default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});
export type NewsListQuery = z.infer<typeof newsListQuery>;
