-- Events as records: a series (the Ateliers, the Assises) groups numbered editions; an event may also stand alone
-- (an online meeting, a workshop). Dates keep their precision (first day + day | month | year) like the other
-- records; an event's hours, when known, are local times in its time zone. Place: a territory and/or free text,
-- or online with a link. side: the country that hosts it ('FR' | 'VN'), null when neither or unknown.
create table event_series (
  id text primary key,
  name text not null,
  description text,
  period_from integer,
  period_to integer,
  -- the agreement the series' chronology opens with (the 1989 Île-de-France – Hanoï convention)
  opening_agreement_id text references agreement(id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table event (
  id text primary key,
  series_id text references event_series(id) on delete set null,
  edition integer check (edition is null or edition > 0),
  title text not null,
  kind text not null check (kind in ('edition', 'meeting', 'online', 'workshop', 'other')),
  start_on date,
  start_precision text check (start_precision in ('day', 'month', 'year')),
  end_on date,
  end_precision text check (end_precision in ('day', 'month', 'year')),
  start_time time,
  end_time time,
  time_zone text,
  place_territory_id text references territory(id),
  place_text text,
  online boolean not null default false,
  online_url text,
  side text check (side in ('FR', 'VN')),
  theme text,
  workshops_count integer check (workshops_count is null or workshops_count >= 0),
  source_document_id text references source_document(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (series_id, edition)
);
create index event_series_idx on event(series_id, start_on);
create index event_place_idx on event(place_territory_id);

create table event_host (
  event_id text not null references event(id) on delete cascade,
  organisation_id text not null references organisation(id),
  position integer not null default 0,
  primary key (event_id, organisation_id)
);
create index event_host_org_idx on event_host(organisation_id);

-- The workshops (ateliers) of an event, in order, each with its lead organisation when known.
create table event_workshop (
  event_id text not null references event(id) on delete cascade,
  position integer not null,
  title text not null,
  lead_organisation_id text references organisation(id),
  primary key (event_id, position)
);
create index event_workshop_lead_idx on event_workshop(lead_organisation_id);

-- The agenda of an event, as ordered items.
create table event_agenda_item (
  event_id text not null references event(id) on delete cascade,
  position integer not null,
  title text not null,
  primary key (event_id, position)
);
