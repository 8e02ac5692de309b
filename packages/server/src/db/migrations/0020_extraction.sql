-- Issue 16: knowledge capture. A text a member pasted or uploaded, the facts found in it, and where each field of a
-- record created from it came from. Forward only; PostgreSQL 15+.

-- An extraction belongs to one organisation: only its members (and platform administrators) read it, the text being
-- private. facts: the Extraction object (features/extract/types.ts) as found; applied once, then kept for provenance.
create table extraction (
  id text primary key,
  organisation_id text not null references organisation(id) on delete cascade,
  created_by text references account(id) on delete set null,
  title text not null,
  source_name text,
  format text not null default 'text' check (format in ('text', 'html', 'docx', 'pdf')),
  text text not null,
  facts jsonb not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'applied')),
  created_at timestamptz not null default now(),
  applied_at timestamptz,
  check ((status = 'applied') = (applied_at is not null))
);
create index extraction_organisation_idx on extraction(organisation_id, created_at desc);

-- One row per fact used in a record: the record's field, the span of the extraction's text it came from and its quote
-- (the only part of the private text a record's public sheet shows).
create table provenance (
  id bigserial primary key,
  record_kind text not null check (record_kind in ('organisation', 'partnership', 'project', 'mission')),
  record_id text not null,
  field text not null,
  extraction_id text not null references extraction(id) on delete cascade,
  span_start integer not null check (span_start >= 0),
  span_end integer not null,
  quote text not null,
  created_at timestamptz not null default now(),
  check (span_end > span_start)
);
create index provenance_record_idx on provenance(record_kind, record_id);
create index provenance_extraction_idx on provenance(extraction_id);
