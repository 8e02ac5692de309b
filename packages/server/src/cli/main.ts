/** The `tandem` command: db migrate | db seed | serve | export | import iati | backup | restore | extract. */
import { parseArgs } from 'node:util';
import { createWriteStream } from 'node:fs';
import type { Hono } from 'hono';
import type { AppOptions } from '../app.js';
import { openDbOrExit, prepareDb, settingsFromEnv, startServer } from '../server.js';
import { migrate, schemaLocked } from '../db/migrate.js';
import { needsSeed, seedAll } from '../db/seed/index.js';
import { exportCsv, exportJson, exportKinds, type ExportKind } from '../features/export/export.service.js';
import { IMPORT_HELP, maxBytesFrom, runExportIati, runImportIati } from '../features/iati/cli.js';
import { BACKUP_HELP, RESTORE_HELP, runBackup, runRestore } from '../features/backup/cli.js';
import { EXTRACT_HELP, runExtract } from '../features/extract/cli.js';

const HELP: Record<string, string> = {
  main: `Usage: tandem <command> [options]

Commands:
  db migrate      apply pending database migrations
  db seed         load reference data and the seed documents into an empty database
  serve           start the web server (same as npm start)
  export          export records as CSV or JSON, or projects as IATI 2.03 XML
  import iati     import IATI activity files (2.01–2.03)
  backup FILE     write the whole database to FILE (also while the server runs)
  restore FILE    restore a backup into an empty data directory or database
  extract FILE    print the facts of a document (text, HTML, .docx, PDF): dates, money, places, partners

Run "tandem <command> --help" for a command's options.
Database: PGlite in DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set.`,
  'db migrate': `Usage: tandem db migrate\n\nApplies the pending forward-only migrations and prints their names.`,
  'db seed': `Usage: tandem db seed\n\nMigrates, then loads countries, France (COG), Vietnam (63→34 with history), indicators, themes\nand the records of the five seed documents. Does nothing when the database already holds data.`,
  serve: `Usage: tandem serve [--port N] [--host H]\n\nMigrates, seeds an empty database, and serves Tandem (default port: PORT or 3000).`,
  export: `Usage: tandem export --format csv|json [--kind KIND] [--out FILE]\n\nKINDS: ${exportKinds.join(', ')}, all (json only; the default for json)\nCSV: one kind (default: projects). Writes to stdout unless --out is given.\n\n       tandem export --format iati [--organisation ID | --partnership ID] [--out FILE]\nIATI 2.03 activities of every project, or of one organisation's or one partnership's projects.`,
  'import iati': IMPORT_HELP,
  backup: BACKUP_HELP,
  restore: RESTORE_HELP,
  extract: EXTRACT_HELP,
};

function help(cmd: string): number { console.log(HELP[cmd]); return 0; }
function fail(msg: string, cmd = 'main'): number { console.error(`tandem: ${msg}\n`); console.error(HELP[cmd]); return 2; }

