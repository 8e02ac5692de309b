import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffRecords } from '@tandem/shared';
import { testDb } from '../../../server/test/db.js';
import type { Db } from '../../../server/src/db/client.js';
import { getMission } from '../../../server/src/features/missions/missions.service.js';
import { getOrganisation } from '../../../server/src/features/organisations/organisations.service.js';
import { getPartnership } from '../../../server/src/features/partnerships/partnerships.service.js';
import { getProject } from '../../../server/src/features/projects/projects.service.js';
import { getTerritory } from '../../../server/src/features/territories/territories.service.js';
import { i18n, langs } from '../i18n/index.js';
import { changeLabel, changeValue } from './change-label.js';

describe('labels of changed fields in the history', () => {
  const [fr, en, vi] = langs.map(i18n);

  it('shows a vocabulary\'s values in words, and other values as stored', () => {
    expect(changeValue(fr, 'partnership', 'agreements.1.kind', 'avenant')).toBe('Avenant');
    expect(changeValue(en, 'project', 'participants.0.role', 'lead')).toBe('Lead');
    expect(changeValue(fr, 'partnership', 'links.0.kind', 'agreement')).toBe('Texte de l’accord');
    expect(changeValue(en, 'project', 'title', 'agreement')).toBe('agreement');
    expect(changeValue(fr, 'project', 'themes', ['eau', 'sante'])).toBe('eau, sante');
    expect(changeValue(fr, 'project', 'budget', null)).toBe('—');
    expect(changeValue(en, 'event', 'sessions.2.kind', 'workshop')).toBe('Workshop');
    expect(changeLabel(fr, 'event', 'sessions.1.room')).toBe('Programme, ligne 2 : salle ou lieu');
    expect(changeLabel(en, 'event', 'sessions.0.leads.1')).toBe('Programme, line 1: lead organisations');
  });

  it('names a line from 1 and the field, in each language', () => {
    expect(changeLabel(fr, 'project', 'funding.2.funderId')).toBe('Cofinancement, ligne 3 : financeur');
    expect(changeLabel(en, 'project', 'funding.2.funderId')).toBe('Co-financing, line 3: funder');
    expect(changeLabel(vi, 'project', 'funding.2.funderId')).toBe('Đồng tài trợ, dòng 3: nhà tài trợ');
    expect(changeLabel(en, 'project', 'funding.0.funderName')).toBe('Co-financing, line 1: funder');
    expect(changeLabel(fr, 'partnership', 'parties.1.name')).toBe('Parties, ligne 2 : acteur');
    expect(changeLabel(en, 'partnership', 'parties.1.side')).toBe('Parties, line 2: side');
    expect(changeLabel(en, 'partnership', 'agreements.0.axes.2')).toBe('Agreements, line 1: axes');
    expect(changeLabel(en, 'project', 'budget.amount')).toBe('Budget: amount');
    expect(changeLabel(en, 'project', 'partnership.title')).toBe('Partnership');
    expect(changeLabel(fr, 'partnership', 'summary')).toBe('Résumé');
    expect(changeLabel(fr, 'territory', 'codes.insee')).toBe('Codes officiels : insee');
    expect(changeLabel(en, 'project', 'nonsense.0.path')).toBeNull();
  });

  describe('every path of the stored records has a label', () => {
    let db: Db;
    beforeAll(async () => { db = await testDb(); });
    afterAll(async () => { await db.close(); });

    it('for each kind, in each language', async () => {
      const ids = async (sql: string) => (await db.query<{ id: string }>(sql)).map((r) => r.id);
      const records: Array<[string, unknown]> = [];
      for (const id of await ids('select id from partnership order by id')) records.push(['partnership', await getPartnership(db, id)]);
      for (const id of await ids('select id from project order by id')) records.push(['project', await getProject(db, id)]);
      for (const id of await ids('select id from mission order by id')) records.push(['mission', await getMission(db, id)]);
      for (const id of await ids('select distinct organisation_id as id from partnership_party order by 1')) records.push(['organisation', await getOrganisation(db, id)]);
      for (const id of await ids(`select id from territory where id in (select from_id from territory_change) or id in (select territory_id from indicator_value) or codes <> '{}' order by id limit 40`)) {
        records.push(['territory', await getTerritory(db, id)]);
      }
      expect(new Set(records.map(([k]) => k)).size).toBe(5);
      const missing = new Set<string>();
      for (const [kind, r] of records) {
        for (const { path } of diffRecords(null, r)) for (const i of [fr, en, vi]) if (changeLabel(i, kind, path) === null) missing.add(`${kind} ${path.replace(/\.\d+/g, '.#')}`);
      }
      expect([...missing]).toEqual([]);
    });
  });
});
