-- The organisation an author acted for, kept with each revision: visitors see which organisation changed a
-- record, not the person (issue 10, item 12). Null for the system (seed, imports) and for platform
-- administrators acting outside their own organisations. No foreign key: the history outlives a deleted
-- organisation (its id is still no personal data).
alter table revision add column actor_organisation_id text;

-- Older revisions: the author's membership in an organisation taking part in the record (as the record was
-- after the change, or before a deletion); else, for someone who is not a platform administrator (who adds an
-- organisation they do not belong to), their first membership.
update revision r set actor_organisation_id = (
  select g.organisation_id from role_grant g
   cross join lateral (select g.organisation_id in (
       select r.record_id where r.record_kind = 'organisation'
       union all select x #>> '{}' from jsonb_path_query(coalesce(r.after, r.before), '$.parties[*].organisationId') x
       union all select x #>> '{}' from jsonb_path_query(coalesce(r.after, r.before), '$.participants[*].organisationId') x
       union all select x #>> '{}' from jsonb_path_query(coalesce(r.after, r.before), '$.funding[*].funderId') x
       union all select x #>> '{}' from jsonb_path_query(coalesce(r.after, r.before), '$.organisations[*].id') x
       union all select x #>> '{}' from jsonb_path_query(coalesce(r.after, r.before), '$.organisationId') x
       union all select pp.organisation_id from partnership_party pp where pp.partnership_id = coalesce(r.after, r.before) ->> 'partnershipId'
     ) as involved) i
   where g.account_id = r.actor_account_id and g.organisation_id is not null and g.role in ('member', 'network_admin')
     and (i.involved or not exists (select 1 from role_grant a where a.account_id = r.actor_account_id and a.role = 'platform_admin'))
   order by i.involved desc, g.created_at, g.organisation_id
   limit 1)
 where r.actor_account_id is not null;
