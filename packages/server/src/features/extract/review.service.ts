/**
 * Knowledge capture in the workspace (issue 16): a member's text is read, its facts found and kept (private to the
 * organisation), proposed as records; the accepted proposals are created in one transaction through the records'
 * services (roles, revisions, search index), each field used with its provenance.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { missionInput, organisationInput, partnershipInput, projectInput } from '@tandem/shared';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, memberOf, type WriteContext } from '../../lib/actor.js';
import { HttpError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { toIssues } from '../../lib/api.js';
import { audit } from '../audit/audit.js';
import { createOrganisation } from '../organisations/organisations.service.js';
import { createPartnership } from '../partnerships/partnerships.service.js';
import { createProject } from '../projects/projects.service.js';
import { createMission } from '../missions/missions.service.js';
import { extract } from './extract.js';
import { loadGazetteer } from './gazetteer.js';
import { readDocument } from './readers.js';
import { buildProposals, type KnownOrganisation, type Proposal } from './proposals.js';
import { writeProvenance, type ProvenanceKind, type ProvenanceRow } from './provenance.js';
import type { ApplyInput, ExtractionInput } from './review.schema.js';
import type { Extraction } from './types.js';

export interface ExtractionView {
  id: string; organisationId: string; title: string; sourceName: string | null; format: string; text: string;
  facts: Extraction; proposals: Proposal[]; status: 'draft' | 'applied'; createdAt: string; appliedAt: string | null;
}
export interface ApplyResult { id: string; status: 'applied'; created: Array<{ key: string; kind: ProvenanceKind; id: string }>; partnershipId: string | null; provenance: number }

const EMPTY: Extraction = { dates: [], amounts: [], quantities: [], organisations: [], territories: [], partnerships: [] };

/** Who may read or apply an extraction: the members of its organisation and platform administrators. */
function mayRead(ctx: WriteContext, organisationId: string): boolean {
  return isPlatformAdmin(ctx.actor) || memberOf(ctx.actor).has(organisationId);
}

export async function knownOrganisations(db: Db): Promise<KnownOrganisation[]> {
  const rows = await db.query(`select id, name, acronyms, aliases, country, kind, territory_id from organisation`);
  return rows.map((r) => ({ id: r.id, name: r.name, acronyms: r.acronyms ?? [], aliases: r.aliases ?? [], country: r.country, kind: r.kind, territoryId: r.territory_id }));
}

/** The text of what was sent: pasted text as is, saved HTML or a file through the readers. */
async function readInput(input: ExtractionInput): Promise<{ text: string; title?: string; format: string; sourceName: string | null }> {
  const given = [input.text?.trim() ? 'text' : null, input.html?.trim() ? 'html' : null, input.file ? 'file' : null].filter(Boolean);
  if (given.length !== 1) throw new ValidationError([{ path: 'text', message: given.length ? 'send one of text, html or file, not several' : 'send a text, a saved HTML page or a file' }]);
  if (input.text?.trim()) return { text: input.text, format: 'text', sourceName: null };
  if (input.html?.trim()) {
    let doc;
    try { doc = await readDocument(new TextEncoder().encode(input.html), 'page.html', 'text/html'); } catch (e) {
      throw new ValidationError([{ path: 'html', message: `the page could not be read: ${(e as Error).message}` }]);
    }
    return { text: doc.text, title: doc.title, format: doc.format, sourceName: null };
  }
  const bytes = Buffer.from(input.file!.base64, 'base64');
  if (!bytes.length) throw new ValidationError([{ path: 'file.base64', message: 'the file is empty or not base64' }]);
  let doc;
  try { doc = await readDocument(new Uint8Array(bytes), input.file!.name); } catch (e) {
    throw new ValidationError([{ path: 'file', message: `the file could not be read: ${(e as Error).message}` }]);
  }
  return { text: doc.text, title: doc.title, format: doc.format, sourceName: input.file!.name };
}

