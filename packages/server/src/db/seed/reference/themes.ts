/** The thematic tree of @tandem/shared as rows of `theme` (parents first). */
import { flattenThemes } from '@tandem/shared';
import type { Db } from '../../client.js';
import { bulkInsert, type BulkRow } from './bulk.js';

export function themeRows(): BulkRow[] {
  return flattenThemes().map((t) => ({
    id: t.id, parent_id: t.parentId, level: t.level, position: t.position, labels: t.labels, dac_codes: t.dac, sdg_goals: t.sdg,
  }));
}

export function loadThemes(db: Db): Promise<number> {
  return bulkInsert(db, 'theme', {
    id: 'text', parent_id: 'text', level: 'integer', position: 'integer', labels: 'jsonb', dac_codes: 'text[]', sdg_goals: 'integer[]',
  }, themeRows());
}
