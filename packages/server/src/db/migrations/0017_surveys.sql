-- Surveys (questionnaires) and their restitution, and what a meeting records: minutes and decisions.
-- Forward only; PostgreSQL 15+.

-- A survey, run by an organisation (its members, the network administrators of a network it belongs to and the
-- organisers of its event manage it), attached to an event, a group (an organisation of kind network / country
-- group) or nothing. mode: anonymous (no link between a person and an answer is kept anywhere) | registration (one
-- answer per private link sent to the event's accepted registrants). source: tandem (answers collected here) |
-- recorded (results entered from another tool: per question counts in survey_question.recorded).
-- Texts are {fr, en?, vi?} objects (fr required, empty others fall back to fr).
create table survey (
  id text primary key,
  organisation_id text not null references organisation(id),
  event_id text references event(id) on delete set null,
  group_id text references organisation(id),
  -- the meeting where the results were given back (an event), which links to the report
  restitution_event_id text references event(id) on delete set null,
  title jsonb not null,
  intro jsonb not null default '{}',
  mode text not null check (mode in ('anonymous', 'registration')),
  source text not null default 'tandem' check (source in ('tandem', 'recorded')),
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  opens_at timestamptz,
  closes_at timestamptz check (closes_at is null or opens_at is null or closes_at >= opens_at),
  -- what the public may see: the results (counts, charts) and, separately, the free answers
  results_public boolean not null default false,
  free_answers_public boolean not null default false,
  -- the organiser's conclusion, printed at the end of the report
  conclusion jsonb not null default '{}',
  -- recorded surveys: how many people answered in the other tool
  recorded_responses integer check (recorded_responses is null or recorded_responses >= 0),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index survey_event_idx on survey(event_id);
create index survey_group_idx on survey(group_id);
create index survey_restitution_idx on survey(restitution_event_id);
create index survey_organisation_idx on survey(organisation_id);

create table survey_section (
  id text primary key,
  survey_id text not null references survey(id) on delete cascade,
  position integer not null,
  title jsonb not null default '{}',
  description jsonb not null default '{}',
  unique (survey_id, position)
);

-- A question. position is its order in the whole survey. type: single | multiple | yes_no | scale | number | date |
-- short_text | long_text | ranking. options: [{value, labels}]; condition: {question: <key of an earlier question>,
-- equals: [values]} (shown only when that answer is one of them); category: results may be broken down by it;
-- comment: the organiser's reading of the results (« → bilan informationnel mitigé »), printed in the report;
-- recorded (recorded surveys only): {answered, counts: {value: n}, other?: n, texts?: [..], mean?, median?}.
create table survey_question (
  id text primary key,
  survey_id text not null references survey(id) on delete cascade,
  section_id text not null references survey_section(id) on delete cascade,
  position integer not null,
  key text not null,
  type text not null check (type in ('single', 'multiple', 'yes_no', 'scale', 'number', 'date', 'short_text', 'long_text', 'ranking')),
  required boolean not null default false,
  labels jsonb not null,
  help jsonb not null default '{}',
  options jsonb not null default '[]',
  allow_other boolean not null default false,
  scale_min integer,
  scale_max integer,
  scale_labels jsonb not null default '{}',
  number_min numeric,
  number_max numeric,
  condition jsonb,
  category boolean not null default false,
  comment jsonb not null default '{}',
  recorded jsonb,
  unique (survey_id, key),
  unique (survey_id, position)
);
create index survey_question_section_idx on survey_question(section_id, position);

-- One answer sheet. token_hash: sha-256 of its private link's token (the token is only in the respondent's
-- hands). Anonymous surveys: no registration, no account, no address, submitted_at kept to the day only.
-- Registration surveys: one per registration, created when the invitations go out; editable until closing.
create table survey_response (
  id text primary key,
  survey_id text not null references survey(id) on delete cascade,
  token_hash text not null unique,
  registration_id text references registration(id) on delete cascade,
  answers jsonb not null default '{}',
  -- null: saved but not submitted (a partial answer)
  submitted_at timestamptz,
  invited_at timestamptz,
  reminded_at timestamptz,
  version integer not null default 1,
  unique (survey_id, registration_id)
);
create index survey_response_survey_idx on survey_response(survey_id, submitted_at);

-- What a meeting records: its minutes (plain text, paragraphs) and its decisions, with who carries them and by when.
alter table event add column minutes text;
create table event_decision (
  id text primary key,
  event_id text not null references event(id) on delete cascade,
  position integer not null,
  text text not null,
  -- who carries it: a Tandem organisation, or words (« le groupe d'amitié du Sénat »)
  owner_organisation_id text references organisation(id),
  owner_text text,
  due date,
  due_precision text check (due_precision in ('year', 'month', 'day')),
  status text not null default 'open' check (status in ('open', 'done', 'dropped')),
  unique (event_id, position)
);
create index event_decision_owner_idx on event_decision(owner_organisation_id);
