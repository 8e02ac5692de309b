/**
 * The five seed documents as records. Each module states one document's facts with explicit ids; records that
 * several documents name live once in common.ts. Loading goes through the same services as the API (zod parse,
 * reference checks, search index), in dependency order across all documents.
 */
import { eventInput, eventSeriesInput, missionInput, organisationInput, partnershipInput, projectInput, territoryInput } from '@tandem/shared';
import type { Db } from '../../client.js';
import { SYSTEM_CONTEXT } from '../../../lib/actor.js';
import { createMission } from '../../../features/missions/missions.service.js';
import { createOrganisation } from '../../../features/organisations/organisations.service.js';
import { createPartnership } from '../../../features/partnerships/partnerships.service.js';
import { createProject } from '../../../features/projects/projects.service.js';
import { createTerritory } from '../../../features/territories/territories.service.js';
import { createEvent, createEventSeries } from '../../../features/events/events.service.js';
import type { SeedDocument } from '../types.js';
import { commonOrganisations, commonTerritories, groupMemberships } from './common.js';
import { d000 } from './d000-seine-saint-denis-hai-duong.js';
import { d001 } from './d001-assises-chronologie.js';
import { d002 } from './d002-restitution-12e-assises.js';
import { d003 } from './d003-cergy-hue.js';
import { d004 } from './d004-lianes-hauts-de-france.js';
import { seedEvents, seedEventSeries } from './events.js';
import { insertSurvey, seedSurveys } from './surveys.js';
import { loadSeedNews } from './d006-news.js';
import { seedFundingCalls } from './d007-funding.js';
import { loadGroups } from './d005-groups.js';

export const seedDocuments: SeedDocument[] = [d000, d001, d002, d003, d004];

/** A draft with the document it comes from ('common' for the shared records), for error messages. */
interface From<T> { doc: string; draft: T }

type Records = {
  territories: From<SeedDocument['territories'][number]>[];
  territoryChanges: From<NonNullable<SeedDocument['territoryChanges']>[number]>[];
  organisations: From<SeedDocument['organisations'][number]>[];
  partnerships: From<SeedDocument['partnerships'][number]>[];
  projects: From<SeedDocument['projects'][number]>[];
  missions: From<SeedDocument['missions'][number]>[];
  indicators: From<SeedDocument['indicators'][number]>[];
};

/** Every record of every document, with a check that each id is defined exactly once. */
export function seedRecords(docs: SeedDocument[] = seedDocuments): Records {
  const tag = <T>(doc: string, list: T[] | undefined) => (list ?? []).map((draft) => ({ doc, draft }));
  const out: Records = {
    territories: tag('common', commonTerritories), territoryChanges: [], organisations: tag('common', commonOrganisations),
    partnerships: [], projects: [], missions: [], indicators: [],
  };
  for (const d of docs) {
    const id = d.source.id;
    out.territories.push(...tag(id, d.territories));
    out.territoryChanges.push(...tag(id, d.territoryChanges));
    out.organisations.push(...tag(id, d.organisations));
    out.partnerships.push(...tag(id, d.partnerships));
    out.projects.push(...tag(id, d.projects));
    out.missions.push(...tag(id, d.missions));
    out.indicators.push(...tag(id, d.indicators));
  }
  const unique = (kind: string, items: Array<{ doc: string; id: string | undefined }>) => {
    const seen = new Map<string, string>();
    for (const { doc, id } of items) {
      if (!id) throw new Error(`seed ${doc}: a ${kind} has no explicit id`);
      if (seen.has(id)) throw new Error(`seed: ${kind} "${id}" is defined twice (${seen.get(id)} and ${doc})`);
      seen.set(id, doc);
    }
  };
  unique('source document', docs.map((d) => ({ doc: d.source.filename, id: d.source.id })));
  unique('territory', out.territories.map((r) => ({ doc: r.doc, id: r.draft.id })));
  unique('organisation', out.organisations.map((r) => ({ doc: r.doc, id: r.draft.id })));
  unique('partnership', out.partnerships.map((r) => ({ doc: r.doc, id: r.draft.id })));
  unique('agreement', out.partnerships.flatMap((r) => (r.draft.agreements ?? []).map((a) => ({ doc: r.doc, id: a.id }))));
  unique('project', out.projects.map((r) => ({ doc: r.doc, id: r.draft.id })));
  unique('mission', out.missions.map((r) => ({ doc: r.doc, id: r.draft.id })));
  unique('indicator', out.indicators.map((r) => ({ doc: r.doc, id: `${r.draft.territoryId}/${r.draft.indicator}/${r.draft.year}/${r.draft.source}` })));
  return out;
}

