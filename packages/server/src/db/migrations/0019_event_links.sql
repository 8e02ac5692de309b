-- An event's related events (issue 15: a group's meeting and the Assises it prepares or restitutes).
-- The event's documents are rows of `link` with owner_kind 'event', like partnerships' and projects'.
create table event_related (
  event_id text not null references event(id) on delete cascade,
  related_id text not null references event(id) on delete cascade,
  position integer not null default 0,
  primary key (event_id, related_id),
  check (event_id <> related_id)
);
create index event_related_related_idx on event_related(related_id);
