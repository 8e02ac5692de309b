/**
 * Survey results over the API: counts and charts' data with an optional breakdown, the summary CSV and the report as
 * PDF. Organisers always; everyone else once the results are published (404 before), free answers once those are.
 */
import { z } from 'zod';
import { resultsQuery } from '@tandem/shared';
import { route, type RouteDef } from '../../lib/api.js';
import { getActor } from '../../lib/actor.js';
import { summaryCsv, surveyResults } from './surveys.results.js';
import { reportPdf } from './surveys.pdf.js';

const tag = 'surveys';
const langQuery = z.object({ lang: z.enum(['fr', 'en', 'vi']).default('fr') });
const fileName = (id: string, lang: string, ext: string) => `survey-${id.replace(/[^A-Za-z0-9._-]/g, '_')}-results-${lang}.${ext}`;

export const surveyResultsRoutes: RouteDef[] = [
  route({ method: 'get', path: '/api/surveys/:id/results', tag, query: resultsQuery,
    summary: 'A survey\'s results per question (counts, percents, mean, median, free answers when published); ?by= a category question, org_kind or side: groups of fewer than 5 answers hidden',
    primary: true, returns: 'ResultsView', handler: ({ c, db, params, query }) => surveyResults(db, getActor(c), params.id, { by: query.by }) }),
  route({ method: 'get', path: '/api/surveys/:id/results.csv', tag, query: langQuery, produces: 'text/csv', primary: true,
    summary: 'A survey\'s results as CSV: question, option, count, percent, mean, median',
    handler: async ({ c, db, params, query }) => new Response(await summaryCsv(db, getActor(c), params.id, query.lang), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName(params.id, query.lang, 'csv')}"` },
    }) }),
  route({ method: 'get', path: '/api/surveys/:id/report.pdf', tag, query: langQuery, produces: 'application/pdf', primary: true,
    summary: 'A survey\'s restitution report as PDF (A4): event, dates, answers, charts, comments, conclusion',
    handler: async ({ c, db, params, query }) => new Response(await reportPdf(db, getActor(c), params.id, query.lang) as BodyInit, {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName(params.id, query.lang, 'pdf')}"` },
    }) }),
];
