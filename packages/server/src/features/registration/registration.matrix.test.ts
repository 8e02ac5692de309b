/**
 * The role × endpoint matrix of registration (the rows of features/permissions/matrix.test.ts for these routes),
 * through the real app with sessions and CSRF as a browser: anonymous, a member of another organisation, the
 * administrator of a network the host does not belong to, the administrator of Cités Unies France (the host's
 * network, through its Groupe-Pays Vietnam), an organiser (member of the host organisation cd93), a platform
 * administrator. A network administrator's grant is on the network: it organises the network's own events (one
 * hosted by cuf here) and not those of its member organisations, whose registrants' names and addresses stay with
 * them (events/organisers.ts). Refused writes change nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import type { Grant } from '../../lib/actor.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { register } from './registration.service.js';
import { person, testEvent } from './registration.testkit.js';

type Role = 'anonymous' | 'outsider' | 'other_network_admin' | 'network_admin' | 'organiser' | 'platform_admin';
const GRANTS: Record<Role, Grant[]> = {
  anonymous: [], outsider: [{ role: 'member', organisationId: 'ville-montreuil' }], organiser: [{ role: 'member', organisationId: 'cd93' }],
  other_network_admin: [{ role: 'network_admin', organisationId: 'lianes' }], // a network cd93 does not belong to
  network_admin: [{ role: 'network_admin', organisationId: 'cuf' }], // cd93's network (its Groupe-Pays Vietnam is in it)
  platform_admin: [{ role: 'platform_admin', organisationId: null }],
};
const ORGANISERS: Role[] = ['organiser', 'platform_admin'];
/** the organisers of the event hosted by the network itself */
const NETWORK_ORGANISERS: Role[] = ['network_admin', 'platform_admin'];
const ALL: Role[] = ['anonymous', 'outsider', 'other_network_admin', 'network_admin', 'organiser', 'platform_admin'];

interface Case { name: string; method: 'get' | 'post' | 'put'; path: string; body?: (ids: Ids) => unknown; allowed: Role[]; ok?: number }
interface Ids { event: string; cufEvent: string; waiting: string[]; pending: string; cufWaiting: string }

const CASES: Case[] = [
  { name: 'read the form', method: 'get', path: '/api/events/EV/registration-form', allowed: ALL },
  { name: 'read the public participants', method: 'get', path: '/api/events/EV/participants', allowed: ALL },
  { name: 'register', method: 'post', path: '/api/events/EV/registrations', body: () => person(`m-${Math.random().toString(36).slice(2)}`), allowed: ALL, ok: 201 },
  { name: 'read my registrations', method: 'get', path: '/api/me/registrations', allowed: ['outsider', 'other_network_admin', 'network_admin', 'organiser', 'platform_admin'] },
  { name: 'read the registrations', method: 'get', path: '/api/events/EV/registrations', allowed: ORGANISERS },
  { name: 'read the waiting list', method: 'get', path: '/api/events/EV/registrations?status=waiting', allowed: ORGANISERS },
  { name: 'download the registrations as CSV', method: 'get', path: '/api/events/EV/registrations.csv', allowed: ORGANISERS },
  { name: 'save the form', method: 'put', path: '/api/events/EV/registration-form', body: () => ({ capacity: 2, moderated: false, workshopsMin: 0, offerHours: 24, fields: [], version: 1 }), allowed: ORGANISERS },
  { name: 'moderate', method: 'post', path: '/api/events/EV/registrations/moderate', body: (ids) => ({ ids: [ids.pending], decision: 'decline' }), allowed: ORGANISERS },
  { name: 'reorder the waiting list', method: 'post', path: '/api/events/EV/registrations/reorder', body: (ids) => ({ ids: [ids.waiting[1]] }), allowed: ORGANISERS },
  { name: 'message the registrants', method: 'post', path: '/api/events/EV/registrations/message', body: () => ({ status: 'accepted', subject: 'Programme', body: 'Le programme est en ligne.' }), allowed: ORGANISERS },
  // an event hosted by Cités Unies France itself: its network administrator organises it, cd93's members do not
  { name: 'read the registrations of the network\'s event', method: 'get', path: '/api/events/EVCUF/registrations', allowed: NETWORK_ORGANISERS },
  { name: 'download the registrations of the network\'s event', method: 'get', path: '/api/events/EVCUF/registrations.csv', allowed: NETWORK_ORGANISERS },
  { name: 'reorder the waiting list of the network\'s event', method: 'post', path: '/api/events/EVCUF/registrations/reorder', body: (ids) => ({ ids: [ids.cufWaiting] }), allowed: NETWORK_ORGANISERS },
  { name: 'save the form of the network\'s event', method: 'put', path: '/api/events/EVCUF/registration-form', body: () => ({ capacity: 2, moderated: false, workshopsMin: 0, offerHours: 24, fields: [], version: 1 }), allowed: NETWORK_ORGANISERS },
];

