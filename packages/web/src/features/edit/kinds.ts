/** The editable record kinds (five, and events with their series): their schemas (the API's), services and paths. */
import { eventSeriesInput, missionInput, organisationInput, partnershipInput, projectInput, territoryInput, withVersion } from '@tandem/shared';
import type { z } from 'zod';
import type { Db } from '../../../../server/src/db/client.js';
import type { WriteContext } from '../../../../server/src/lib/actor.js';
import { toInput } from '../../../../server/src/features/history/to-input.js';
import type { WritableKind } from '../../../../server/src/features/permissions/permissions.js';
import { createMission, getMission, updateMission } from '../../../../server/src/features/missions/missions.service.js';
import { createOrganisation, getOrganisation, updateOrganisation } from '../../../../server/src/features/organisations/organisations.service.js';
import { createPartnership, getPartnership, updatePartnership } from '../../../../server/src/features/partnerships/partnerships.service.js';
import { createProject, getProject, updateProject } from '../../../../server/src/features/projects/projects.service.js';
import { createTerritory, getTerritory, updateTerritory } from '../../../../server/src/features/territories/territories.service.js';
import { createEvent, createEventSeries, getEvent, getEventSeries } from '../../../../server/src/features/events/events.service.js';
import { eventWithGroupInput, eventWithGroupUpdate } from '../../../../server/src/features/groups/meetings.js';
import { updateEvent, updateEventSeries } from '../../../../server/src/features/events/events.write.js';

export const pluralKinds = ['partnerships', 'projects', 'organisations', 'missions', 'territories', 'events', 'series'] as const;
export type PluralKind = (typeof pluralKinds)[number];
export const KIND_PATTERN = pluralKinds.join('|');

export interface KindSpec {
  kind: WritableKind & ('partnership' | 'project' | 'organisation' | 'mission' | 'territory' | 'event' | 'event_series');
  plural: PluralKind;
  /** the create schema (as POST /api/{kind}) */
  create: z.ZodObject;
  /** the update schema (as PUT /api/{kind}/{id}): the whole record, without id, plus version */
  update: z.ZodObject;
  get(db: Db, id: string): Promise<any>;
  save(db: Db, id: string | null, input: any, ctx: WriteContext): Promise<{ id: string }>;
  /** the record as the form's starting values */
  values(record: any): Record<string, unknown>;
  title(record: any): string;
}

function spec(kind: KindSpec['kind'], plural: PluralKind, schema: z.ZodObject, get: KindSpec['get'],
  create: (db: Db, input: any, ctx: WriteContext) => Promise<any>, update: (db: Db, id: string, input: any, ctx: WriteContext) => Promise<any>,
  title: (r: any) => string, updateSchema: z.ZodObject = schema): KindSpec {
  return {
    kind, plural, create: schema.omit({ id: true }), update: withVersion(updateSchema).omit({ id: true }), get, title,
    save: (db, id, input, ctx) => (id ? update(db, id, input, ctx) : create(db, input, ctx)),
    values: (r) => toInput(kind, r),
  };
}

export const KINDS: Record<PluralKind, KindSpec> = {
  partnerships: spec('partnership', 'partnerships', partnershipInput, getPartnership, createPartnership, updatePartnership, (r) => r.title),
  projects: spec('project', 'projects', projectInput, getProject, createProject, updateProject, (r) => r.title),
  organisations: spec('organisation', 'organisations', organisationInput, getOrganisation, createOrganisation, updateOrganisation, (r) => r.name),
  missions: spec('mission', 'missions', missionInput, getMission, createMission, updateMission, (r) => r.title),
  territories: spec('territory', 'territories', territoryInput, getTerritory, createTerritory, updateTerritory, (r) => r.name),
  // an event's form leaves its workshops to the programme; a series is edited only (its id is chosen at creation, through the API)
  events: spec('event', 'events', eventWithGroupInput, getEvent, createEvent, updateEvent, (r) => r.title, eventWithGroupUpdate),
  series: spec('event_series', 'series', eventSeriesInput, getEventSeries, createEventSeries, updateEventSeries, (r) => r.name),
};

export const kindSpec = (plural: string | undefined): KindSpec | null => (plural && plural in KINDS ? KINDS[plural as PluralKind] : null);
export const byKind = (kind: string): KindSpec | null => Object.values(KINDS).find((k) => k.kind === kind) ?? null;
