-- Core records of Tandem. Forward only; PostgreSQL 15 and PGlite (PostgreSQL 18) alike.
-- Dates that may be partial ("mai 2006") are stored as the first day plus a precision: day | month | year.

create table source_document (
  id text primary key,
  title text not null,
  url text,
  filename text,
  retrieved_on date,
  published_on date,
  created_at timestamptz not null default now()
);

create table territory (
  id text primary key,
  kind text not null,
  parent_id text references territory(id),
  country text,
  name text not null,
  names jsonb not null default '{}',
  aliases text[] not null default '{}',
  codes jsonb not null default '{}',
  valid_from date,
  valid_to date,
  lat double precision,
  lon double precision,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index territory_parent_idx on territory(parent_id);
create index territory_country_idx on territory(country, kind);

create table territory_change (
  id serial primary key,
  from_id text not null references territory(id) on delete cascade,
  to_id text not null references territory(id) on delete cascade,
  kind text not null check (kind in ('merged_into','renamed_to','split_from','absorbed','continued_as')),
  on_date date not null,
  note text,
  unique (from_id, to_id, kind)
);
create index territory_change_to_idx on territory_change(to_id);

create table indicator_value (
  territory_id text not null references territory(id) on delete cascade,
  indicator text not null,
  year integer not null,
  value double precision not null,
  unit text,
  source text not null,
  source_document_id text references source_document(id),
  primary key (territory_id, indicator, year, source)
);

create table theme (
  id text primary key,
  parent_id text references theme(id),
  level integer not null,
  position integer not null default 0,
  labels jsonb not null,
  dac_codes text[] not null default '{}',
  sdg_goals integer[] not null default '{}'
);

create table organisation (
  id text primary key,
  kind text not null,
  name text not null,
  names jsonb not null default '{}',
  acronyms text[] not null default '{}',
  aliases text[] not null default '{}',
  territory_id text references territory(id),
  country text,
  website text,
  iati_ref text,
  iati_type text,
  description text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organisation_territory_idx on organisation(territory_id);

create table partnership (
  id text primary key,
  title text not null,
  kind text not null,
  status text not null,
  summary text,
  started_on date,
  started_precision text,
  ended_on date,
  ended_precision text,
  themes text[] not null default '{}',
  source_document_id text references source_document(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table partnership_party (
  partnership_id text not null references partnership(id) on delete cascade,
  organisation_id text not null references organisation(id),
  side text not null,
  position integer not null default 0,
  primary key (partnership_id, organisation_id)
);
create index partnership_party_org_idx on partnership_party(organisation_id);

create table agreement (
  id text primary key,
  partnership_id text not null references partnership(id) on delete cascade,
  kind text not null,
  title text,
  signed_on date,
  signed_precision text,
  place text,
  duration_months integer,
  renews_agreement_id text references agreement(id),
  document_url text,
  axes text[] not null default '{}',
  summary text,
  position integer not null default 0
);
create index agreement_partnership_idx on agreement(partnership_id);

create table project (
  id text primary key,
  partnership_id text references partnership(id) on delete set null,
  title text not null,
  description text,
  status text not null,
  start_on date,
  start_precision text,
  end_on date,
  end_precision text,
  themes text[] not null default '{}',
  budget_amount numeric(16,2),
  budget_currency text,
  source_document_id text references source_document(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index project_partnership_idx on project(partnership_id);

create table project_place (
  project_id text not null references project(id) on delete cascade,
  territory_id text not null references territory(id),
  primary key (project_id, territory_id)
);
create index project_place_territory_idx on project_place(territory_id);

create table project_participant (
  project_id text not null references project(id) on delete cascade,
  organisation_id text not null references organisation(id),
  role text not null,
  position integer not null default 0,
  primary key (project_id, organisation_id, role)
);
create index project_participant_org_idx on project_participant(organisation_id);

create table funding_line (
  id serial primary key,
  project_id text not null references project(id) on delete cascade,
  funder_id text references organisation(id),
  amount numeric(16,2) not null,
  currency text not null,
  year integer,
  kind text not null,
  note text,
  position integer not null default 0
);
create index funding_line_project_idx on funding_line(project_id);
create index funding_line_funder_idx on funding_line(funder_id);

create table result (
  id serial primary key,
  project_id text not null references project(id) on delete cascade,
  label text not null,
  value numeric not null,
  unit text not null,
  year integer,
  kind text not null,
  position integer not null default 0
);
create index result_project_idx on result(project_id);

create table link (
  id serial primary key,
  owner_kind text not null,
  owner_id text not null,
  url text not null,
  title text,
  kind text not null,
  position integer not null default 0
);
create index link_owner_idx on link(owner_kind, owner_id);

create table mission (
  id text primary key,
  partnership_id text references partnership(id) on delete set null,
  title text not null,
  direction text not null,
  from_on date,
  from_precision text,
  to_on date,
  to_precision text,
  place_territory_id text references territory(id),
  purpose text,
  outcomes text,
  source_document_id text references source_document(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index mission_partnership_idx on mission(partnership_id);

create table mission_participant (
  mission_id text not null references mission(id) on delete cascade,
  organisation_id text not null references organisation(id),
  primary key (mission_id, organisation_id)
);

-- One search document per record, rebuilt in the same transaction as the write.
create table search_doc (
  kind text not null,
  id text not null,
  title text not null,
  subtitle text,
  title_folded text not null,
  folded text not null,
  tsv tsvector not null,
  weight real not null default 1,
  countries text[] not null default '{}',
  territories text[] not null default '{}',
  themes text[] not null default '{}',
  org_kinds text[] not null default '{}',
  funders text[] not null default '{}',
  years integer[] not null default '{}',
  status text,
  primary key (kind, id)
);
create index search_doc_tsv_idx on search_doc using gin(tsv);
