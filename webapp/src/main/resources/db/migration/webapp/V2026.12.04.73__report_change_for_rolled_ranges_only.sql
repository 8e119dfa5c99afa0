-- A settlement line is logged as a report change (kind SETTLED) only when it can concern a rolled-up range, by the
-- rule a sale's change already followed (V2026.12.03.30, V2026.12.04.45): its sale was sold more than half an hour
-- before the writing transaction began. A rollup of a day, or of the day in progress, reaches an hour back at most,
-- and what is after it is read live. Since lines are written with their operation (decision 0045), a capture's line
-- comes seconds after its sale was sold: logging it wrote a change row for every payment that no rollup needed
-- (bench/README.md, "Payments"). A refund, chargeback or late upload of an earlier sale is still logged. The rule is
-- one function, used by both triggers.

create function report_change_may_concern_rollup(sold_at timestamptz) returns boolean
    language sql stable parallel safe
as $$ select sold_at < pg_catalog.now() - interval '30 minutes' $$;

revoke all on function report_change_may_concern_rollup(timestamptz) from public;
grant execute on function report_change_may_concern_rollup(timestamptz) to ${app_role}, ${platform_role};

drop trigger sale_report_change on sale;
create trigger sale_report_change after insert or update on sale
    for each row when (report_change_may_concern_rollup(new.sold_at)) execute function report_log_sale_change();

create or replace function report_log_settlement() returns trigger
    language plpgsql
    as $$
begin
    insert into report_change (tenant_id, store_id, day, sale_id, kind, status, changed_at, xid)
    select distinct a.tenant_id, a.store_id, (a.sold_at at time zone st.time_zone)::date, null::uuid, 'SETTLED',
           'SETTLED', now(), pg_current_xact_id()
    from added a join store st on st.tenant_id = a.tenant_id and st.id = a.store_id
    where report_change_may_concern_rollup(a.sold_at);
    return null;
end $$;
