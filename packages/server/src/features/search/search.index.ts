/** Keeps search_doc in step with the records: called inside the write's transaction. */
import type { Db } from '../../db/client.js';
import { missionDocs, organisationDocs, partnershipDocs, projectDocs, territoryDocs, type SearchDoc } from './search.docs.js';

const BUILDERS = { territory: territoryDocs, organisation: organisationDocs, partnership: partnershipDocs, project: projectDocs, mission: missionDocs };
export type IndexedKind = keyof typeof BUILDERS;
const BATCH = 2000;

export async function writeDocs(db: Db, docs: SearchDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    // the documents, and their words into the vocabulary that prefix searches expand through (migration 0007)
    await db.query(`with d as (insert into search_doc (kind, id, title, subtitle, title_folded, folded, tsv, weight, countries, territories, themes, org_kinds, funders, years, status, facet_keys)
      select kind, id, title, subtitle, title_folded, folded,
             setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', folded), 'B')
               || search_tokens(kind, id, title_folded, countries, territories, themes, org_kinds, funders, years, status),
             weight, countries, territories, themes, org_kinds, funders, years, status,
             search_facet_keys(kind, countries, territories, themes, org_kinds, funders, years, status)
        from json_to_recordset($1::json) as x(kind text, id text, title text, subtitle text, title_folded text, folded text, weight real,
             countries text[], territories text[], themes text[], org_kinds text[], funders text[], years integer[], status text)
        returning tsv)
      insert into search_word (word)
        select w from (select distinct w collate "C" as w from d, unnest(tsvector_to_array(d.tsv)) w where left(w, 1) <> '~') x
         where not exists (select 1 from search_word s where s.word = x.w) order by 1
        on conflict do nothing`,
    [JSON.stringify(docs.slice(i, i + BATCH))]);
  }
}

/** Rebuilds the documents of some records of one kind. */
export async function reindex(db: Db, kind: IndexedKind, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query('delete from search_doc where kind = $1 and id = any($2::text[])', [kind, ids]);
  await writeDocs(db, await BUILDERS[kind](db, ids));
}

/** Rebuilds every document (after a seed or an import). */
export async function reindexAll(db: Db, kinds: IndexedKind[] = Object.keys(BUILDERS) as IndexedKind[]): Promise<number> {
  let n = 0;
  for (const kind of kinds) {
    await db.query('delete from search_doc where kind = $1', [kind]);
    const docs = await BUILDERS[kind](db, null);
    await writeDocs(db, docs);
    n += docs.length;
  }
  return n;
}
