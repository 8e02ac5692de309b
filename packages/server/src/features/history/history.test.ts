import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { client } from '../../../test/http.js';
import type { Db } from '../../db/client.js';
import type { Actor, WriteContext } from '../../lib/actor.js';
import { getPartnership, updatePartnership } from '../partnerships/partnerships.service.js';
import { getProject, updateProject } from '../projects/projects.service.js';
import { listValidations, setValidation } from '../validation/validation.service.js';
import { toInput } from './to-input.js';
import { addGrant, createAccount } from '../auth/accounts.js';
import { getOrganisation } from '../organisations/organisations.service.js';

const member = (org: string, id = `acct-${org}`): WriteContext => ({
  actor: { accountId: id, email: `${id}@example.org`, name: id, grants: [{ role: 'member', organisationId: org }], via: 'session' } satisfies Actor,
});

describe('revisions, restore, partner validation and roles (service level)', () => {
  let db: Db;
  let api: ReturnType<typeof client>;
  beforeAll(async () => { db = await testDb(); api = client(db); });
  afterAll(async () => { await db.close(); });

  it('keeps every change as a revision with a readable diff, and restores an earlier one as a new revision', async () => {
    const before = await getProject(db, 'innotech-master');
    const input = toInput('project', before) as any;
    input.funding[0].amount = '90000';
    await updateProject(db, 'innotech-master', { ...input, version: before.version }, member('cd93'));
    const revs = (await api.get('/api/projects/innotech-master/revisions')).json.items;
    // an anonymous reader sees the organisation the member acted for, not the person
    expect(revs[0]).toMatchObject({ action: 'update', actor: { kind: 'organisation', organisation: { id: 'cd93', name: 'Département de la Seine-Saint-Denis' } } });
    expect(revs[0].actor).not.toHaveProperty('accountId');
    expect(revs[0].actor).not.toHaveProperty('label');
    expect(revs[0].changes).toEqual([{ path: 'funding.0.amount', before: '80000', after: '90000' }]);
    expect(revs.at(-1)).toMatchObject({ action: 'create', actor: { kind: 'system', organisation: null } });

    const stale = await api.post(`/api/projects/innotech-master/revisions/${revs.at(-1).id}/restore`, { version: before.version });
    expect(stale.status).toBe(409);
    const restored = await api.post(`/api/projects/innotech-master/revisions/${revs.at(-1).id}/restore`, { version: before.version + 1 });
    expect(restored.status).toBe(200);
    expect(restored.json.funding.map((f: any) => f.amount)).toEqual(['80000', '80000']);
    const after = (await api.get('/api/projects/innotech-master/revisions')).json.items;
    expect(after).toHaveLength(revs.length + 1);
    expect(after[0]).toMatchObject({ action: 'restore', actor: { kind: 'platform', organisation: null }, changes: [{ path: 'funding.0.amount', before: '90000', after: '80000' }] });
  });

  it('refuses writes by members of organisations not taking part, changing nothing', async () => {
    const p = await getPartnership(db, 'ssd-hai-duong');
    const input = { ...(toInput('partnership', p) as any), status: 'ended', version: p.version };
    await expect(updatePartnership(db, 'ssd-hai-duong', input, member('ville-montreuil'))).rejects.toMatchObject({ status: 403 });
    // a member cannot hand the record over to other organisations either
    const takeover = { ...input, parties: [{ organisationId: 'ville-montreuil', side: 'fr' }, { organisationId: 'hai-duong-cp', side: 'foreign' }] };
    await expect(updatePartnership(db, 'ssd-hai-duong', takeover, member('cd93'))).rejects.toMatchObject({ status: 403 });
    expect((await getPartnership(db, 'ssd-hai-duong')).version).toBe(p.version);
    const revs = await db.query(`select count(*)::int as n from revision where record_kind = 'partnership' and record_id = 'ssd-hai-duong'`);
    expect(revs[0].n).toBe(1);
  });

  it('asks the other party to validate after a change, and resets on the next change', async () => {
    expect((await listValidations(db, 'partnership', 'ssd-hai-duong')).map((v) => v.state)).toEqual(['awaiting', 'awaiting']);
    const p = await getPartnership(db, 'ssd-hai-duong');
    await updatePartnership(db, 'ssd-hai-duong', { ...(toInput('partnership', p) as any), summary: 'Résumé revu.', version: p.version }, member('cd93'));
    let states = await listValidations(db, 'partnership', 'ssd-hai-duong');
    expect(states.map((v) => [v.organisationId, v.state])).toEqual([['cd93', 'validated'], ['hai-duong-cp', 'awaiting']]);

    await expect(setValidation(db, member('ville-montreuil'), 'partnership', 'ssd-hai-duong', { organisationId: 'hai-duong-cp', state: 'validated' })).rejects.toMatchObject({ status: 403 });
    await expect(setValidation(db, member('hai-duong-cp'), 'partnership', 'ssd-hai-duong', { organisationId: 'hai-duong-cp', state: 'changes_requested' }))
      .rejects.toMatchObject({ status: 400, issues: [{ path: 'comment', message: 'say which changes you request' }] });
    states = await setValidation(db, member('hai-duong-cp'), 'partnership', 'ssd-hai-duong', { organisationId: 'hai-duong-cp', state: 'validated' });
    expect(states.map((v) => v.state)).toEqual(['validated', 'validated']);

    const again = await getPartnership(db, 'ssd-hai-duong');
    await updatePartnership(db, 'ssd-hai-duong', { ...(toInput('partnership', again) as any), summary: 'Encore revu.', version: again.version }, member('hai-duong-cp'));
    expect((await listValidations(db, 'partnership', 'ssd-hai-duong')).map((v) => v.state)).toEqual(['awaiting', 'validated']);
    const api409 = await api.post('/api/partnerships/cergy-hue/validations', { organisationId: 'nobody', state: 'validated' });
    expect(api409.status).toBe(400);
  });

  it('derives the organisation of revisions written before it was kept (migration 0011)', async () => {
    const account = async (email: string, grants: Array<[role: 'member' | 'platform_admin', org: string | null]>) => {
      const a = await createAccount(db, { email, name: email });
      for (const [role, organisationId] of grants) await addGrant(db, a.id, { role, organisationId }, null);
      return a.id;
    };
    const both = await account('both@example.org', [['member', 'ville-montreuil'], ['member', 'cd93']]);
    const montreuil = await account('montreuil@example.org', [['member', 'ville-montreuil']]);
    const vn = await account('vn@example.org', [['member', 'hai-duong-cp']]);
    const admin = await account('root@example.org', [['platform_admin', null], ['member', 'ville-montreuil']]);
    const [project] = await db.query(`select id from project where partnership_id = 'ssd-hai-duong' order by id limit 1`);
    const old = [
      ['partnership', 'ssd-hai-duong', both, await getPartnership(db, 'ssd-hai-duong'), 'cd93'], // the membership taking part, not the first one
      ['organisation', 'cd93', montreuil, await getOrganisation(db, 'cd93'), 'ville-montreuil'], // adding an organisation: their own
      ['project', project.id, vn, await getProject(db, project.id), 'hai-duong-cp'], // through the project's partnership
      ['partnership', 'ssd-hai-duong', admin, await getPartnership(db, 'ssd-hai-duong'), null], // a platform administrator from outside
    ] as const;
    const ids: number[] = [];
    for (const [kind, id, actor, after] of old) {
      const [r] = await db.query(`insert into revision (record_kind, record_id, version, action, actor_account_id, actor_label, after)
        values ($1, $2, 1, 'update', $3, 'someone', $4::jsonb) returning id`, [kind, id, actor, JSON.stringify(after)]);
      ids.push(Number(r.id));
    }
    const sql = readFileSync(fileURLToPath(new URL('../../db/migrations/0011_revision_organisation.sql', import.meta.url)), 'utf8');
    await db.exec(sql.slice(sql.indexOf('update revision')));
    const got = await db.query('select actor_organisation_id from revision where id = any($1::bigint[]) order by id', [ids]);
    expect(got.map((r) => r.actor_organisation_id)).toEqual(old.map((o) => o[4]));
  });
});
