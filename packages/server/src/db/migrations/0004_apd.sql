-- The yearly aid declaration (déclaration annuelle de l'APD, e-APD of the MEAE–DAECT): one per organisation
-- and year, with its lines (category × country × amount). Forward only; depends on 0001 only.

create table apd_declaration (
  id text primary key,
  organisation_id text not null references organisation(id),
  year integer not null check (year between 1900 and 2200),
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  submitted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organisation_id, year)
);

create table apd_line (
  id serial primary key,
  declaration_id text not null references apd_declaration(id) on delete cascade,
  category text not null check (category in ('cooperation', 'oudin_water', 'waste_1pct', 'energy_1pct', 'ngo_grants',
    'multilateral', 'awareness', 'refugees', 'scholarships', 'humanitarian')),
  -- ISO alpha-2, the id of a territory of kind country; null for lines that are not country-specific
  country text references territory(id),
  amount numeric(16,2) not null check (amount >= 0),
  currency text not null default 'EUR',
  note text,
  -- set when the line was pre-filled from one of the project's co-financing lines
  project_id text references project(id) on delete set null,
  position integer not null default 0
);
create index apd_line_declaration_idx on apd_line(declaration_id, position);
create index apd_line_project_idx on apd_line(project_id);
