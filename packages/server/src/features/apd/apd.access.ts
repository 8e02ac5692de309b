/**
 * Who reads an aid declaration: a draft (stored or pre-filled) is readable by the organisation's members and
 * platform administrators only — 404 for everyone else, as if it did not exist; once submitted it is public.
 * Also what points at declarations: an organisation's declarations by year, and the co-financing lines without a
 * year (they fall into no declaration).
 */
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, memberOf, type Actor, type WriteContext } from '../../lib/actor.js';
import { NotFoundError } from '../../lib/errors.js';
import { declarationCsv, declarationId, getDeclaration, type ApdDeclaration } from './apd.service.js';

/** The reader: a request's actor, or null for an anonymous visitor. */
export type ApdReader = Actor | WriteContext['actor'] | null;

/** Members (or network administrators) of the organisation and platform administrators read its drafts. */
export function mayReadDrafts(reader: ApdReader, organisationId: string): boolean {
  return !!reader && (isPlatformAdmin(reader) || memberOf(reader).has(organisationId));
}

/** The declaration as `reader` may see it: a draft answers 404 to those who may not read it. */
export async function readDeclaration(db: Db, organisationId: string, year: number, reader: ApdReader): Promise<ApdDeclaration> {
  if (!mayReadDrafts(reader, organisationId)) {
    const [d] = await db.query<{ status: string }>('select status from apd_declaration where organisation_id = $1 and year = $2', [organisationId, year]);
    if (d?.status !== 'submitted') throw new NotFoundError('APD declaration', declarationId(organisationId, year));
  }
  return getDeclaration(db, organisationId, year);
}

export async function readDeclarationCsv(db: Db, organisationId: string, year: number, reader: ApdReader, opts: { labels?: 'fr' } = {}): Promise<string> {
  await readDeclaration(db, organisationId, year, reader);
  return declarationCsv(db, organisationId, year, opts);
}

export interface DeclarationSummary { year: number; status: 'draft' | 'submitted'; submittedAt: string | null }

/** The organisation's stored declarations, newest year first: the submitted ones, and the drafts when `reader` may read them. */
export async function listDeclarations(db: Db, organisationId: string, reader: ApdReader): Promise<DeclarationSummary[]> {
  const drafts = mayReadDrafts(reader, organisationId);
  const rows = await db.query<{ year: number; status: 'draft' | 'submitted'; submitted_at: string | null }>(
    `select year, status, submitted_at from apd_declaration where organisation_id = $1 and (status = 'submitted' or $2) order by year desc`, [organisationId, drafts]);
  return rows.map((r) => ({ year: r.year, status: r.status, submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null }));
}

export interface UnyearedLine { projectId: string; projectTitle: string; position: number; funderId: string; funderName: string; amount: string; currency: string }

/**
 * Co-financing lines without a year: no declaration picks them up. By funder (`funderId`, for the APD page) or
 * by project (`projectId`, for the project sheet); `position` is the line's index in the project form.
 */
export async function unyearedLines(db: Db, by: { funderId: string } | { projectId: string }): Promise<UnyearedLine[]> {
  const [column, value] = 'funderId' in by ? ['f.funder_id', by.funderId] : ['f.project_id', by.projectId];
  const rows = await db.query(
    `select * from (
       select f.project_id, p.title, f.funder_id, o.name as funder_name, f.amount, f.currency, f.year,
              (row_number() over (partition by f.project_id order by f.position, f.id) - 1)::int as position
         from funding_line f join project p on p.id = f.project_id left join organisation o on o.id = f.funder_id
        where ${column} = $1) x
      where x.year is null and x.funder_id is not null order by x.title, x.project_id, x.position`, [value]);
  return rows.map((r) => ({ projectId: r.project_id, projectTitle: r.title, position: r.position, funderId: r.funder_id, funderName: r.funder_name ?? r.funder_id, amount: String(r.amount), currency: r.currency }));
}
