/**
 * The organisers' tools on the services: the waiting list's order, declining (frees the place for the next),
 * the CSV (formula-safe, answers as columns), messages to a status; and the person's rights: their registrations
 * in the RGPD export, erased with them (the place freed goes to the waiting list).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '../../../test/db.js';
import type { Db } from '../../db/client.js';
import { SYSTEM, type Actor } from '../../lib/actor.js';
import { erasePerson, exportPerson } from '../people/people.service.js';
import { saveForm } from './registration.form.js';
import { listRegistrations, messageRegistrants, moderate, registrationsCsv, reorderWaiting } from './registration.organisers.js';
import { register } from './registration.service.js';
import { person, testEvent } from './registration.testkit.js';

let db: Db;
const admin: Actor = { accountId: 'acc-x', email: 'admin@example.org', name: 'Admin', grants: [{ role: 'platform_admin', organisationId: null }], via: 'session' };
beforeAll(async () => { db = await testDb(); vi.spyOn(console, 'log').mockImplementation(() => {}); });
afterAll(async () => { vi.restoreAllMocks(); await db?.close(); });

describe('organisers', () => {
  it('reorders the waiting list, declines, and offers the freed place to the new first', async () => {
    const ev = await testEvent(db, { capacity: 1 });
    const regs = [];
    for (const i of [1, 2, 3, 4]) regs.push((await register(db, ev.id, person(`q${i}`))).registration);
    const waiting = await reorderWaiting(db, SYSTEM, ev.id, [regs[3].id]);
    expect(waiting.items.map((r) => [r.email, r.queuePosition])).toEqual([['pq4@example.org', 1], ['pq2@example.org', 2], ['pq3@example.org', 3]]);
    await expect(reorderWaiting(db, SYSTEM, ev.id, [regs[0].id])).rejects.toMatchObject({ status: 400, issues: [{ path: 'ids.0' }] });
    expect(await moderate(db, SYSTEM, ev.id, [regs[0].id], 'decline')).toEqual({ changed: 1 });
    const list = await listRegistrations(db, SYSTEM, ev.id);
    expect(list.counts).toMatchObject({ declined: 1, offered: 1, waiting: 2, accepted: 0 });
    expect(list.items.find((r) => r.status === 'offered')!.email).toBe('pq4@example.org');
    expect(list.items.slice(0, 2).map((r) => [r.email, r.queuePosition])).toEqual([['pq2@example.org', 1], ['pq3@example.org', 2]]);
  });

  it('offers the places added when the capacity is raised; a stale version is 409', async () => {
    const ev = await testEvent(db, { capacity: 1 });
    for (const i of [1, 2, 3]) await register(db, ev.id, person(`cap${i}`));
    const form = { capacity: 2, moderated: false, workshopsMin: 0, offerHours: 12, fields: [] };
    await expect(saveForm(db, SYSTEM, ev.id, { ...form, version: 7 })).rejects.toMatchObject({ status: 409 });
    const saved = await saveForm(db, SYSTEM, ev.id, { ...form, version: 1 });
    expect(saved).toMatchObject({ capacity: 2, version: 2, placesLeft: 0, offerHours: 12 });
    const rows = await db.query(`select email, status from registration where event_id = $1 order by email`, [ev.id]);
    expect(rows.map((r) => r.status)).toEqual(['accepted', 'offered', 'waiting']);
    const outsider: Actor = { ...admin, grants: [{ role: 'member', organisationId: 'ville-montreuil' }] };
    await expect(saveForm(db, outsider, ev.id, { ...form, version: 2 })).rejects.toMatchObject({ status: 403 });
  });

  it('writes a formula-safe CSV with the answers as columns, and messages a status', async () => {
    const ev = await testEvent(db, { fields: [{ key: 'note', type: 'text', required: false, labels: { fr: 'Remarque' } }] });
    await register(db, ev.id, person('csv1', { name: '=HYPERLINK("http://evil")', answers: { note: '@SUM(1)' } }));
    await register(db, ev.id, person('csv2', { answers: { note: 'Rien' } }));
    const csv = await registrationsCsv(db, SYSTEM, ev.id);
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,status,queue_position,name,email,lang,organisation,public_consent,workshops,created_at,Remarque');
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`"'@SUM(1)"`);
    expect(await messageRegistrants(db, SYSTEM, ev.id, { status: 'accepted', subject: 'Accès', body: 'Entrée par la cour.' })).toEqual({ sent: 2 });
    expect(await messageRegistrants(db, SYSTEM, ev.id, { status: 'waiting', subject: 'Accès', body: 'Rien.' })).toEqual({ sent: 0 });
  });

  it('puts a person\'s registrations in their export and erases them with the person', async () => {
    const ev = await testEvent(db, { capacity: 1 });
    await db.query(`insert into person (id, name, email, organisation_id) values ('reg-person', 'Mai Trần', 'prgpd@example.org', 'cd93')`);
    await register(db, ev.id, person('rgpd'));
    await register(db, ev.id, person('next'));
    const exported = await exportPerson(db, admin, 'reg-person');
    expect(exported.registrations.map((r) => [r.eventId, r.status])).toEqual([[ev.id, 'accepted']]);
    // a member of another organisation's event sees no registrations to events they do not organise
    const colleague: Actor = { ...admin, email: 'c@example.org', grants: [{ role: 'member', organisationId: 'cd93' }] };
    const other = await testEvent(db, { host: 'ville-montreuil' });
    await register(db, other.id, person('rgpd'));
    expect((await exportPerson(db, colleague, 'reg-person')).registrations.map((r) => r.eventId)).toEqual([ev.id]);
    await erasePerson(db, admin, 'reg-person');
    expect(await db.query(`select 1 from registration where email = 'prgpd@example.org'`)).toEqual([]);
    expect((await db.query(`select status from registration where email = 'pnext@example.org'`))[0].status).toBe('offered');
  });
});
