-- Search that explores (issue 11). Documents carry the amount "sort by amount" reads: a project's budget, a partnership's
-- projects' budgets summed (its euros when it has some, else its largest total); the others none.
alter table search_doc add column if not exists amount numeric, add column if not exists currency text;

update search_doc d set amount = p.budget_amount, currency = p.budget_currency
  from project p where d.kind = 'project' and d.id = p.id and p.budget_amount is not null and p.budget_currency is not null;

with sums as (select partnership_id, budget_currency as currency, sum(budget_amount) as amount from project
    where partnership_id is not null and budget_amount is not null and budget_currency is not null group by 1, 2),
  main as (select distinct on (partnership_id) partnership_id, currency, amount from sums order by partnership_id, (currency = 'EUR') desc, amount desc)
update search_doc d set amount = m.amount, currency = m.currency from main m where d.kind = 'partnership' and d.id = m.partnership_id;

-- A territory no record is placed at ranks below the records that say something (search.activity.ts: its kind's weight × 0.2).
with active as (select distinct t from search_doc, unnest(territories) t where kind <> 'territory')
update search_doc set weight = weight * 0.2 where kind = 'territory' and id not in (select t from active);

-- A former unit that lives on under the same name is listed once, as its successor (search.docs.ts).
delete from search_doc d using territory t, territory_change c, territory s
  where d.kind = 'territory' and d.id = t.id and t.valid_to is not null and c.from_id = t.id and s.id = c.to_id and s.valid_to is null and s.name = t.name;
