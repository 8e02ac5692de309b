/** The yearly aid declaration over the API: read (pre-filled draft), save, submit, reopen, CSV. */
import { apdDeclarationInput, apdVersionInput } from '@tandem/shared';
import type { Context } from 'hono';
import { z } from 'zod';
import { route, type RouteContext } from '../../lib/api.js';
import { getActor, writeContext } from '../../lib/actor.js';
import { ValidationError } from '../../lib/errors.js';
import { clientIp } from '../audit/audit.js';
import { readDeclaration, readDeclarationCsv } from './apd.access.js';
import { reopenDeclaration, saveDeclaration, submitDeclaration, type ApdWho } from './apd.service.js';

const tag = 'apd';
const base = '/api/apd/:organisationId';
const readQuery = z.object({
  format: z.enum(['json', 'csv']).default('json').meta({ description: 'csv: one row per line (same as the .csv path)' }),
  labels: z.enum(['fr']).optional().meta({ description: 'fr: readable French column headers in the CSV' }),
});

/** ":year" or ":year.csv" → the year and whether CSV is asked for; 400 naming "year" otherwise. */
export function parseYear(raw: string | undefined, allowCsv = true): { year: number; csv: boolean } {
  const m = (allowCsv ? /^(\d{4})(\.csv)?$/ : /^(\d{4})()$/).exec(raw ?? '');
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 1900 || year > 2200) throw new ValidationError([{ path: 'year', message: 'a year between 1900 and 2200, e.g. 2023' }]);
  return { year, csv: !!m[2] };
}

const who = (c: Context): ApdWho => ({ ...writeContext(c), ip: clientIp(c) });

async function read({ c, db, params, query }: RouteContext<z.output<typeof readQuery>, unknown>) {
  const { year, csv } = parseYear(params.year ?? params['year.csv']);
  if (!csv && query.format !== 'csv') return readDeclaration(db, params.organisationId, year, getActor(c));
  const text = await readDeclarationCsv(db, params.organisationId, year, getActor(c), { labels: query.labels });
  return c.body((query.labels === 'fr' ? '\ufeff' : '') + text, 200, {
    'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="apd-${params.organisationId}-${year}.csv"`,
  });
}

const returns = '{id, organisationId, organisationName, year, status, saved, version, submittedAt, updatedAt, lines:[{category, categoryLabel, country, countryName, amount, currency, note, projectId, projectTitle}], totals:{all, byCategory, byCountry}}';

export const apdRoutes = [
  // Registered first: it also answers ":year.csv" (the next entry documents that path in OpenAPI).
  route({ method: 'get', path: `${base}/:year`, tag, query: readQuery, returns,
    summary: 'The yearly aid declaration (APD) of an organisation; never saved yet: a draft pre-filled from the co-financing lines it funded that year (not stored). Drafts: members of the organisation and platform administrators only (404 for others); public once submitted',
    handler: read }),
  route({ method: 'get', path: `${base}/:year.csv`, tag, query: readQuery.omit({ format: true }), produces: 'text/csv', returns: 'one row per line',
    summary: 'The declaration as CSV: organisation, year, category id and label, country code and name, amount, currency, project id (drafts: members and platform administrators only)',
    handler: (ctx) => read({ ...ctx, query: { format: 'csv', ...ctx.query } }) }),
  route({ method: 'put', path: `${base}/:year`, tag, body: apdDeclarationInput, write: true, returns,
    summary: 'Save the declaration (all its lines) with the version you read (0 for a draft never saved); members of the organisation or platform administrators; 409 when stale or submitted',
    handler: ({ c, db, params, body }) => saveDeclaration(db, params.organisationId, parseYear(params.year, false).year, body, who(c)) }),
  route({ method: 'post', path: `${base}/:year/submit`, tag, body: apdVersionInput, write: true, returns,
    summary: 'Submit the saved declaration (send the version you read); it is then locked',
    handler: ({ c, db, params, body }) => submitDeclaration(db, params.organisationId, parseYear(params.year, false).year, body.version, who(c)) }),
  route({ method: 'post', path: `${base}/:year/reopen`, tag, body: apdVersionInput, write: true, returns,
    summary: 'Platform administrators: reopen a submitted declaration for changes',
    handler: ({ c, db, params, body }) => reopenDeclaration(db, params.organisationId, parseYear(params.year, false).year, body.version, who(c)) }),
];
