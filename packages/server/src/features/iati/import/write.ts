/**
 * Writes batches of mapped activities: organisations first, then projects upserted on their iati-identifier
 * (re-importing updates, never duplicates), then their parts replaced — a handful of set-based statements per batch.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import { reindex } from '../../search/search.index.js';
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

export class BatchWriter {
  created = 0;
  updated = 0;
  constructor(private db: Db, private orgs: OrgResolver) {}

  async write(batch: ActivityIn[]): Promise<void> {
    const acts = [...new Map(batch.map((a) => [a.identifier, a])).values()];
    if (!acts.length) return;
    const ids = await this.ids(acts.map((a) => a.identifier));
    const rows = acts.map((a) => this.projectRow(a, ids.get(a.identifier)!));
    await this.orgs.flush(this.db);
    await this.db.query(`insert into project (id, title, description, status, start_on, start_precision, end_on, end_precision, themes,
        budget_amount, budget_currency, iati_identifier, iati_reporting_org_id, iati_extra)
      select * from json_to_recordset($1::json) as x(id text, title text, description text, status text, start_on date, start_precision text,
        end_on date, end_precision text, themes text[], budget_amount numeric, budget_currency text, iati_identifier text, iati_reporting_org_id text, iati_extra jsonb)
      on conflict (id) do update set title = excluded.title, description = excluded.description, status = excluded.status,
        start_on = excluded.start_on, start_precision = excluded.start_precision, end_on = excluded.end_on, end_precision = excluded.end_precision,
        themes = excluded.themes, budget_amount = excluded.budget_amount, budget_currency = excluded.budget_currency,
        iati_reporting_org_id = excluded.iati_reporting_org_id, iati_extra = excluded.iati_extra, version = project.version + 1, updated_at = now()`, [json(rows)]);
    await this.replaceParts(acts, ids);
    // the batch's search documents now, while the next batch is being read (not all at the end)
    await reindex(this.db, 'project', rows.map((r) => r.id));
  }

  /** Existing projects by identifier; new ones get projectIdFor (with a hash when that id is taken by another project). */
  private async ids(identifiers: string[]): Promise<Map<string, string>> {
    const out = new Map((await this.db.query<{ id: string; iati_identifier: string }>(
      'select id, iati_identifier from project where iati_identifier = any($1::text[])', [identifiers])).map((r) => [r.iati_identifier, r.id]));
    this.updated += out.size;
    const fresh = identifiers.filter((i) => !out.has(i));
    const wanted = fresh.map(projectIdFor);
    const taken = new Set((await this.db.query<{ id: string }>('select id from project where id = any($1::text[])', [wanted])).map((r) => r.id));
    fresh.forEach((identifier, i) => out.set(identifier, taken.has(wanted[i]) ? `${wanted[i].slice(0, 100)}-${createHash('sha1').update(identifier).digest('hex').slice(0, 10)}` : wanted[i]));
    this.created += fresh.length;
    return out;
  }

  private projectRow(a: ActivityIn, id: string) {
    return {
      id, title: a.title, description: a.description, status: a.status, start_on: a.start?.date ?? null, start_precision: a.start?.precision ?? null,
      end_on: a.end?.date ?? null, end_precision: a.end?.precision ?? null, themes: a.themes, budget_amount: a.budget?.amount ?? null,
      budget_currency: a.budget?.currency ?? null, iati_identifier: a.identifier, iati_reporting_org_id: a.reporting ? this.orgs.resolve(a.reporting) : null, iati_extra: a.extra,
    };
  }

  private async replaceParts(acts: ActivityIn[], ids: Map<string, string>): Promise<void> {
    const all = acts.map((a) => ids.get(a.identifier)!);
    for (const t of ['project_place', 'project_participant', 'funding_line', 'result']) await this.db.query(`delete from ${t} where project_id = any($1::text[])`, [all]);
    await this.db.query(`delete from link where owner_kind = 'project' and owner_id = any($1::text[])`, [all]);
    const places: unknown[] = [], parts: unknown[] = [], lines: unknown[] = [], results: unknown[] = [], links: unknown[] = [];
    for (const a of acts) {
      const pid = ids.get(a.identifier)!;
      places.push(...a.countries.map((t) => ({ pid, t })));
      const seen = new Set<string>();
      a.participants.forEach((p, i) => {
        const o = this.orgs.resolve(p);
        if (!seen.has(`${o}/${p.role}`)) { seen.add(`${o}/${p.role}`); parts.push({ pid, o, r: p.role, i }); }
      });
      a.funding.forEach((f, i) => lines.push({ pid, f: f.funder ? this.orgs.resolve(f.funder) : null, a: f.amount, c: f.currency, y: f.year, k: f.kind,
        n: f.note, e: f.element, t: f.type, d: f.onDate, d2: f.endDate, i }));
      a.results.forEach((r, i) => results.push({ pid, l: r.label, v: r.value, u: r.unit, y: r.year, k: r.kind, i }));
      a.links.forEach((l, i) => links.push({ pid, u: l.url, t: l.title, k: l.kind, i }));
    }
    await this.orgs.flush(this.db);
    await this.insert('project_place (project_id, territory_id)', 'pid, t', 'pid text, t text', places);
    await this.insert('project_participant (project_id, organisation_id, role, position)', 'pid, o, r, i', 'pid text, o text, r text, i int', parts);
    await this.insert('funding_line (project_id, funder_id, amount, currency, year, kind, note, iati_element, iati_type, on_date, end_date, position)',
      'pid, f, a, c, y, k, n, e, t, d, d2, i', 'pid text, f text, a numeric, c text, y int, k text, n text, e text, t text, d date, d2 date, i int', lines);
    await this.insert('result (project_id, label, value, unit, year, kind, position)', 'pid, l, v, u, y, k, i', 'pid text, l text, v numeric, u text, y int, k text, i int', results);
    await this.insert(`link (owner_kind, owner_id, url, title, kind, position)`, `'project', pid, u, t, k, i`, 'pid text, u text, t text, k text, i int', links);
  }

  private async insert(target: string, select: string, columns: string, rows: unknown[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      await this.db.query(`insert into ${target} select ${select} from json_to_recordset($1::json) as x(${columns})`, [json(rows.slice(i, i + 5000))]);
    }
  }

  /** Search documents of the organisations the import created (the projects' are written batch by batch). */
  async reindex(): Promise<void> {
    for (let i = 0; i < this.orgs.created.length; i += 1000) await reindex(this.db, 'organisation', this.orgs.created.slice(i, i + 1000));
  }
}
