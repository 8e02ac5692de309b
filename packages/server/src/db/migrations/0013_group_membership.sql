-- Organisations that belong to a group: a network (kind 'network') and its member organisations, and later the
-- other groups of issue 15. A network administrator's grant is on the network; it reaches the network's members.
-- Forward only; PostgreSQL 15+.
create table group_membership (
  group_id text not null references organisation(id) on delete cascade,
  organisation_id text not null references organisation(id) on delete cascade,
  role text not null default 'member',
  since date,
  primary key (group_id, organisation_id),
  check (group_id <> organisation_id)
);
create index group_membership_org_idx on group_membership(organisation_id);
