-- The balance check of ledger entries reads each touched transaction through the primary key. The first version
-- joined the statement's new entries (a transition table, which has no statistics) to the whole ledger_entry table
-- and let the planner choose: with statistics taken while the table was small it scanned the whole table once per
-- statement, so a close of day that inserts one tenant's entries after another grew quadratic (hours for 1,000
-- tenants). A lateral sum per transaction can only be planned as one primary-key range read per transaction: the
-- cost is the statement's own entries, whatever the size of the ledger. The rule is unchanged: after every insert
-- statement, every transaction it touched sums to zero over all its entries.
create or replace function ledger_entries_balanced() returns trigger
    language plpgsql
as $$
declare
    unbalanced uuid;
begin
    select t.transaction_id into unbalanced
    from (select distinct tenant_id, transaction_id from new_entries) t
    cross join lateral (select sum(e.amount_minor) as total from ledger_entry e
                        where e.tenant_id = t.tenant_id and e.transaction_id = t.transaction_id) s
    where s.total <> 0
    limit 1;
    if unbalanced is not null then
        raise exception 'ledger transaction % does not balance', unbalanced
            using errcode = '23514', constraint = 'ledger_transaction_balanced';
    end if;
    return null;
end
$$;
