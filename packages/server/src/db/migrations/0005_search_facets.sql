-- Facet filters use array containment (@>) so that these GIN indexes serve them.
create index search_doc_kind_idx on search_doc(kind);
create index search_doc_countries_idx on search_doc using gin(countries);
create index search_doc_territories_idx on search_doc using gin(territories);
create index search_doc_themes_idx on search_doc using gin(themes);
create index search_doc_funders_idx on search_doc using gin(funders);
create index search_doc_years_idx on search_doc using gin(years);
create index search_doc_org_kinds_idx on search_doc using gin(org_kinds);
