-- GIN's pending list: new entries of search_doc's index wait in an unsorted list until it reaches
-- gin_pending_list_limit (4 MB by default) or vacuum merges it, and every search reads the whole list meanwhile — on the
-- seeded database 440 pages, 4 ms per index scan (0.2 ms once merged), three or four scans per search. A 256 kB list
-- costs at most a few tenths of a millisecond to read; imports and seeding merge it when they finish (search.index.ts).
alter index search_doc_tsv_idx set (gin_pending_list_limit = 256);
select gin_clean_pending_list('search_doc_tsv_idx'::regclass);