/** Parents before children; parents outside the list are reference territories, already loaded. */
export function parentsFirst<T extends { draft: { id?: string; parentId?: string | null } }>(items: T[]): T[] {
  const pending = new Map(items.map((t) => [t.draft.id!, t]));
  const out: T[] = [];
  while (pending.size) {
    const ready = [...pending.values()].filter((t) => !t.draft.parentId || !pending.has(t.draft.parentId) || t.draft.parentId === t.draft.id);
    if (!ready.length) throw new Error(`seed: territory parents form a cycle: ${[...pending.keys()].join(', ')}`);
    for (const t of ready) { out.push(t); pending.delete(t.draft.id!); }
  }
  return out;
}

/** Runs one write, naming the document and record when it fails. */
async function step<T>(doc: string, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = new Error(`seed ${doc}, ${what}: ${(err as Error).message}`);
    (e as any).cause = err;
    throw e;
  }
}

async function insertSources(db: Db, docs: SeedDocument[]) {
  for (const { source: s } of docs) {
    await step(s.id, 'source_document', () => db.query('insert into source_document (id, title, url, filename, published_on) values ($1, $2, $3, $4, $5)',
      [s.id, s.title, s.url ?? null, s.filename, s.publishedOn ?? null]));
  }
}

/** Loads the records stated by the five seed documents. */
export async function loadSeedDocuments(db: Db): Promise<void> {
  const all = seedRecords();
  await insertSources(db, seedDocuments);

  for (const { doc, draft } of parentsFirst(all.territories)) {
    await step(doc, `territory ${draft.id}`, () => createTerritory(db, territoryInput.parse(draft), SYSTEM_CONTEXT));
  }
  for (const { doc, draft: c } of all.territoryChanges) {
    await step(doc, `territory change ${c.fromId} → ${c.toId}`, () => db.query(
      'insert into territory_change (from_id, to_id, kind, on_date, note) values ($1, $2, $3, $4, $5)',
      [c.fromId, c.toId, c.kind, c.onDate, c.note ?? null]));
  }
  for (const { doc, draft } of all.organisations) {
    await step(doc, `organisation ${draft.id}`, () => createOrganisation(db, organisationInput.parse(draft), SYSTEM_CONTEXT));
  }
  for (const m of groupMemberships) {
    await step(m.doc, `group membership ${m.groupId} ⊃ ${m.organisationId}`, () => db.query(
      'insert into group_membership (group_id, organisation_id) values ($1, $2)', [m.groupId, m.organisationId]));
  }
  const setSource = (table: 'partnership' | 'project' | 'mission', doc: string, id: string) =>
    db.query(`update ${table} set source_document_id = $1 where id = $2`, [doc, id]);
  for (const { doc, draft } of all.partnerships) {
    await step(doc, `partnership ${draft.id}`, async () => {
      await createPartnership(db, partnershipInput.parse(draft), SYSTEM_CONTEXT);
      await setSource('partnership', doc, draft.id!);
    });
  }
  for (const { doc, draft } of all.projects) {
    await step(doc, `project ${draft.id}`, async () => {
      await createProject(db, projectInput.parse(draft), SYSTEM_CONTEXT);
      await setSource('project', doc, draft.id!);
    });
  }
  for (const { doc, draft } of all.missions) {
    await step(doc, `mission ${draft.id}`, async () => {
      await createMission(db, missionInput.parse(draft), SYSTEM_CONTEXT);
      await setSource('mission', doc, draft.id!);
    });
  }
  for (const { doc, draft: v } of all.indicators) {
    await step(doc, `indicator ${v.territoryId}/${v.indicator}/${v.year}`, () => db.query(
      `insert into indicator_value (territory_id, indicator, year, value, unit, source, source_document_id)
       values ($1, $2, $3, $4, $5, $6, $7)`, [v.territoryId, v.indicator, v.year, v.value, v.unit ?? null, v.source, doc]));
  }
  for (const { doc, draft } of seedEventSeries) {
    await step(doc, `event series ${draft.id}`, () => createEventSeries(db, eventSeriesInput.parse(draft), SYSTEM_CONTEXT));
  }
  for (const { doc, draft } of seedEvents) {
    await step(doc, `event ${draft.id}`, async () => {
      await createEvent(db, eventInput.parse(draft), SYSTEM_CONTEXT);
      await db.query('update event set source_document_id = $1 where id = $2', [doc, draft.id]);
    });
  }
  for (const { doc, status, draft } of seedSurveys) {
    await step(doc, `survey ${draft.id}`, () => insertSurvey(db, draft, status));
  }
  await loadSeedNews(db); // news linked to records (d006-news.ts, issue 15)
  await seedFundingCalls(db); // funding calls (issue 15)
  await step('d005', 'groups', () => loadGroups(db));
}