export async function createExtraction(db: Db, ctx: WriteContext, input: ExtractionInput): Promise<ExtractionView> {
  const [org] = await db.query('select id from organisation where id = $1', [input.organisationId]);
  if (!org) throw new ValidationError([{ path: 'organisationId', message: `no organisation with id "${input.organisationId}"` }]);
  if (!mayRead(ctx, input.organisationId)) throw new HttpError(403, 'only the members of this organisation keep texts for it');
  const doc = await readInput(input);
  if (!doc.text.trim()) throw new ValidationError([{ path: input.file ? 'file' : input.html ? 'html' : 'text', message: 'no text was found in it' }]);
  const facts = extract(doc.text, await loadGazetteer({ db }));
  const title = (input.title?.trim() || doc.title?.trim() || doc.sourceName || doc.text.trim().split('\n')[0]!).slice(0, 300);
  const id = `ex-${randomBytes(8).toString('hex')}`;
  const by = 'system' in ctx.actor ? null : ctx.actor.accountId;
  await db.transaction(async (tx) => {
    await tx.query(`insert into extraction (id, organisation_id, created_by, title, source_name, format, text, facts) values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [id, input.organisationId, by && !by.startsWith('admin-token') ? by : null, title, doc.sourceName, doc.format, doc.text, JSON.stringify(facts)]);
    await audit(tx, { actor: ctx.actor, action: 'extraction_created', targetKind: 'extraction', targetId: id, details: { organisationId: input.organisationId, format: doc.format } });
  });
  return getExtraction(db, ctx, id);
}

/** An extraction with its proposals; 404 for whoever may not read it (its existence does not leak). */
export async function getExtraction(db: Db, ctx: WriteContext, id: string): Promise<ExtractionView> {
  const [r] = await db.query('select * from extraction where id = $1', [id]);
  if (!r || !mayRead(ctx, r.organisation_id)) throw new NotFoundError('extraction', id);
  const facts: Extraction = { ...EMPTY, ...(typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts) };
  return {
    id: r.id, organisationId: r.organisation_id, title: r.title, sourceName: r.source_name, format: r.format, text: r.text, facts,
    proposals: buildProposals(facts, r.text, await knownOrganisations(db), r.title), status: r.status,
    createdAt: new Date(r.created_at).toISOString(), appliedAt: r.applied_at ? new Date(r.applied_at).toISOString() : null,
  };
}

/** Parses a record input built from a proposal; its issues are named after the proposal's fields. */
function parseAs<T>(schema: z.ZodType<T>, value: unknown, at: string, fieldOf: (path: string) => string = (p) => `${at}.fields.${p}`): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(toIssues(r.error).map((i) => ({ path: fieldOf(i.path), message: i.message })));
  return r.data;
}

const str = (v: unknown) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim());
const num = (v: unknown) => (typeof v === 'number' ? v : str(v) === null ? NaN : Number(String(v).replace(/\s/g, '').replace(',', '.')));

/** Creates the accepted proposals' records in one transaction, with their provenance; 409 once applied. */
export async function applyExtraction(db: Db, ctx: WriteContext, id: string, input: ApplyInput): Promise<ApplyResult> {
  const view = await getExtraction(db, ctx, id);
  const stored = new Map(view.proposals.map((p) => [p.key, p]));
  input.proposals.forEach((p, i) => {
    const s = stored.get(p.key);
    if (!s) throw new ValidationError([{ path: `proposals.${i}.key`, message: `no proposal "${p.key}" in this extraction` }]);
    if (s.kind !== p.kind) throw new ValidationError([{ path: `proposals.${i}.kind`, message: `proposal "${p.key}" is a ${s.kind}` }]);
  });
  const accepted = new Map(input.proposals.map((p, i) => [p.key, { at: `proposals.${i}`, stored: stored.get(p.key)!, fields: { ...stored.get(p.key)!.fields, ...p.fields }, match: p.match }]));
  const of = (kind: string) => [...accepted.values()].filter((a) => a.stored.kind === kind);
  return db.transaction(async (tx) => {
    const [lock] = await tx.query('select status from extraction where id = $1 for update', [id]);
    if (lock.status === 'applied') throw new HttpError(409, `extraction ${id} was already applied: its records exist`);
    const created: ApplyResult['created'] = [];
    const prov: ProvenanceRow[] = [];
    const facts = (p: Proposal, recordKind: ProvenanceKind, recordId: string, prefix = '') => {
      for (const f of p.facts) prov.push({ recordKind, recordId, field: prefix + f.field, start: f.start, end: f.end });
    };
    // organisations: the existing one matched, or a new one
    const orgId = new Map<string, string>();
    const countryOf = new Map<string, string | null>();
    for (const a of of('organisation')) {
      const matchId = a.match === null ? undefined : a.match?.id ?? a.stored.match?.id;
      if (matchId) {
        const [o] = await tx.query('select id, country from organisation where id = $1', [matchId]);
        if (!o) throw new ValidationError([{ path: `${a.at}.match.id`, message: `no organisation with id "${matchId}"` }]);
        orgId.set(a.stored.key, o.id); countryOf.set(o.id, o.country);
        continue;
      }
      const f = a.fields;
      const org = parseAs(organisationInput, { name: str(f.name) ?? '', kind: str(f.kind) ?? 'other', country: str(f.country), territoryId: str(f.territoryId),
        acronyms: str(f.acronym) ? [str(f.acronym)] : [] }, a.at, (p) => `${a.at}.fields.${p.startsWith('acronyms') ? 'acronym' : p}`);
      const o = await createOrganisation(tx, org, ctx);
      orgId.set(a.stored.key, o.id); countryOf.set(o.id, o.country ?? null);
      created.push({ key: a.stored.key, kind: 'organisation', id: o.id });
      facts(a.stored, 'organisation', o.id);
    }
    const byName = (name: string | null) => {
      if (!name) return undefined;
      for (const a of of('organisation')) if (String(a.fields.name).toLowerCase() === name.toLowerCase()) return orgId.get(a.stored.key);
      return undefined;
    };
    // partnerships with their agreements
    const partnershipId = new Map<string, string>();
    for (const a of of('partnership')) {
      const parties = (a.stored.refs?.parties ?? []).map((k) => orgId.get(k)).filter((x): x is string => !!x);
      const agreements = of('agreement').filter((g) => g.stored.refs?.partnership?.[0] === a.stored.key);
      const p = parseAs(partnershipInput, {
        title: str(a.fields.title) ?? '', kind: str(a.fields.kind) ?? 'cooperation', started: str(a.fields.started),
        parties: [...new Set(parties)].map((o) => ({ organisationId: o, side: countryOf.get(o) === 'FR' ? 'fr' : 'foreign' })),
        agreements: agreements.map((g) => ({ kind: str(g.fields.kind) ?? 'convention', signed: str(g.fields.signed) })),
      }, a.at, (path) => {
        const g = /^agreements\.(\d+)\.(\w+)/.exec(path);
        return g ? `${agreements[Number(g[1])]!.at}.fields.${g[2]}` : `${a.at}.fields.${path}`;
      });
      const out = await createPartnership(tx, p, ctx);
      partnershipId.set(a.stored.key, out.id);
      created.push({ key: a.stored.key, kind: 'partnership', id: out.id });
      facts(a.stored, 'partnership', out.id);
      agreements.forEach((g, i) => facts(g.stored, 'partnership', out.id, `agreements.${i}.`));
    }
    const partnershipOf = (p: Proposal) => (p.refs?.partnership?.[0] ? partnershipId.get(p.refs.partnership[0]) ?? null : null);
    // a project with its co-financing lines and results
    for (const a of of('project')) {
      const lines = of('funding_line').filter((l) => l.stored.refs?.project?.[0] === a.stored.key);
      const results = of('result').filter((r) => r.stored.refs?.project?.[0] === a.stored.key);
      const partnership = partnershipOf(a.stored);
      const input = parseAs(projectInput, {
        title: str(a.fields.title) ?? '', start: str(a.fields.start), partnershipId: partnership,
        budget: str(a.fields.budget) === null ? null : { amount: num(a.fields.budget), currency: str(a.fields.currency) ?? 'EUR' },
        participants: partnership ? [] : [{ organisationId: view.organisationId, role: 'lead' }],
        funding: lines.map((l) => ({ amount: num(l.fields.amount), currency: str(l.fields.currency) ?? 'EUR',
          funderId: (l.stored.refs?.funder?.[0] && l.fields.funder === l.stored.fields.funder ? orgId.get(l.stored.refs.funder[0]) : undefined) ?? byName(str(l.fields.funder)) ?? null })),
        results: results.map((r) => ({ label: str(r.fields.label) ?? str(r.fields.unit) ?? '', value: num(r.fields.value), unit: str(r.fields.unit) ?? '' })),
      }, a.at, (path) => {
        // a line's or a result's field is named after its own proposal
        const c = /^(funding|results)\.(\d+)\.(\w+)/.exec(path);
        if (!c) return `${a.at}.fields.${path.startsWith('budget.') ? (path === 'budget.currency' ? 'currency' : 'budget') : path}`;
        const child = (c[1] === 'funding' ? lines : results)[Number(c[2])]!;
        return `${child.at}.fields.${c[3] === 'funderId' ? 'funder' : c[3]}`;
      });
      const out = await createProject(tx, input, ctx);
      created.push({ key: a.stored.key, kind: 'project', id: out.id });
      facts(a.stored, 'project', out.id);
      lines.forEach((l, i) => facts(l.stored, 'project', out.id, `funding.${i}.`));
      results.forEach((r, i) => facts(r.stored, 'project', out.id, `results.${i}.`));
    }
    for (const a of of('mission')) {
      const partnership = partnershipOf(a.stored);
      const m = parseAs(missionInput, { title: str(a.fields.title) ?? '', direction: str(a.fields.direction) ?? 'outgoing', from: str(a.fields.from), to: str(a.fields.to),
        partnershipId: partnership, organisations: partnership ? [] : [view.organisationId] }, a.at);
      const out = await createMission(tx, m, ctx);
      created.push({ key: a.stored.key, kind: 'mission', id: out.id });
      facts(a.stored, 'mission', out.id);
    }
    const n = await writeProvenance(tx, id, view.text, prov);
    await tx.query(`update extraction set status = 'applied', applied_at = now() where id = $1`, [id]);
    await audit(tx, { actor: ctx.actor, action: 'extraction_applied', targetKind: 'extraction', targetId: id, details: { created: created.map((c) => `${c.kind}:${c.id}`) } });
    return { id, status: 'applied' as const, created, partnershipId: [...partnershipId.values()][0] ?? null, provenance: n };
  });
}