/** site: what `serve` serves (packages/app gives the whole site with its pages; by default the API alone). */
export async function main(argv: string[], opts: { site?: (o: AppOptions) => Hono } = {}): Promise<number> {
  const [a, b] = argv;
  if (!a || a === '--help' || a === '-h' || a === 'help') return help('main');
  const cmd = a === 'db' || a === 'import' ? `${a} ${b ?? ''}`.trim() : a;
  const rest = argv.slice(a === 'db' || a === 'import' ? 2 : 1);
  if (!HELP[cmd] || cmd === 'main') return fail(`unknown command "${argv.join(' ')}"`);
  let values: Record<string, any>;
  let positionals: string[] = [];
  try {
    ({ values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: cmd === 'import iati' || cmd === 'backup' || cmd === 'restore' || cmd === 'extract', options: {
      help: { type: 'boolean', short: 'h' }, port: { type: 'string' }, host: { type: 'string' },
      format: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string', short: 'o' },
      organisation: { type: 'string' }, partnership: { type: 'string' }, 'skip-invalid': { type: 'boolean' }, 'max-size': { type: 'string' },
      json: { type: 'boolean' },
    } }));
  } catch (e) { return fail((e as Error).message, cmd); }
  if (values.help) return help(cmd);
  switch (cmd) {
    case 'db migrate': {
      const db = await openDbOrExit();
      try { const applied = await migrate(db); console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date'); } finally { await db.close(); }
      return 0;
    }
    case 'db seed': {
      const db = await openDbOrExit();
      try {
        return await schemaLocked(db, async (db) => {
          await migrate(db);
          if (!(await needsSeed(db))) { console.log('the database already holds data: nothing to seed'); return 0; }
          const t0 = Date.now();
          await seedAll(db);
          console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
          return 0;
        });
      } finally { await db.close(); }
    }
    case 'serve': {
      const s = settingsFromEnv();
      await startServer({ ...s, port: values.port ? Number(values.port) : s.port, host: values.host ?? s.host }, opts.site);
      return await new Promise<number>(() => {}); // runs until a signal stops it
    }
    case 'export': return runExport(values);
    case 'backup':
    case 'restore':
      if (positionals.length !== 1) return fail('give one FILE', cmd);
      return cmd === 'backup' ? runBackup(positionals[0]) : runRestore(positionals[0]);
    case 'extract':
      if (positionals.length !== 1) return fail('give one FILE', cmd);
      return runExtract(positionals[0], { json: !!values.json });
    case 'import iati': {
      if (!positionals.length) return fail('give at least one FILE', cmd);
      const db = await openDbOrExit({ startParams: IMPORT_PGLITE_PARAMS });
      try {
        await prepareDb(db, (m) => console.error(m));
        return await runImportIati(db, positionals, { skipInvalid: !!values['skip-invalid'], maxBytes: maxBytesFrom(process.env, values['max-size']) });
      } finally { await db.close(); }
    }
  }
  return fail(`unknown command "${cmd}"`);
}

/**
 * PGlite during an import: half the server's buffer pool. The import writes each page once, in order, so a smaller
 * pool costs little, and every buffer touched stays resident in the WASM memory until the process ends
 * (docs/benchmarks.md, `npx tandem import iati`).
 */
const IMPORT_PGLITE_PARAMS = ['-c', 'shared_buffers=16MB'];

async function runExport(values: Record<string, any>): Promise<number> {
  const format = values.format;
  if (format === 'iati') {
    const db = await openDbOrExit();
    try { await prepareDb(db, (m) => console.error(m)); return await runExportIati(db, values); } finally { await db.close(); }
  }
  if (format !== 'csv' && format !== 'json') return fail('--format must be csv or json (or iati: IATI 2.03 XML)', 'export');
  const kind = values.kind ?? (format === 'json' ? 'all' : 'projects');
  if (kind !== 'all' && !exportKinds.includes(kind)) return fail(`--kind must be one of ${exportKinds.join(', ')}${format === 'json' ? ', all' : ''}`, 'export');
  if (kind === 'all' && format === 'csv') return fail('CSV holds one kind: give --kind', 'export');
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const write = (s: string) => new Promise<void>((res, rej) => { out.write(s, (e) => (e ? rej(e) : res())); });
  const db = await openDbOrExit();
  try {
    await prepareDb(db, (m) => console.error(m));
    if (format === 'csv') {
      const n = await exportCsv(db, kind as ExportKind, write);
      if (values.out) console.error(`${n} ${kind} written to ${values.out}`);
    } else {
      const data = await exportJson(db, kind === 'all' ? [...exportKinds] : [kind as ExportKind]);
      await write(JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2) + '\n');
      if (values.out) console.error(`${Object.entries(data).map(([k, v]) => `${v.length} ${k}`).join(', ')} written to ${values.out}`);
    }
  } finally {
    await db.close();
    if (values.out) await new Promise((res) => (out as ReturnType<typeof createWriteStream>).end(res));
  }
  return 0;
}
