/** The record kinds' CRUD routes, each from its feature's service. */
import { organisationKinds, organisationInput, partnershipInput, partnershipKinds, partnershipStatuses, projectInput, projectStatuses, missionInput, territoryInput, territoryKinds } from '@tandem/shared';
import { z } from 'zod';
import { crudRoutes } from '../lib/crud.js';
import * as T from './territories/territories.service.js';
import * as O from './organisations/organisations.service.js';
import * as P from './partnerships/partnerships.service.js';
import * as PR from './projects/projects.service.js';
import * as M from './missions/missions.service.js';

export const recordRoutes = [
  ...crudRoutes({ path: '/api/territories', tag: 'territories', noun: 'territory', input: territoryInput,
    filters: { kind: z.enum(territoryKinds).optional(), country: z.string().max(2).optional(), parentId: z.string().max(120).optional() },
    service: { list: T.listTerritories, get: T.getTerritory, create: T.createTerritory, update: T.updateTerritory, remove: T.deleteTerritory } }),
  ...crudRoutes({ path: '/api/organisations', tag: 'organisations', noun: 'organisation', input: organisationInput,
    filters: { kind: z.enum(organisationKinds).optional(), country: z.string().max(2).optional() },
    service: { list: O.listOrganisations, get: O.getOrganisation, create: O.createOrganisation, update: O.updateOrganisation, remove: O.deleteOrganisation } }),
  ...crudRoutes({ path: '/api/partnerships', tag: 'partnerships', noun: 'partnership', input: partnershipInput,
    filters: { kind: z.enum(partnershipKinds).optional(), status: z.enum(partnershipStatuses).optional() },
    service: { list: P.listPartnerships, get: P.getPartnership, create: P.createPartnership, update: P.updatePartnership, remove: P.deletePartnership } }),
  ...crudRoutes({ path: '/api/projects', tag: 'projects', noun: 'project', input: projectInput,
    filters: { partnershipId: z.string().max(120).optional(), status: z.enum(projectStatuses).optional() },
    service: { list: PR.listProjects, get: PR.getProject, create: PR.createProject, update: PR.updateProject, remove: PR.deleteProject } }),
  ...crudRoutes({ path: '/api/missions', tag: 'missions', noun: 'mission', input: missionInput,
    filters: { partnershipId: z.string().max(120).optional() },
    service: { list: M.listMissions, get: M.getMission, create: M.createMission, update: M.updateMission, remove: M.deleteMission } }),
];
