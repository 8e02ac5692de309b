/** Where a record's fields came from: the provenance rows written when an extraction is applied, and their public view. */
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../lib/errors.js';

export type ProvenanceKind = 'organisation' | 'partnership' | 'project' | 'mission';
export interface ProvenanceRow { recordKind: ProvenanceKind; recordId: string; field: string; start: number; end: number }

/** One source of a record: its title and date, and the quotes used (never the whole text, which is private). */
export interface ProvenanceSource {
  extractionId: string; title: string; sourceName: string | null; appliedAt: string | null;
  quotes: Array<{ field: string; quote: string; start: number; end: number }>;
}

const TABLE: Record<ProvenanceKind, string> = { organisation: 'organisation', partnership: 'partnership', project: 'project', mission: 'mission' };

/** Writes one row per fact used, the quote cut from the extraction's text (in the caller's transaction). */
export async function writeProvenance(tx: Db, extractionId: string, text: string, rows: ProvenanceRow[]): Promise<number> {
  const seen = new Set<string>();
  let n = 0;
  for (const r of rows) {
    const k = `${r.recordKind}:${r.recordId}:${r.field}:${r.start}:${r.end}`;
    if (seen.has(k) || r.end <= r.start || r.start < 0 || r.end > text.length) continue;
    seen.add(k);
    await tx.query(`insert into provenance (record_kind, record_id, field, extraction_id, span_start, span_end, quote) values ($1, $2, $3, $4, $5, $6, $7)`,
      [r.recordKind, r.recordId, r.field, extractionId, r.start, r.end, text.slice(r.start, r.end)]);
    n++;
  }
  return n;
}

/** The sources of a public record, oldest first; 404 when the record does not exist. */
export async function getProvenance(db: Db, kind: ProvenanceKind, id: string): Promise<{ kind: ProvenanceKind; id: string; sources: ProvenanceSource[] }> {
  const [found] = await db.query(`select 1 as ok from ${TABLE[kind]} where id = $1`, [id]);
  if (!found) throw new NotFoundError(kind, id);
  const rows = await db.query(`select p.field, p.quote, p.span_start, p.span_end, e.id as extraction_id, e.title, e.source_name, e.applied_at
      from provenance p join extraction e on e.id = p.extraction_id where p.record_kind = $1 and p.record_id = $2
     order by e.applied_at nulls last, e.id, p.span_start, p.id`, [kind, id]);
  const sources = new Map<string, ProvenanceSource>();
  for (const r of rows) {
    const s: ProvenanceSource = sources.get(r.extraction_id) ?? { extractionId: r.extraction_id, title: r.title, sourceName: r.source_name,
      appliedAt: r.applied_at ? new Date(r.applied_at).toISOString() : null, quotes: [] };
    s.quotes.push({ field: r.field, quote: r.quote, start: r.span_start, end: r.span_end });
    sources.set(r.extraction_id, s);
  }
  return { kind, id, sources: [...sources.values()] };
}
