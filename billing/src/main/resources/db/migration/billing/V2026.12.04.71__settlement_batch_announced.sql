-- A closed batch is announced (BatchClosed: its statement mailed to the tenant's admins) in a transaction of its own
-- tenant right after the close committed, not inside the close: the close holds the lock that its tenants' payments
-- share, and a statement needs the identity provider and a PDF. This row is written in the announcing transaction,
-- so a batch is announced exactly once; a batch closed but not announced (a crash in between) is announced by the
-- next run of the close (docs/decisions/0045).
select set_config('app.platform', 'on', true);

create table settlement_batch_announced (
    tenant_id    uuid        not null,
    batch_id     uuid        not null,
    announced_at timestamptz not null,
    primary key (tenant_id, batch_id),
    foreign key (tenant_id, batch_id) references settlement_batch (tenant_id, id)
);

alter table settlement_batch_announced enable row level security;
alter table settlement_batch_announced force row level security;
create policy settlement_batch_announced_tenant_isolation on settlement_batch_announced
    using (tenant_id = (select app_current_tenant()) or (select app_platform_access()))
    with check (tenant_id = (select app_current_tenant()) or (select app_platform_access()));

grant select, insert on settlement_batch_announced to ${app_role};

-- Every batch closed before this was announced inside its close.
insert into settlement_batch_announced (tenant_id, batch_id, announced_at)
select tenant_id, id, closed_at from settlement_batch;

-- The next run looks for recent batches without their row.
create index settlement_batch_closed_at on settlement_batch (closed_at);
