import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real `tandem` command, as `npx tandem` runs it, on a fresh PGlite data directory. */
describe('tandem CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, "data") };
  delete env.DATABASE_URL;
  const run = (...args: string[]) => spawnSync(process.execPath, ['packages/server/bin/tandem.mjs', ...args], { env, encoding: 'utf8', timeout: 120_000 });

  it('prints help for every command and refuses unknown ones', { timeout: 120_000 }, () => {
    const main = run('--help');
    expect(main.status).toBe(0);
    for (const cmd of ['db migrate', 'db seed', 'serve', 'export', 'backup FILE', 'restore FILE']) expect(main.stdout).toContain(cmd);
    for (const cmd of [['db', 'migrate'], ['db', 'seed'], ['serve'], ['export'], ['backup'], ['restore']]) {
      const r = run(...cmd, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage: tandem /);
    }
    const bad = run('frobnicate');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command "frobnicate"');
    expect(run('export', '--format', 'xml').stderr).toMatch(/--format must be csv,? (or )?json/);
    const noFile = run('backup');
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('give one FILE');
  });

  it('migrates, seeds once, and exports CSV and JSON', { timeout: 240_000 }, () => {
    const m = run('db', 'migrate');
    expect(m.status).toBe(0);
    expect(m.stdout).toMatch(/applied: 0001_core\.sql/);
    expect(run('db', 'migrate').stdout).toContain('up to date');
    const s = run('db', 'seed');
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/seeded in/);
    expect(run('db', 'seed').stdout).toContain('nothing to seed');

    const csv = run('export', '--format', 'csv', '--kind', 'partnerships');
    expect(csv.status).toBe(0);
    const lines = csv.stdout.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,title,kind,status,started,french_parties,foreign_parties,countries,themes,agreements,first_agreement_signed');
    expect(lines.find((l) => l.startsWith('ssd-hai-duong,'))).toContain('2006-05');

    const out = join(dir, 'projects.json');
    const json = run('export', '--format', 'json', '--kind', 'projects', '--out', out);
    expect(json.status).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    const innotech = data.projects.find((p: any) => p.id === 'innotech-master');
    expect(innotech.budget).toEqual({ amount: '230000', currency: 'EUR' });
    expect(innotech.funding.map((f: any) => f.amount)).toEqual(['80000', '80000']);
  });
});
