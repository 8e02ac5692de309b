/**
 * The seeded template of first starts (template.ts): its key follows its inputs, and an empty data directory starts
 * as a copy of it while a data directory that holds a database is never touched. PGlite whatever the run's engine
 * (the template is the embedded engine's only).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../client.js';
import { ensureSeedTemplate, seedCacheDir, seedTemplateKey } from './template.js';

const dir = mkdtempSync(join(tmpdir(), 'tandem-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seeded template', () => {
  it('has a key that changes with any input file, and not with a test file', () => {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'db/migrations'), { recursive: true });
    writeFileSync(join(src, 'db/migrations/0001_core.sql'), 'create table a (id int);');
    writeFileSync(join(src, 'seed.ts'), 'export const n = 1;');
    const first = seedTemplateKey([src]);
    expect(seedTemplateKey([src])).toBe(first);
    writeFileSync(join(src, 'seed.test.ts'), 'it("x", () => {});');
    expect(seedTemplateKey([src])).toBe(first);
    writeFileSync(join(src, 'db/migrations/0002_more.sql'), 'create table b (id int);');
    const second = seedTemplateKey([src]);
    expect(second).not.toBe(first);
    writeFileSync(join(src, 'seed.ts'), 'export const n = 2;');
    expect(seedTemplateKey([src])).not.toBe(second);
    // the real inputs give a key too (the sources, the reference data, the packages' versions)
    expect(seedTemplateKey()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is off with TANDEM_SEED_CACHE=off, elsewhere when the variable names a folder', async () => {
    expect(seedCacheDir({ TANDEM_SEED_CACHE: 'off' })).toBeNull();
    expect(await ensureSeedTemplate(() => {}, { TANDEM_SEED_CACHE: 'off' })).toBeNull();
    expect(seedCacheDir({ TANDEM_SEED_CACHE: join(dir, 'cache') })).toBe(join(dir, 'cache'));
    expect(seedCacheDir({})).toMatch(/node_modules\/\.cache\/tandem$/);
  });

  it('is copied into an empty data directory only, and is left as it was', { timeout: 240_000 }, async () => {
    const template = join(dir, 'template');
    const t = await openDb({ dataDir: template });
    await t.exec("create table zz_seeded (id int primary key, name text); insert into zz_seeded values (1, 'from the template')");
    await t.close();
    rmSync(join(template, 'tandem.lock'), { force: true });

    const data = join(dir, 'data');
    const a = await openDb({ dataDir: data, template: async () => template });
    expect(await a.query('select id, name from zz_seeded')).toEqual([{ id: 1, name: 'from the template' }]);
    await a.query("insert into zz_seeded values (2, 'written after the copy')");
    expect(await a.query('show shared_buffers')).toEqual([{ shared_buffers: '32MB' }]);
    await a.close();

    // a data directory that holds a database: opened as it is, the template not even asked for
    let asked = 0;
    const b = await openDb({ dataDir: data, template: async () => { asked++; return template; } });
    expect((await b.query('select id from zz_seeded order by id')).map((r) => r.id)).toEqual([1, 2]);
    expect(asked).toBe(0);
    await b.close();

    const again = await openDb({ dataDir: template });
    expect((await again.query('select id from zz_seeded')).map((r) => r.id)).toEqual([1]);
    await again.close();
  });
});
