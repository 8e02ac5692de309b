-- Revisions of every record, partner validation of shared records, people (personal data).

create table revision (
  id bigserial primary key,
  record_kind text not null,
  record_id text not null,
  version integer,
  action text not null check (action in ('create', 'update', 'delete', 'restore')),
  actor_account_id text,
  actor_label text not null,
  at timestamptz not null default now(),
  before jsonb,
  after jsonb
);
create index revision_record_idx on revision(record_kind, record_id, id);

create table validation (
  record_kind text not null,
  record_id text not null,
  organisation_id text not null references organisation(id) on delete cascade,
  state text not null check (state in ('validated', 'awaiting', 'changes_requested')),
  comment text,
  actor_account_id text,
  record_version integer,
  at timestamptz not null default now(),
  primary key (record_kind, record_id, organisation_id)
);

create table person (
  id text primary key,
  name text not null,
  email text,
  phone text,
  organisation_id text references organisation(id) on delete set null,
  role_title text,
  notes text,
  erased_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index person_organisation_idx on person(organisation_id);
