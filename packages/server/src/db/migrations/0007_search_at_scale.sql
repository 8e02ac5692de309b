-- Search at scale, in one pass over search_doc.
--
-- Facet filters, sample buckets and title words become lexemes of the one tsvector, so that a single GIN index answers
-- every search (GIN intersects the lists: "eau" ∧ theme=env ∧ country=VN is one index scan, never a scan of the table):
--   ~k:kind  ~c:country  ~t:territory  ~th:theme  ~ok:organisation kind  ~f:funder  ~y:year  ~st:status
--   ~u:0…511, ~s:0…63, ~g:0…7  three nested sample levels by a stable hash of kind/id (~u:0 ⊂ ~s:0 ⊂ ~g:0, since
--            h % 512 % 64 = h % 64): the total and facets of a very large result set come from the smallest that holds
--            enough matches; each is one lexeme (an OR of buckets would make GIN read every list)
--   ~a:word  the words of the title (ranking candidates for very large result sets)
create or replace function search_tokens(kind text, id text, title_folded text, countries text[], territories text[], themes text[],
    org_kinds text[], funders text[], years integer[], status text) returns tsvector
language sql immutable parallel safe as $$
  select array_to_tsvector(array(select distinct t from unnest(
      array['~k:' || kind, '~s:' || (abs(hashtext(kind || '/' || id)) % 64)::text, '~g:' || (abs(hashtext(kind || '/' || id)) % 8)::text,
            '~u:' || (abs(hashtext(kind || '/' || id)) % 512)::text]
      || case when status is null then '{}'::text[] else array['~st:' || status] end
      || array(select '~c:' || x from unnest(countries) x)
      || array(select '~t:' || x from unnest(territories) x)
      || array(select '~th:' || x from unnest(themes) x)
      || array(select '~ok:' || x from unnest(org_kinds) x)
      || array(select '~f:' || x from unnest(funders) x)
      || array(select '~y:' || x::text from unnest(years) x)
      || array(select '~a:' || w from unnest(tsvector_to_array(to_tsvector('simple', title_folded))) w)
    ) t where t is not null and t <> ''))
$$;

-- The facet values of a document as one array of "facet:value" keys (k:project, c:VN, th:env, y:2020…): facet counts
-- are one unnest and one hash aggregate over the matches (or their sample), instead of eight passes.
alter table search_doc add column facet_keys text[] not null default '{}';

create or replace function search_facet_keys(kind text, countries text[], territories text[], themes text[], org_kinds text[],
    funders text[], years integer[], status text) returns text[]
language sql immutable parallel safe as $$
  select array['k:' || kind]
    || case when status is null then '{}'::text[] else array['st:' || status] end
    || array(select distinct 'c:' || x from unnest(countries) x)
    || array(select distinct 't:' || x from unnest(territories) x)
    || array(select distinct 'th:' || x from unnest(themes) x)
    || array(select distinct 'ok:' || x from unnest(org_kinds) x)
    || array(select distinct 'f:' || x from unnest(funders) x)
    || array(select distinct 'y:' || x::text from unnest(years) x)
$$;

update search_doc set
  facet_keys = search_facet_keys(kind, countries, territories, themes, org_kinds, funders, years, status),
  tsv = tsv || search_tokens(kind, id, title_folded, countries, territories, themes, org_kinds, funders, years, status);

-- Every word ever indexed (never pruned: a word no document holds any more only costs a useless OR branch).
-- A prefix typed by someone ("eau") is expanded through this list to the words it stands for ("eau" | "eaux"),
-- so that GIN intersects exact posting lists (and skips through them) instead of collecting every match of a prefix.
create table search_word (word text collate "C" primary key);
insert into search_word (word)
  select distinct w from search_doc, unnest(tsvector_to_array(tsv)) w where left(w, 1) <> '~'
  on conflict do nothing;

-- the array indexes are no longer used (filters go through tsv); fewer indexes also make imports faster
drop index if exists search_doc_kind_idx;
drop index if exists search_doc_countries_idx;
drop index if exists search_doc_territories_idx;
drop index if exists search_doc_themes_idx;
drop index if exists search_doc_funders_idx;
drop index if exists search_doc_years_idx;
drop index if exists search_doc_org_kinds_idx;
-- exact and prefix title matches rank first
create index search_doc_title_idx on search_doc (title_folded text_pattern_ops);
-- browsing without words (facets only) lists by weight then title
create index search_doc_order_idx on search_doc (weight desc, title, id);