describe.each(ALL)('as %s', (role) => {
  let db: Db; let ids: Ids;
  let client: ReturnType<typeof browser>;
  let auth: Record<string, string> = {};
  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    db = await testDb();
    client = browser(createApp({ db, adminToken: 'matrix-admin-token' }));
    const ev = await testEvent(db, { capacity: 1 });
    const regs = [];
    for (const i of [1, 2, 3]) regs.push(await register(db, ev.id, person(`matrix-${i}`)));
    await db.query(`update registration_form set moderated = true where event_id = $1`, [ev.id]);
    const pending = await register(db, ev.id, person('matrix-pending'));
    await db.query(`update registration_form set moderated = false where event_id = $1`, [ev.id]);
    const cuf = await testEvent(db, { capacity: 1, host: 'cuf' });
    const cufRegs = [];
    for (const i of [1, 2]) cufRegs.push(await register(db, cuf.id, person(`cufmatrix-${i}`)));
    ids = { event: ev.id, cufEvent: cuf.id, waiting: regs.slice(1).map((r) => r.registration.id), pending: pending.registration.id, cufWaiting: cufRegs[1].registration.id };
    if (role !== 'anonymous') {
      await makeAccount(db, `${role}@example.org`, GRANTS[role]);
      auth = { 'x-csrf-token': await client.login(`${role}@example.org`) };
    }
  });
  afterAll(async () => { vi.restoreAllMocks(); await db?.close(); });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = c.path.replace('EVCUF', ids.cufEvent).replace('EV', ids.event);
    const state = () => db.query(`select id, status, queue_position, version from registration where event_id = any($1::text[]) order by id`, [[ids.event, ids.cufEvent]]);
    const forms = () => db.query(`select event_id, capacity, version from registration_form where event_id = any($1::text[]) order by event_id`, [[ids.event, ids.cufEvent]]);
    const before = await state(); const formsBefore = await forms();
    const r = c.method === 'get' ? await client.get(path, auth) : c.method === 'put' ? await client.put(path, c.body?.(ids), auth) : await client.post(path, c.body?.(ids), auth);
    const allowed = c.allowed.includes(role);
    const expected = allowed ? c.ok ?? 200 : role === 'anonymous' ? (c.method === 'get' && c.path !== '/api/me/registrations' ? 404 : 401) : 403;
    expect(r.status, `${role} ${c.name}: ${r.text}`).toBe(expected);
    if (!allowed) {
      expect(r.text).not.toMatch(/p(cuf)?matrix-\d@example.org/);
      expect(await state()).toEqual(before);
      expect(await forms()).toEqual(formsBefore);
    } else if (c.method === 'get' && c.path.includes('/registrations')) {
      // an allowed reader sees the registrants of that event, never those of the other one
      const [mine, other] = c.path.includes('EVCUF') ? [/pcufmatrix-\d@/, /pmatrix-\d@/] : [/pmatrix-\d@/, /pcufmatrix-\d@/];
      if (c.path !== '/api/me/registrations') { expect(r.text).toMatch(mine); expect(r.text).not.toMatch(other); }
    }
  });
});
