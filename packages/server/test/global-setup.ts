/**
 * Builds one migrated + seeded database per run, then every test file starts from a copy:
 * PGlite: a dumpDataDir snapshot (~0.5 s to load); PostgreSQL (TANDEM_TEST_PG set): a template database.
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedAll } from '../src/db/seed/index.js';
import { withDatabase } from './pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext { snapshotPath: string; pgTemplate: string; pgServer: string }
}

export default async function setup(project: TestProject) {
  const server = process.env.TANDEM_TEST_PG;
  if (server) {
    const template = `tandem_tpl_${process.pid}`;
    await withDatabase(server, async (admin) => {
      await admin.exec(`drop database if exists ${template}`);
      await admin.exec(`create database ${template}`);
    });
    const db = await openDb({ databaseUrl: withDbName(server, template) });
    await migrate(db);
    await seedAll(db);
    await db.close();
    project.provide('pgTemplate', template);
    project.provide('pgServer', server);
    project.provide('snapshotPath', '');
    return async () => {
      await withDatabase(server, async (admin) => {
        const left = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'tandem_t\\_${process.pid}\\_%' or datname = $1`, [template]);
        for (const { datname } of left) await admin.exec(`drop database if exists ${datname} with (force)`);
      });
    };
  }
  const db = await openDb({ memory: true });
  await migrate(db);
  await seedAll(db);
  const blob = await db.dump!();
  await db.close();
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `test-snapshot-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await blob.arrayBuffer()));
  project.provide('snapshotPath', path);
  project.provide('pgTemplate', '');
  project.provide('pgServer', '');
  return () => rmSync(path, { force: true });
}

export function withDbName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
