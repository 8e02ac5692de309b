-- Every write to what the public pages show tells the running Tandem processes, so their caches of rendered records
-- and sheets (lib/response-cache.ts) drop what they hold: a statement-level trigger sends NOTIFY tandem_changed, which
-- PostgreSQL delivers when the transaction commits (never for one that rolls back), once per table and transaction.
-- Sessions, sign-in attempts, tokens and the search index are left out: they change without changing a page.
create or replace function tandem_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('tandem_changed', tg_table_name);
  return null;
end $$;

do $$
declare t text;
begin
  foreach t in array array['source_document', 'territory', 'territory_change', 'indicator_value', 'theme', 'organisation',
      'partnership', 'partnership_party', 'agreement', 'project', 'project_place', 'project_participant', 'funding_line',
      'result', 'link', 'mission', 'mission_participant', 'account', 'revision', 'validation', 'person',
      'apd_declaration', 'apd_line'] loop
    execute format('create trigger tandem_changed after insert or update or delete or truncate on %I
                    for each statement execute function tandem_changed()', t);
  end loop;
end $$;
