/**
 * Writes batches of mapped activities: organisations first, then projects upserted on their iati-identifier
 * (re-importing updates, never duplicates), then their parts replaced — four or five set-based statements per batch,
 * then the batch's search documents.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import { projectDocs, type ProjectParts } from '../../search/search.docs.js';
import { reindex, writeDocs } from '../../search/search.index.js';
import type { OrgResolver } from './orgs.js';
import type { ActivityIn } from './types.js';

/** "iati-<identifier>" when the identifier is a valid id already, else a cleaned form plus a short hash (stable, unique). */
export function projectIdFor(identifier: string): string {
  const clean = identifier.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  const id = `iati-${clean}`;
  if (clean === identifier && id.length <= 110) return id;
  return `${id.slice(0, 100).replace(/[-._]+$/, '')}-${createHash('sha1').update(identifier).digest('hex').slice(0, 8)}`;
}

const json = (rows: unknown[]) => JSON.stringify(rows);

/** One statement: the parts of re-imported projects ($2) and the batch's search documents ($3) deleted, the projects ($1) upserted. */
const UPSERT = `with d1 as (delete from project_place where project_id = any($2::text[])),
    d2 as (delete from project_participant where project_id = any($2::text[])),
    d3 as (delete from funding_line where project_id = any($2::text[])),
    d4 as (delete from result where project_id = any($2::text[])),
    d5 as (delete from link where owner_kind = 'project' and owner_id = any($2::text[])),
    d6 as (delete from search_doc where kind = 'project' and id = any($3::text[]))
  insert into project (id, title, description, status, start_on, start_precision, end_on, end_precision, themes,
      budget_amount, budget_currency, iati_identifier, iati_reporting_org_id, iati_extra)
    select * from json_to_recordset($1::json) as x(id text, title text, description text, status text, start_on date, start_precision text,
      end_on date, end_precision text, themes text[], budget_amount numeric, budget_currency text, iati_identifier text, iati_reporting_org_id text, iati_extra jsonb)
    on conflict (id) do update set title = excluded.title, description = excluded.description, status = excluded.status,
      start_on = excluded.start_on, start_precision = excluded.start_precision, end_on = excluded.end_on, end_precision = excluded.end_precision,
      themes = excluded.themes, budget_amount = excluded.budget_amount, budget_currency = excluded.budget_currency,
      iati_reporting_org_id = excluded.iati_reporting_org_id, iati_extra = excluded.iati_extra, version = project.version + 1, updated_at = now()`;

/** One statement: the projects' places, participants, funding lines, results and links. */
const PARTS = `with i1 as (insert into project_place (project_id, territory_id) select pid, t from json_to_recordset($1::json) as x(pid text, t text)),
    i2 as (insert into project_participant (project_id, organisation_id, role, position)
      select pid, o, r, i from json_to_recordset($2::json) as x(pid text, o text, r text, i int)),
    i3 as (insert into funding_line (project_id, funder_id, amount, currency, year, kind, note, iati_element, iati_type, on_date, end_date, position)
      select pid, f, a, c, y, k, n, e, t, d, d2, i
        from json_to_recordset($3::json) as x(pid text, f text, a numeric, c text, y int, k text, n text, e text, t text, d date, d2 date, i int)),
    i4 as (insert into result (project_id, label, value, unit, year, kind, position)
      select pid, l, v, u, y, k, i from json_to_recordset($4::json) as x(pid text, l text, v numeric, u text, y int, k text, i int))
  insert into link (owner_kind, owner_id, url, title, kind, position)
    select 'project', pid, u, t, k, i from json_to_recordset($5::json) as x(pid text, u text, t text, k text, i int)`;

/** A batch's rows, ready to be written, and what its search documents need of them. */
interface Rows { places: unknown[]; parts: unknown[]; lines: unknown[]; results: unknown[]; links: unknown[]; known: ProjectParts }

export class BatchWriter {
  created = 0;
  updated = 0;
  constructor(private db: Db, private orgs: OrgResolver) {}

