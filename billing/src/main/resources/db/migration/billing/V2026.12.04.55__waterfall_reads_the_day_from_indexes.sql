-- The waterfall of a store's day reads the day's sales, operations and settlement lines from index ranges alone (index
-- only scans), so a day costs a few dozen index pages instead of up to one heap page per row: wherever other stores,
-- tenants or days are written between a store's rows of one day, each of those rows sits on a page of its own
-- (bench/settlement-waterfall.sh: 700-1,000 ms for a cold day of 1,370 sales among 1,000,000 before, 30-60 ms after).

-- The day's sales of a store: the same key, with what the waterfall sums and filters on.
drop index sale_tenant_store_sold_at;
create index sale_tenant_store_sold_at on sale (tenant_id, store_id, sold_at desc)
    include (id, status, authorized_minor);

-- The day's completed operations of a tenant: the same key and predicate, with the sale, kind and amount.
drop index payment_operation_completed;
create index payment_operation_completed on payment_operation (tenant_id, completed_at)
    include (sale_id, kind, amount_minor, id) where status = 'SUCCEEDED';

-- The settlement lines of a store's operations recorded within the day (a line's recorded_at is its operation's
-- completion), instead of one primary-key probe and heap page per operation.
create index settlement_line_store_recorded on settlement_line (tenant_id, store_id, recorded_at)
    include (operation_id, batch_id, gross_minor, fee_minor, ppn_minor);
