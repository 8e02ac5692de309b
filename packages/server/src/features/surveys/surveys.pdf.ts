/** The survey's restitution report as PDF (filled in next). */
import type { LabelLang } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { surveyResults } from './surveys.results.js';

export async function reportPdf(db: Db, actor: Actor | null, id: string, _lang: LabelLang): Promise<Uint8Array> {
  await surveyResults(db, actor, id);
  return new Uint8Array();
}
