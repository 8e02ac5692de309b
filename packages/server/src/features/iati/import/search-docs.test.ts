/**
 * The import writes search documents through writeDocs, which computes inline the tsvector that search_tokens()
 * (migration 0007) gives: every document must equal what the SQL functions give (the tsvector; the facet keys as a set,
 * since search_facet_keys()'s own order follows a hash aggregate and varies from one query to another), for the seeded
 * records and for imported ones; and the documents the import builds from the parts it has just written must equal
 * those built from the records read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../test/db.js';
import type { Db } from '../../../db/client.js';
import { sample, stream } from '../iati.testkit.js';
import { projectDocs } from '../../search/search.docs.js';
import { importIati } from './service.js';

describe('search documents written by the import', () => {
  let db: Db;
  beforeAll(async () => { db = await testDb(); });
  afterAll(async () => { await db.close(); });

  it('equal what the SQL functions give, for every document (seeded and imported)', async () => {
    await importIati(db, stream(sample('iaticloud-MAEC_IATI_INDONESIA-2.01.xml')), { skipInvalid: true });
    const [r] = await db.query<{ docs: number; imported: number; tsv: number; keys: number }>(`select count(*)::int as docs,
        count(*) filter (where id in (select id from project where iati_identifier is not null))::int as imported,
        count(*) filter (where tsv <> setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', folded), 'B')
          || search_tokens(kind, id, title_folded, countries, territories, themes, org_kinds, funders, years, status))::int as tsv,
        count(*) filter (where (select array_agg(k order by k) from unnest(facet_keys) k)
          is distinct from (select array_agg(k order by k) from unnest(search_facet_keys(kind, countries, territories, themes, org_kinds, funders, years, status)) k))::int as keys
      from search_doc`);
    expect(r.imported).toBeGreaterThan(10);
    expect(r.docs).toBeGreaterThan(r.imported);
    expect({ tsv: r.tsv, keys: r.keys }).toEqual({ tsv: 0, keys: 0 });
  });

  it('are the documents built from the records read back from the database', async () => {
    const ids = (await db.query<{ id: string }>('select id from project where iati_identifier is not null order by id')).map((p) => p.id);
    const stored = await db.query(`select kind, id, title, subtitle, title_folded, folded, weight, countries, territories, themes, org_kinds, funders, years, status, amount::text as amount, currency
      from search_doc where kind = 'project' and id = any($1::text[]) order by id`, [ids]);
    const rebuilt = (await projectDocs(db, ids)).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(stored.length).toBe(ids.length);
    expect(stored).toEqual(rebuilt);
  });
});
