-- IATI import and export. Forward only; depends on 0001 only.
-- A project imported from IATI keeps its iati-identifier: re-importing the same activity updates that project.
alter table project add column iati_identifier text;
create unique index project_iati_identifier_idx on project(iati_identifier);
-- the organisation that published the activity (reporting-org), and what Tandem has no column for:
-- original narratives by language, sectors with their vocabularies, recipient regions, locations, dates by type
alter table project add column iati_reporting_org_id text references organisation(id) on delete set null;
alter table project add column iati_extra jsonb;

-- matching participating organisations on import: by IATI organisation identifier
create index organisation_iati_ref_idx on organisation(iati_ref);

-- which IATI element a co-financing line comes from ('budget' | 'transaction' | 'planned-disbursement'),
-- its IATI type (TransactionType or BudgetType code) and its dates (transaction date, or the budget's period)
alter table funding_line add column iati_element text;
alter table funding_line add column iati_type text;
alter table funding_line add column on_date date;
alter table funding_line add column end_date date;
