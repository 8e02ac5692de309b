-- Contacts of a partnership or a project: people (personal data, features/people) attached to a record with their
-- role on it. Private like the people themselves: read only by members of the person's organisation and platform
-- administrators; never in public pages, exports, search or feeds. Versioned for concurrent role edits (409).
create table record_contact (
  record_kind text not null check (record_kind in ('partnership', 'project')),
  record_id text not null,
  person_id text not null references person(id) on delete cascade,
  role text,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (record_kind, record_id, person_id)
);
create index record_contact_person_idx on record_contact(person_id);

-- A deleted partnership or project takes its contacts with it (the people stay).
create or replace function record_contact_forget() returns trigger language plpgsql as $$
begin
  delete from record_contact where record_kind = tg_argv[0] and record_id = old.id;
  return old;
end $$;
create trigger partnership_contacts_forget after delete on partnership for each row execute function record_contact_forget('partnership');
create trigger project_contacts_forget after delete on project for each row execute function record_contact_forget('project');
