/** Keeps search_doc in step with the records: called inside the write's transaction. */
import type { Db } from '../../db/client.js';
import { activate, recheck } from './search.activity.js';
import { eventDocs, missionDocs, organisationDocs, partnershipDocs, projectDocs, territoryDocs, type SearchDoc } from './search.docs.js';

const BUILDERS = { territory: territoryDocs, organisation: organisationDocs, partnership: partnershipDocs, project: projectDocs, mission: missionDocs, event: eventDocs };
export type IndexedKind = keyof typeof BUILDERS;
const BATCH = 2000;

/**
 * The filter lexemes search_tokens() adds that need no hashing and no parsing (migration 0007: "~k:", "~st:", "~c:"…):
 * built here, so that writing a document does not run the SQL function once per row (an executor start per call).
 */
function filterTokens(d: SearchDoc): string[] {
  const out = [`~k:${d.kind}`];
  if (d.status != null) out.push(`~st:${d.status}`);
  const add = (prefix: string, xs: Array<string | number | null>) => { for (const x of xs) if (x != null) out.push(prefix + String(x)); };
  add('~c:', d.countries); add('~t:', d.territories); add('~th:', d.themes); add('~ok:', d.org_kinds); add('~f:', d.funders); add('~y:', d.years);
  return out;
}

/**
 * The facet keys search_facet_keys() (migration 0007) gives, in TypeScript for the same reason (its sub-selects keep
 * PostgreSQL from inlining it): the filter lexemes without their "~", each once ("k:kind", "st:status", "c:VN"…).
 */
const facetKeys = (d: SearchDoc): string[] => [...new Set(filterTokens(d))].map((t) => t.slice(1));

/*
 * The tsvector search_tokens() (migration 0007) gives, written inline: title (A) + text (B) + the filter lexemes
 * (array_to_tsvector sorts and de-duplicates them), the hash buckets and the "~a:" title words computed here as in the
 * function, the title parsed once; the facet keys as search_facet_keys() gives them (facetKeys).
 * iati/import/search-docs.test.ts checks that every document equals what the functions give.
 */
const INSERT_DOCS = `with d as (insert into search_doc (kind, id, title, subtitle, title_folded, folded, tsv, weight, countries, territories, themes, org_kinds, funders, years, status, facet_keys, amount, currency)
      select kind, id, title, subtitle, title_folded, folded,
             setweight(tt, 'A') || setweight(to_tsvector('simple', folded), 'B')
               || array_to_tsvector(toks || array['~s:' || (abs(h) % 64)::text, '~g:' || (abs(h) % 8)::text, '~u:' || (abs(h) % 512)::text]
                    || array(select '~a:' || w from unnest(tsvector_to_array(tt)) w)),
             weight, countries, territories, themes, org_kinds, funders, years, status,
             fk, amount, currency
        from json_to_recordset($1::json) as x(kind text, id text, title text, subtitle text, title_folded text, folded text, weight real,
             countries text[], territories text[], themes text[], org_kinds text[], funders text[], years integer[], status text, toks text[], fk text[],
             amount numeric, currency text),
             lateral (select to_tsvector('simple', title_folded) as tt, hashtext(kind || '/' || id) as h) t
        returning tsv)
      insert into search_word (word)
        select w from (select distinct w collate "C" as w from d, unnest(tsvector_to_array(d.tsv)) w where left(w, 1) <> '~') x
         where not exists (select 1 from search_word s where s.word = x.w) order by 1
        on conflict do nothing`;

/** Writes documents; the territories the records among them are placed at say something from now on (search.activity.ts). */
export async function writeDocs(db: Db, docs: SearchDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    // the documents, and their words into the vocabulary that prefix searches expand through (migration 0007)
    await db.query(INSERT_DOCS, [JSON.stringify(batch.map((d) => ({ ...d, toks: filterTokens(d), fk: facetKeys(d) })))]);
    await activate(db, [...new Set(batch.flatMap((d) => (d.kind === 'territory' ? [] : d.territories)))]);
  }
}

/** Rebuilds the documents of some records of one kind (and the weight of the territories they no longer name). */
export async function reindex(db: Db, kind: IndexedKind, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const before = await db.query<{ t: string }>(`with d as (delete from search_doc where kind = $1 and id = any($2::text[]) returning territories)
    select distinct unnest(territories) as t from d`, [kind, ids]);
  const docs = await BUILDERS[kind](db, ids);
  await writeDocs(db, docs);
  if (kind === 'territory') return;
  const now = new Set(docs.flatMap((d) => d.territories));
  await recheck(db, [...new Set(before.map((r) => r.t))].filter((t) => !now.has(t)));
}

/** Rebuilds every document (after a seed or an import): territories last, since their weight follows the records placed at them. */
export async function reindexAll(db: Db, kinds: IndexedKind[] = Object.keys(BUILDERS) as IndexedKind[]): Promise<number> {
  let n = 0;
  for (const kind of [...kinds].sort((a, b) => Number(a === 'territory') - Number(b === 'territory'))) {
    await db.query('delete from search_doc where kind = $1', [kind]);
    const docs = await BUILDERS[kind](db, null);
    await writeDocs(db, docs);
    n += docs.length;
  }
  return n;
}

/**
 * After a bulk load (a seed, a restore): the index's pending entries merged (migration 0009) and statistics taken
 * now, not at autovacuum's next pass (PGlite has none): every search would read the pending list, and search plans
 * depend on the statistics.
 */
export async function settleIndex(db: Db): Promise<void> {
  await db.exec("select gin_clean_pending_list('search_doc_tsv_idx'::regclass); analyze search_doc; analyze search_word");
}