  /**
   * One batch in a handful of statements: the project ids (1), the organisations it creates (0–1), the projects upserted
   * with the re-imported ones' parts deleted (1), the parts (1), then the search documents (their reads, 1 write).
   */
  async write(batch: ActivityIn[]): Promise<void> {
    const acts = [...new Map(batch.map((a) => [a.identifier, a])).values()];
    if (!acts.length) return;
    const { ids, existing } = await this.ids(acts.map((a) => a.identifier));
    const projects = acts.map((a) => this.projectRow(a, ids.get(a.identifier)!));
    const rows = this.partRows(acts, ids);
    await this.orgs.flush(this.db);
    await this.db.query(UPSERT, [json(projects), existing, projects.map((p) => p.id)]);
    await this.db.query(PARTS, [json(rows.places), json(rows.parts), json(rows.lines), json(rows.results), json(rows.links)]);
    // the batch's search documents now, while the next batch is being read (not all at the end); the parts just written
    // are handed over rather than read back
    await writeDocs(this.db, await projectDocs(this.db, projects.map((r) => r.id), rows.known));
  }

  /** Existing projects by identifier; new ones get projectIdFor (with a hash when that id is taken by another project). */
  private async ids(identifiers: string[]): Promise<{ ids: Map<string, string>; existing: string[] }> {
    const wanted = identifiers.map(projectIdFor);
    const found = await this.db.query<{ id: string; iati_identifier: string | null }>(
      'select id, iati_identifier from project where iati_identifier = any($1::text[]) or id = any($2::text[])', [identifiers, wanted]);
    const mine = new Set(identifiers);
    const out = new Map(found.filter((r) => r.iati_identifier != null && mine.has(r.iati_identifier)).map((r) => [r.iati_identifier!, r.id]));
    const existing = [...out.values()];
    const taken = new Set(found.map((r) => r.id));
    this.updated += out.size;
    identifiers.forEach((identifier, i) => {
      if (out.has(identifier)) return;
      out.set(identifier, taken.has(wanted[i]) ? `${wanted[i].slice(0, 100)}-${createHash('sha1').update(identifier).digest('hex').slice(0, 10)}` : wanted[i]);
      this.created++;
    });
    return { ids: out, existing };
  }

  private projectRow(a: ActivityIn, id: string) {
    return {
      id, title: a.title, description: a.description, status: a.status, start_on: a.start?.date ?? null, start_precision: a.start?.precision ?? null,
      end_on: a.end?.date ?? null, end_precision: a.end?.precision ?? null, themes: a.themes, budget_amount: a.budget?.amount ?? null,
      budget_currency: a.budget?.currency ?? null, iati_identifier: a.identifier, iati_reporting_org_id: a.reporting ? this.orgs.resolve(a.reporting) : null, iati_extra: a.extra,
    };
  }

  private partRows(acts: ActivityIn[], ids: Map<string, string>): Rows {
    const rows: Rows = { places: [], parts: [], lines: [], results: [], links: [], known: { participants: new Map(), funding: new Map(), places: new Map() } };
    for (const a of acts) {
      const pid = ids.get(a.identifier)!;
      // countries are ISO codes (two capital letters): plain sorting is the database's order of the ids
      const countries = [...a.countries].sort();
      rows.places.push(...countries.map((t) => ({ pid, t })));
      rows.known.places.set(pid, countries.map((t) => ({ territory_id: t })));
      const seen = new Set<string>(), participants: Array<{ organisation_id: string }> = [];
      a.participants.forEach((p, i) => {
        const o = this.orgs.resolve(p);
        if (!seen.has(`${o}/${p.role}`)) { seen.add(`${o}/${p.role}`); rows.parts.push({ pid, o, r: p.role, i }); participants.push({ organisation_id: o }); }
      });
      rows.known.participants.set(pid, participants);
      const funding: Array<{ funder_id: string | null; year: number | null }> = [];
      a.funding.forEach((f, i) => {
        const funder = f.funder ? this.orgs.resolve(f.funder) : null;
        rows.lines.push({ pid, f: funder, a: f.amount, c: f.currency, y: f.year, k: f.kind, n: f.note, e: f.element, t: f.type, d: f.onDate, d2: f.endDate, i });
        funding.push({ funder_id: funder, year: f.year });
      });
      rows.known.funding.set(pid, funding);
      a.results.forEach((r, i) => rows.results.push({ pid, l: r.label, v: r.value, u: r.unit, y: r.year, k: r.kind, i }));
      a.links.forEach((l, i) => rows.links.push({ pid, u: l.url, t: l.title, k: l.kind, i }));
    }
    return rows;
  }

  /** Search documents of the organisations the import created (the projects' are written batch by batch). */
  async reindex(): Promise<void> {
    for (let i = 0; i < this.orgs.created.length; i += 1000) await reindex(this.db, 'organisation', this.orgs.created.slice(i, i + 1000));
  }
}
