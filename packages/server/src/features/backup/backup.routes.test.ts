/**
 * GET /api/admin/backup by role (as the role × endpoint matrix does for writes): 401 signed out, 403 for members,
 * outsiders, network administrators and a read-only token; the file for a platform administrator and for the local
 * secret of a server on the embedded engine; a wrong secret is 401. Each download is audited.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/db.js';
import { createApp } from '../../app.js';
import type { Db } from '../../db/client.js';
import type { Grant } from '../../lib/actor.js';
import { browser, makeAccount } from '../auth/auth.testkit.js';
import { LOCAL_HEADER } from './local.js';

const ROLES: Array<[string, Grant[], number]> = [
  ['anonymous', [], 401],
  ['member', [{ role: 'member', organisationId: 'cd93' }], 403],
  ['outsider', [{ role: 'member', organisationId: 'ville-montreuil' }], 403],
  ['network_admin', [{ role: 'network_admin', organisationId: 'cuf' }], 403],
  ['platform_admin', [{ role: 'platform_admin', organisationId: null }], 200],
];

describe('GET /api/admin/backup by role', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  const SECRET = 'local-secret-of-this-test';
  beforeAll(async () => {
    db = await testDb();
    app = createApp({ db, localSecret: SECRET });
  });
  afterAll(async () => { await db.close(); });

  const firstLine = async (res: Response) => gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8').split('\n')[0];

  it.each(ROLES)('%s', { timeout: 120_000 }, async (role, grants, status) => {
    const client = browser(app);
    if (role !== 'anonymous') {
      await makeAccount(db, `backup-${role}@example.org`, grants);
      await client.login(`backup-${role}@example.org`);
    }
    const cookie = client.jar.get('tandem_session');
    const res = await app.request('/api/admin/backup', { headers: cookie ? { cookie: `tandem_session=${cookie}` } : {} });
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.headers.get('content-type')).toBe('application/gzip');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="tandem-[\d-]+\.backup\.gz"/);
      expect(JSON.parse(await firstLine(res))[0]).toBe('tandem-backup');
      const [last] = await db.query(`select action, actor_account_id, details from audit_log order by id desc limit 1`);
      expect(last).toMatchObject({ action: 'backup_made', details: { via: 'admin' } });
      expect(last.actor_account_id).not.toBeNull();
    } else expect((await res.json()).error).toMatch(/platform administrators/);
  });

  it('API tokens: a platform administrator\'s read-only token is refused, one with the write scope is not', { timeout: 120_000 }, async () => {
    const client = browser(app);
    await makeAccount(db, 'backup-tokens@example.org', [{ role: 'platform_admin', organisationId: null }]);
    const csrf = await client.login('backup-tokens@example.org');
    const token = async (scopes: string[]) => (await client.post('/api/auth/tokens', { name: scopes.join('+'), scopes }, { 'x-csrf-token': csrf })).json.token as string;
    const read = await app.request('/api/admin/backup', { headers: { authorization: `Bearer ${await token(['read'])}` } });
    expect(read.status).toBe(403);
    expect((await read.json()).error).toMatch(/"write" scope/);
    expect((await app.request('/api/admin/backup', { headers: { authorization: `Bearer ${await token(['read', 'write'])}` } })).status).toBe(200);
  });

  it('the local secret: right gives the file, wrong is 401, and a server without one knows none', { timeout: 120_000 }, async () => {
    const ok = await app.request('/api/admin/backup', { headers: { [LOCAL_HEADER]: SECRET } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(await firstLine(ok))[0]).toBe('tandem-backup');
    const [last] = await db.query(`select action, actor_account_id, details from audit_log order by id desc limit 1`);
    expect(last).toMatchObject({ action: 'backup_made', actor_account_id: null, details: { via: 'local' } });
    expect((await app.request('/api/admin/backup', { headers: { [LOCAL_HEADER]: `${SECRET}x` } })).status).toBe(401);
    expect((await createApp({ db }).request('/api/admin/backup', { headers: { [LOCAL_HEADER]: SECRET } })).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const op = doc.paths['/api/admin/backup'].get;
    expect(op.responses['200'].content).toHaveProperty('application/gzip');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
  });
});
