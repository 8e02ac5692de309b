/** The events API on the seeded database: list in date order, one event with its parts, one series, 404 and 400. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInput } from '@tandem/shared';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_CONTEXT } from '../../lib/actor.js';
import { createEvent } from './events.service.js';

describe('events API', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  it('lists a series in date order, with hosts', async () => {
    const r = await api.get('/api/events?seriesId=assises-franco-vietnamiennes&perPage=200');
    expect(r.status).toBe(200);
    const ids = r.json.items.map((e: any) => e.id);
    expect(ids).toEqual(['assises-5', 'assises-6', 'assises-7', 'assises-8', 'assises-9', 'assises-10', 'assises-11', 'assises-12', 'restitution-assises-12']);
    expect(r.json.items[0].hosts.map((h: any) => h.id)).toEqual(['ville-toulouse', 'region-occitanie']);
  });

  it('gives one event with dates at their precision, place, workshops and agenda', async () => {
    const e = (await api.get('/api/events/assises-11')).json;
    expect({ start: e.start, end: e.end, side: e.side, place: e.place.id, series: e.series.id, workshopsCount: e.workshopsCount })
      .toEqual({ start: '2019-04-01', end: '2019-04-02', side: 'FR', place: 'FR-C-31555', series: 'assises-franco-vietnamiennes', workshopsCount: 5 });
    expect((await api.get('/api/events/assises-8')).json.start).toBe('2010-11');
    const w = (await api.get('/api/events/assises-12')).json.workshops;
    expect(w.map((x: any) => x.lead?.id)).toEqual(['region-idf', 'ps-eau', 'cuf', 'daect']);
    const r = (await api.get('/api/events/restitution-assises-12')).json;
    expect([r.startTime, r.endTime, r.timeZone, r.online, r.agenda.length]).toEqual(['10:00', '11:30', 'Europe/Paris', true, 6]);
  });

  it('gives a series with its chronology', async () => {
    const s = (await api.get('/api/event-series/ateliers-franco-vietnamiens')).json;
    expect([s.periodFrom, s.periodTo, s.events.map((e: any) => e.edition)]).toEqual([1995, 2000, [1, 2, 3, 4]]);
    expect([s.opening.signed, s.opening.partnership.id]).toEqual(['1989', 'idf-hanoi']);
  });

  it('answers 404 for an unknown event or series, 400 naming the field for a bad filter', async () => {
    expect((await api.get('/api/events/nope')).status).toBe(404);
    expect((await api.get('/api/event-series/nope')).status).toBe(404);
    const r = await api.get('/api/events?seriesId=%20bad%20');
    expect(r.status).toBe(400);
    expect(r.text).toContain('seriesId');
  });

  it('refuses a hostile event: unknown references and non-web links name their field', async () => {
    const base = { title: 'Essai', kind: 'meeting' };
    await expect(createEvent(db, eventInput.parse({ ...base, hosts: ['no-such-org'] }), SYSTEM_CONTEXT)).rejects.toMatchObject({ status: 400 });
    expect(eventInput.safeParse({ ...base, onlineUrl: 'javascript:alert(1)' }).error?.issues[0].path).toEqual(['onlineUrl']);
    expect(eventInput.safeParse({ ...base, startTime: '25:00' }).error?.issues[0].path).toEqual(['startTime']);
    expect(eventInput.safeParse({ ...base, side: 'DE' }).error?.issues[0].path).toEqual(['side']);
  });
});
