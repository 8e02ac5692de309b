-- Each digest of a saved search of funding calls carries a new unsubscribe link (only the SHA-256 of its token is
-- stored, so the old token cannot be sent again): until now that made every earlier digest's link dead, while an
-- unsubscribe link must keep working. The hashes of the last 30 links are kept (a month of daily digests, more than
-- half a year of weekly ones); any of them unsubscribes.
alter table funding_alert add column earlier_unsubscribe_hashes text[] not null default '{}';
create index funding_alert_earlier_unsubscribe_idx on funding_alert using gin (earlier_unsubscribe_hashes);
