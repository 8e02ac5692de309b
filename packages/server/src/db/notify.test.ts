/**
 * Every table whose rows a visitor's page shows tells the other processes when it changes (NOTIFY tandem_changed,
 * migrations 0008 and 0021): a table added without the trigger would leave another process's cache stale. A new table
 * must be listed here as quiet (never on a public page) or get the trigger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/db.js';
import type { Db } from './client.js';

/** Never shown to visitors, or derived: their writes need not drop the caches. */
const QUIET = ['schema_migration', 'search_doc', 'search_word', 'search_pending', 'account', 'role_grant', 'session', 'password_reset',
  'invitation', 'login_attempt', 'api_token', 'oidc_identity', 'oidc_login', 'audit_log', 'funding_alert', 'extraction'];

describe('the change signal', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('every table shown on a public page has the tandem_changed trigger, the quiet ones do not', async () => {
    const tables = (await db.query<{ t: string }>(`select table_name as t from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`)).map((r) => r.t);
    const triggered = new Set((await db.query<{ t: string }>(`select distinct event_object_table as t from information_schema.triggers
      where trigger_name = 'tandem_changed' and trigger_schema = current_schema()`)).map((r) => r.t));
    const missing = tables.filter((t) => !triggered.has(t) && !QUIET.includes(t) && !t.startsWith('search_'));
    expect(missing).toEqual([]);
    for (const t of ['event', 'news_item', 'funding_call', 'survey_response', 'registration', 'project']) expect(triggered).toContain(t);
    for (const t of ['session', 'login_attempt', 'extraction', 'funding_alert']) expect(triggered).not.toContain(t);
  });
});
