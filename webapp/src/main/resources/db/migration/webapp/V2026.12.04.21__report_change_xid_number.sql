-- A day's rollup is clean when no change of that day came from a transaction its snapshot did not see. The check
-- compares each change's transaction id with the snapshot's xmin; under row-level security PostgreSQL uses only
-- leakproof operators as index conditions, and xid8's >= is not one, so the check read every change ever logged for
-- the store day and filtered them one by one (0.25 ms a store day with a few hundred, 150 ms for a month of 20
-- stores). The same number as a bigint, whose >= is leakproof, lets the index skip every change older than xmin.
alter table report_change add column xid_number bigint generated always as (xid::text::bigint) stored;
create index report_change_day_xid_number on report_change (tenant_id, store_id, day, xid_number);
drop index report_change_day;
-- The snapshot's xmin as the same kind of number, so the comparison is between two plain columns.
alter table report_day add column xmin_number bigint generated always as (pg_snapshot_xmin(snapshot)::text::bigint) stored;
