-- Issue 15: groups (networks, country groups, thematic groups) with offices and funders, meetings of a group,
-- news linked to records, funding calls and saved searches of them. Forward only; PostgreSQL 15+.

-- A group is an organisation of kind 'network' with a profile: what kind of group, the country or themes it is about,
-- the network it belongs to (CUF for its Groupe-Pays Vietnam), its agenda (the themes and wishes it works on) and the
-- positions it has left vacant (the presidency of a Groupe-Pays). Memberships are group_membership (0013).
create table group_profile (
  organisation_id text primary key references organisation(id) on delete cascade,
  group_kind text not null check (group_kind in ('network', 'country_group', 'thematic_group')),
  country text,
  themes text[] not null default '{}',
  parent_id text references organisation(id) on delete set null,
  agenda text,
  vacant_roles text[] not null default '{}',
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> organisation_id)
);
create index group_profile_parent_idx on group_profile(parent_id);
create index group_profile_country_idx on group_profile(country);

-- Where a group works from (Lianes: Lille and Amiens).
create table group_office (
  id text primary key,
  group_id text not null references organisation(id) on delete cascade,
  position integer not null default 0,
  name text not null,
  address text,
  territory_id text references territory(id) on delete set null
);
create index group_office_group_idx on group_office(group_id, position);

-- Who funds a group.
create table group_funder (
  group_id text not null references organisation(id) on delete cascade,
  organisation_id text not null references organisation(id) on delete cascade,
  position integer not null default 0,
  primary key (group_id, organisation_id),
  check (group_id <> organisation_id)
);

-- A group's meetings are events (0015) of the group; members_only ones are shown to the group's members only.
alter table event add column group_id text references organisation(id) on delete set null;
alter table event add column visibility text not null default 'public' check (visibility in ('public', 'members'));
create index event_group_idx on event(group_id, start_on);

-- News: dated articles in Markdown (sanitised on output), by a network (author_organisation_id) or by Tandem (null).
create table news_item (
  id text primary key,
  title text not null,
  summary text,
  body_md text not null,
  published_on date not null,
  author_organisation_id text references organisation(id) on delete set null,
  lang text not null default 'fr' check (lang in ('fr', 'en', 'vi')),
  source_url text,
  source_document_id text references source_document(id) on delete set null,
  -- the countries it is about (ISO alpha-2), kept from its links at each write, for the per-country feeds
  countries text[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index news_item_published_idx on news_item(published_on desc, id);
create index news_item_author_idx on news_item(author_organisation_id, published_on desc);

-- The records a news item talks about (a partnership's sheet lists the news that point to it).
create table news_link (
  news_id text not null references news_item(id) on delete cascade,
  record_kind text not null check (record_kind in ('partnership', 'project', 'organisation', 'territory', 'mission', 'event', 'funding_call')),
  record_id text not null,
  position integer not null default 0,
  primary key (news_id, record_kind, record_id)
);
create index news_link_record_idx on news_link(record_kind, record_id);

-- Funding calls (the fields of the Aides-territoires catalogue, plus partner countries, group size, co-financing
-- rate and required documents). Amounts numeric; rates in percent. Dates are days; recurrence says when the exact
-- date is not known (a yearly call "usually in spring").
create table funding_call (
  id text primary key,
  title text not null,
  summary text,
  body_md text,
  url text,
  beneficiaries text[] not null default '{}',
  aid_types text[] not null default '{}',
  spending text[] not null default '{}',
  stages text[] not null default '{}',
  themes text[] not null default '{}',
  area_territory_id text references territory(id) on delete set null,
  partner_countries text[] not null default '{}',
  min_group_size integer check (min_group_size is null or min_group_size > 0),
  opens_on date,
  predeposit_on date,
  closes_on date,
  recurrence text not null default 'none' check (recurrence in ('none', 'yearly', 'permanent')),
  recurrence_note text,
  rate_min numeric check (rate_min is null or (rate_min >= 0 and rate_min <= 100)),
  rate_max numeric check (rate_max is null or (rate_max >= 0 and rate_max <= 100)),
  amount_min numeric check (amount_min is null or amount_min >= 0),
  amount_max numeric check (amount_max is null or amount_max >= 0),
  currency text not null default 'EUR',
  required_documents text[] not null default '{}',
  source_url text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index funding_call_closes_idx on funding_call(closes_on);

-- Who funds a call and who instructs it (the ministry, AFD, an agency de l'eau…).
create table funding_call_org (
  call_id text not null references funding_call(id) on delete cascade,
  organisation_id text not null references organisation(id) on delete cascade,
  role text not null check (role in ('funder', 'instructor')),
  position integer not null default 0,
  primary key (call_id, organisation_id, role)
);
create index funding_call_org_org_idx on funding_call_org(organisation_id);

-- A saved search of funding calls: a confirmed e-mail digest (daily or weekly), an RSS feed and an iCalendar feed
-- of deadlines. Only the hashes of the confirmation and unsubscribe tokens are kept; feed_key is the feeds' secret.
create table funding_alert (
  id text primary key,
  email text not null,
  account_id text references account(id) on delete cascade,
  organisation_id text references organisation(id) on delete cascade,
  query jsonb not null,
  frequency text not null check (frequency in ('daily', 'weekly')),
  lang text not null default 'fr' check (lang in ('fr', 'en', 'vi')),
  confirm_hash text,
  confirmed_at timestamptz,
  unsubscribe_hash text not null,
  feed_key text not null unique,
  last_sent_at timestamptz,
  created_at timestamptz not null default now()
);
create index funding_alert_due_idx on funding_alert(confirmed_at, last_sent_at);
