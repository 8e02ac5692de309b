-- Migration 0008 told the running processes of writes to what public pages show, but only for the tables that existed
-- then: with two processes on PostgreSQL, an event, a news item, a funding call, a group or a survey changed through one
-- process stayed stale in the other's cache (lib/response-cache.ts) until it expired. The same trigger on every table
-- since whose rows a visitor's page shows (places left and survey results included); private or derived tables
-- (funding alerts, extractions, the search index, sessions and tokens) stay quiet. db/notify.test.ts checks the list.
do $$
declare t text;
begin
  foreach t in array array['group_membership', 'record_contact', 'event_series', 'event', 'event_host',
      'event_agenda_item', 'event_session', 'event_session_lead', 'registration_form', 'registration', 'registration_session',
      'survey', 'survey_section', 'survey_question', 'survey_response', 'event_decision', 'group_profile', 'group_office',
      'group_funder', 'news_item', 'news_link', 'funding_call', 'funding_call_org', 'event_related', 'provenance'] loop
    execute format('drop trigger if exists tandem_changed on %I', t);
    execute format('create trigger tandem_changed after insert or update or delete or truncate on %I
                    for each statement execute function tandem_changed()', t);
  end loop;
end $$;
