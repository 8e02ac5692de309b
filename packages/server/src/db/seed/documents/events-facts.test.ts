/**
 * The seeded events against the facts of seeds 001, 002 and 003, read back with plain SQL: series and their
 * periods, the twelve editions (number, place, dates with their precision, side, hosts), the 11th's theme and
 * workshop count, the 12th's workshops and leads, the online restitution of 9 June 2023 and its agenda.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../client.js';
import { testDb } from '../../../../test/db.js';

let db: Db;
beforeAll(async () => { db = await testDb(); });
afterAll(async () => { await db?.close(); });

const day = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

async function edition(series: string, n: number) {
  const r = await db.query<any>(`select id, title, kind, side, place_territory_id, start_on, start_precision, end_on, end_precision, theme, workshops_count, source_document_id
    from event where series_id = $1 and edition = $2`, [series, n]);
  expect(r.length, `edition ${n} of ${series}`).toBe(1);
  const hosts = await db.query('select organisation_id from event_host where event_id = $1 order by position', [r[0].id]);
  return { ...r[0], start: `${day(r[0].start_on)}/${r[0].start_precision}`, end: `${day(r[0].end_on)}/${r[0].end_precision}`, hosts: hosts.map((h) => h.organisation_id) };
}

describe('event series (seed 001)', () => {
  it('has the Ateliers 1995–2000 and the Assises from 2003', async () => {
    const r = await db.query('select id, period_from, period_to from event_series order by period_from');
    expect(r.map((s) => [s.id, s.period_from, s.period_to])).toEqual([
      ['ateliers-franco-vietnamiens', 1995, 2000], ['assises-franco-vietnamiennes', 2003, null]]);
  });
});

describe('editions (seed 001)', () => {
  const table: Array<[string, number, string, string, string, 'FR' | 'VN', string[]]> = [
    ['ateliers-franco-vietnamiens', 1, 'FR-R-32', '1995-01-01/year', '1995-01-01/year', 'FR', []],
    ['ateliers-franco-vietnamiens', 2, 'FR-D-22', '1996-01-01/year', '1996-01-01/year', 'FR', ['cd22']],
    ['ateliers-franco-vietnamiens', 3, 'FR-R-75', '1998-01-01/year', '1998-01-01/year', 'FR', []],
    ['ateliers-franco-vietnamiens', 4, 'FR-C-54431', '2000-01-01/year', '2000-01-01/year', 'FR', []],
    ['assises-franco-vietnamiennes', 5, 'FR-C-31555', '2003-01-01/year', '2003-01-01/year', 'FR', ['ville-toulouse', 'region-occitanie']],
    ['assises-franco-vietnamiennes', 6, 'VN-C-hue', '2005-01-01/year', '2005-01-01/year', 'VN', ['ville-hue']],
    ['assises-franco-vietnamiennes', 7, 'FR-C-93048', '2007-01-01/year', '2007-01-01/year', 'FR', ['ville-montreuil']],
    ['assises-franco-vietnamiennes', 8, 'VN-P-31', '2010-11-01/month', '2010-11-01/month', 'VN', ['hai-phong-cp']],
    ['assises-franco-vietnamiennes', 9, 'FR-C-29019', '2013-09-01/month', '2013-09-01/month', 'FR', ['ville-brest']],
    ['assises-franco-vietnamiennes', 10, 'VN-P-92', '2016-09-01/month', '2016-09-01/month', 'VN', ['can-tho-cp']],
    ['assises-franco-vietnamiennes', 11, 'FR-C-31555', '2019-04-01/day', '2019-04-02/day', 'FR', ['ville-toulouse']],
    ['assises-franco-vietnamiennes', 12, 'VN-P-01', '2023-01-01/year', '2023-01-01/year', 'VN', ['hanoi-cp']],
  ];
  it.each(table)('%s no. %i', async (series, n, place, start, end, side, hosts) => {
    const e = await edition(series, n);
    expect({ kind: e.kind, place: e.place_territory_id, start: e.start, end: e.end, side: e.side, hosts: e.hosts })
      .toEqual({ kind: 'edition', place, start, end, side, hosts });
  });
  it('numbers twelve editions in a row, alternating sides from 2003', async () => {
    const r = await db.query(`select edition, side from event where kind = 'edition' order by edition`);
    expect(r.map((e) => e.edition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.slice(4).map((e) => e.side).join('')).toBe('FRVNFRVNFRVNFRVN');
  });
  it('gives the 11th its theme and five workshops', async () => {
    const e = await edition('assises-franco-vietnamiennes', 11);
    expect(e.theme).toBe('Des partenariats au service du développement innovant et durable du territoire');
    expect(e.workshops_count).toBe(5);
    expect(e.source_document_id).toBe('seed-001');
  });
});

describe('the 12th Assises and their restitution (seed 002)', () => {
  it('lists the four workshops with their lead organisations', async () => {
    const r = await db.query(`select w.title, l.organisation_id as lead_organisation_id from event_session w
      left join event_session_lead l on l.session_id = w.id where w.event_id = 'assises-12' and w.kind = 'workshop' order by w.position`);
    expect(r.map((w) => [w.title, w.lead_organisation_id])).toEqual([
      ['Ville durable', 'region-idf'], ['Enjeux environnementaux, eau et assainissement', 'ps-eau'],
      ['Culture, patrimoine et tourisme', 'cuf'], ['Ville intelligente et digitalisation', 'daect']]);
    expect((await edition('assises-franco-vietnamiennes', 12)).workshops_count).toBe(4);
  });
  it('holds the restitution online on 9 June 2023, 10:00–11:30 Paris time, with its agenda', async () => {
    const [e] = await db.query(`select kind, online, start_on, start_precision, start_time::text as st, end_time::text as et, time_zone, series_id, edition, source_document_id
      from event where id = 'restitution-assises-12'`);
    expect({ ...e, start_on: day(e.start_on) }).toEqual({ kind: 'online', online: true, start_on: '2023-06-09', start_precision: 'day', st: '10:00:00',
      et: '11:30:00', time_zone: 'Europe/Paris', series_id: 'assises-franco-vietnamiennes', edition: null, source_document_id: 'seed-002' });
    const agenda = await db.query(`select position from event_agenda_item where event_id = 'restitution-assises-12' order by position`);
    expect(agenda.map((a) => a.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('records the restitution’s minutes and decisions: the Sénat meeting before the end of September 2023', async () => {
    const [e] = await db.query(`select minutes from event where id = 'restitution-assises-12'`);
    expect(e.minutes.split('\n\n').length).toBeGreaterThanOrEqual(5);
    expect(e.minutes).toMatch(/pS-Eau/);
    const d = await db.query(`select text, owner_organisation_id, owner_text, due::text as due, due_precision, status from event_decision
      where event_id = 'restitution-assises-12' order by position`);
    expect(d[0]).toMatchObject({ owner_organisation_id: 'senat-groupe-amitie-vietnam', due: '2023-09-01', due_precision: 'month', status: 'open' });
    expect(d[0].text).toMatch(/Sénat.*Groupe-Pays Vietnam/);
    expect(d[0].owner_text).toMatch(/Groupe-Pays Vietnam/);
    expect(d.find((x) => /rapport de synthèse/.test(x.text))).toMatchObject({ owner_organisation_id: null, status: 'open' });
    expect(d.every((x) => x.status === 'open')).toBe(true);
  });
  it('keeps a revision for each event written by the seed', async () => {
    const [{ n }] = await db.query(`select count(*)::int as n from revision where record_kind = 'event' and action = 'create'`);
    const [{ m }] = await db.query('select count(*)::int as m from event');
    expect(n).toBe(m);
    expect(m).toBe(13);
  });
});
