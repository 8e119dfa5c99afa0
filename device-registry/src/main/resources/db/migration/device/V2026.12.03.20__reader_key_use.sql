-- Every transaction counter a reader key has used, once: DUKPT derives a new key per counter, and a counter used
-- again (a replayed or cloned card read) must be refused. One row per payment, written in the payment's own
-- transaction; the primary key makes the refusal hold across nodes and restarts. Rows are never updated or deleted
-- by the application.
create table reader_key_use (
    tenant_id      uuid        not null,
    algorithm      text        not null,
    initial_key_id text        not null,
    counter        bigint      not null check (counter >= 0),
    device_id      uuid        not null,
    sale_id        uuid        not null,
    used_at        timestamptz not null,
    primary key (tenant_id, algorithm, initial_key_id, counter),
    foreign key (tenant_id, device_id) references device (tenant_id, id)
);

alter table reader_key_use enable row level security;
alter table reader_key_use force row level security;
create policy reader_key_use_tenant_isolation on reader_key_use
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on reader_key_use to ${app_role};

create index reader_key_by_initial_key_id on reader_key (tenant_id, algorithm, initial_key_id);
