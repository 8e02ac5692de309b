-- The programme of an event (sessions and workshops, each its own page) and registration (a form per event built
-- from field types, capacity per event and per workshop, moderation, waiting lists with offers that expire).
-- Forward only; PostgreSQL 15+.

-- Sessions and workshops replace event_workshop (its rows move here, kind 'workshop', ids '<event>-atelier-<n>').
create table event_session (
  id text primary key,
  event_id text not null references event(id) on delete cascade,
  kind text not null default 'workshop' check (kind in ('session', 'workshop')),
  position integer not null,
  title text not null,
  description text,
  day date,
  start_time time,
  end_time time,
  room text,
  online_url text,
  -- places; null = no limit (a workshop's registrations count against it, see session_places)
  capacity integer check (capacity is null or capacity >= 0),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, position)
);
create index event_session_event_idx on event_session(event_id, day, start_time);

-- Who leads a session: organisations (public) and people (shown to members of the person's organisation and the
-- event's organisers only, like contacts).
create table event_session_lead (
  session_id text not null references event_session(id) on delete cascade,
  position integer not null,
  organisation_id text references organisation(id),
  person_id text references person(id) on delete cascade,
  primary key (session_id, position),
  check ((organisation_id is null) <> (person_id is null))
);
create index event_session_lead_org_idx on event_session_lead(organisation_id);

insert into event_session (id, event_id, kind, position, title)
  select w.event_id || '-atelier-' || (w.position + 1), w.event_id, 'workshop', w.position, w.title from event_workshop w;
insert into event_session_lead (session_id, position, organisation_id)
  select w.event_id || '-atelier-' || (w.position + 1), 0, w.lead_organisation_id from event_workshop w where w.lead_organisation_id is not null;
drop table event_workshop;

-- One registration form per event. fields: [{key, type, required, labels: {fr, en, vi}, options?: [{value, labels}]}]
-- with type in text | choice | multi | yesno | number | date | country | organisation | consent.
create table registration_form (
  event_id text primary key references event(id) on delete cascade,
  opens_at timestamptz,
  closes_at timestamptz,
  -- places for the event; null = no limit
  capacity integer check (capacity is null or capacity >= 0),
  moderated boolean not null default false,
  workshops_min integer not null default 0 check (workshops_min >= 0),
  workshops_max integer check (workshops_max is null or workshops_max >= workshops_min),
  -- how long a freed place is offered to the next person on the waiting list
  offer_hours integer not null default 48 check (offer_hours between 1 and 720),
  fields jsonb not null default '[]',
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- A person's registration: personal data, read by the registrant (private link or account) and the event's
-- organisers only. status: pending (moderation) | accepted | waiting | offered (a freed place, until
-- offer_expires_at) | declined (by the organiser) | cancelled (by the registrant, or an offer that expired).
-- A place is taken by accepted and offered registrations.
create table registration (
  id text primary key,
  event_id text not null references event(id) on delete cascade,
  -- sha-256 (hex) of the private link's token; the token itself is only ever in the registrant's e-mail
  token_hash text not null unique,
  account_id text references account(id) on delete set null,
  name text not null,
  email text not null check (email = lower(email)),
  lang text not null default 'fr' check (lang in ('fr', 'en', 'vi')),
  organisation_id text references organisation(id),
  status text not null check (status in ('pending', 'accepted', 'waiting', 'offered', 'declined', 'cancelled')),
  answers jsonb not null default '{}',
  -- consent to appear in the event's public participant list
  public_consent boolean not null default false,
  -- waiting list order: lower first (the organiser reorders by rewriting it)
  queue_position double precision,
  offer_expires_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index registration_event_email_idx on registration(event_id, email) where status not in ('cancelled', 'declined');
create index registration_event_status_idx on registration(event_id, status, queue_position);
create index registration_offer_idx on registration(offer_expires_at) where status = 'offered';
create index registration_account_idx on registration(account_id);

-- The workshops a registration chose, each with its own place or waiting-list entry.
create table registration_session (
  registration_id text not null references registration(id) on delete cascade,
  session_id text not null references event_session(id) on delete cascade,
  status text not null check (status in ('accepted', 'waiting', 'offered', 'cancelled')),
  queue_position double precision,
  offer_expires_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (registration_id, session_id)
);
create index registration_session_idx on registration_session(session_id, status, queue_position);
create index registration_session_offer_idx on registration_session(offer_expires_at) where status = 'offered';
