/**
 * Builds the seeded template of the embedded database for the current sources (packages/server/src/db/seed/template.ts),
 * so that the first `npm start` on an empty DATA_DIR copies it instead of seeding. Run by `npm install` (postinstall);
 * never fails the install: without a template the first start seeds in place, as before.
 *
 *   npx tsx scripts/seed-template.ts
 */
import { ensureSeedTemplate, seedCacheDir } from '../packages/server/src/db/seed/template.js';

try {
  if (process.env.DATABASE_URL) console.log('tandem: DATABASE_URL is set (PostgreSQL): no embedded template needed');
  else if (!seedCacheDir()) console.log('tandem: TANDEM_SEED_CACHE=off: no seeded template');
  else {
    const dir = await ensureSeedTemplate((m) => console.log(`tandem: ${m}`));
    if (dir) console.log(`tandem: seeded template ready (${dir})`);
  }
} catch (err) {
  console.log(`tandem: seeded template not built (${(err as Error).message}); the first start will seed`);
}
