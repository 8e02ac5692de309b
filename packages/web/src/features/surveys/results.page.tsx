/**
 * Page handlers of a survey's results (features/surveys/results.*): the results page, the printable report and its
 * PDF. The survey as its reader may see it (`getSurvey`: a draft is its organisers' only) and its results as
 * `surveyResults` allows them (organisers always; others once published, free answers once those are): 404 otherwise.
 */
import type { Context } from 'hono';
import { resultsQuery } from '@tandem/shared';
import type { Db } from '../../../../server/src/db/client.js';
import { getActor } from '../../../../server/src/lib/actor.js';
import { ValidationError } from '../../../../server/src/lib/errors.js';
import { getSurvey } from '../../../../server/src/features/surveys/surveys.service.js';
import { surveyResults } from '../../../../server/src/features/surveys/surveys.results.js';
import { reportPdf } from '../../../../server/src/features/surveys/surveys.pdf.js';
import type { I18n } from '../../i18n/index.js';
import { ResultsPage } from './ResultsPage.js';
import { ReportPage } from './ReportPage.js';

const idOf = (c: Context) => c.req.param('id') as string;

/** `?by=` as the API takes it (400 naming `by` otherwise); empty means no breakdown. */
function byOf(c: Context): string | undefined {
  const raw = c.req.query('by') || undefined;
  const parsed = resultsQuery.safeParse({ by: raw });
  if (!parsed.success) throw new ValidationError([{ path: 'by', message: 'a category question’s key' }]);
  return parsed.data.by;
}

export async function resultsPage(c: Context, i: I18n, db: Db) {
  const actor = getActor(c);
  const s = await getSurvey(db, actor, idOf(c));
  const by = byOf(c);
  const r = await surveyResults(db, actor, s.id, { by });
  return c.html(<ResultsPage i={i} s={s} r={r} by={by} />);
}

export async function reportPage(c: Context, i: I18n, db: Db) {
  const actor = getActor(c);
  const s = await getSurvey(db, actor, idOf(c));
  const r = await surveyResults(db, actor, s.id);
  return c.html(<ReportPage i={i} s={s} r={r} />);
}

/** The report as PDF, in the page's language (/en/surveys/…/report.pdf is English). */
export async function reportPdfPage(c: Context, i: I18n, db: Db) {
  const actor = getActor(c);
  const s = await getSurvey(db, actor, idOf(c));
  const pdf = await reportPdf(db, actor, s.id, i.lang);
  const name = `survey-${s.id.replace(/[^A-Za-z0-9._-]/g, '_')}-report-${i.lang}.pdf`;
  return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"` });
}
