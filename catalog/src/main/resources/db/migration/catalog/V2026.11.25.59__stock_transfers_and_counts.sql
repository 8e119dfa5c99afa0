-- Transfers between two stores of a tenant: created, sent (stock leaves the source), received (stock arrives), or
-- cancelled before sending. Counts: counted quantities for a store; each difference became a COUNT movement.
create table stock_transfer (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    from_store_id  uuid        not null,
    to_store_id    uuid        not null,
    status         text        not null check (status in ('CREATED', 'SENT', 'RECEIVED', 'CANCELLED')),
    note           text        check (length(note) <= 500),
    created_at     timestamptz not null,
    created_by     text        not null,
    sent_at        timestamptz,
    sent_by        text,
    received_at    timestamptz,
    received_by    text,
    cancelled_at   timestamptz,
    cancelled_by   text,
    version        bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, from_store_id) references store (tenant_id, id),
    foreign key (tenant_id, to_store_id) references store (tenant_id, id),
    check (from_store_id <> to_store_id),
    check (status = 'CREATED' or status = 'CANCELLED' or sent_at is not null),
    check (status <> 'RECEIVED' or received_at is not null)
);

create index stock_transfer_created on stock_transfer (tenant_id, created_at desc);

create table stock_transfer_line (
    tenant_id    uuid    not null references tenant (id),
    transfer_id  uuid    not null,
    variant_id   uuid    not null,
    quantity     integer not null check (quantity > 0),
    primary key (tenant_id, transfer_id, variant_id),
    foreign key (tenant_id, transfer_id) references stock_transfer (tenant_id, id),
    foreign key (tenant_id, variant_id) references catalog_variant (tenant_id, id)
);

create table stock_count (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    store_id     uuid        not null,
    note         text        check (length(note) <= 500),
    counted_at   timestamptz not null,
    counted_by   text        not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);

create index stock_count_store on stock_count (tenant_id, store_id, counted_at desc);

create table stock_count_line (
    tenant_id    uuid   not null references tenant (id),
    count_id     uuid   not null,
    variant_id   uuid   not null,
    expected     bigint not null,
    counted      bigint not null check (counted >= 0),
    primary key (tenant_id, count_id, variant_id),
    foreign key (tenant_id, count_id) references stock_count (tenant_id, id),
    foreign key (tenant_id, variant_id) references catalog_variant (tenant_id, id)
);

-- Who gets the low-stock e-mail of a store when no other directory of store managers is wired in.
create table stock_alert_recipient (
    tenant_id  uuid not null references tenant (id),
    store_id   uuid not null,
    email      text not null check (length(email) between 3 and 254),
    primary key (tenant_id, store_id, email),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);

alter table stock_transfer enable row level security;
alter table stock_transfer force row level security;
create policy stock_transfer_tenant_isolation on stock_transfer
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table stock_transfer_line enable row level security;
alter table stock_transfer_line force row level security;
create policy stock_transfer_line_tenant_isolation on stock_transfer_line
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table stock_count enable row level security;
alter table stock_count force row level security;
create policy stock_count_tenant_isolation on stock_count
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table stock_count_line enable row level security;
alter table stock_count_line force row level security;
create policy stock_count_line_tenant_isolation on stock_count_line
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table stock_alert_recipient enable row level security;
alter table stock_alert_recipient force row level security;
create policy stock_alert_recipient_tenant_isolation on stock_alert_recipient
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update on stock_transfer to ${app_role};
grant select, insert on stock_transfer_line to ${app_role};
grant select, insert on stock_count to ${app_role};
grant select, insert on stock_count_line to ${app_role};
grant select, insert, delete on stock_alert_recipient to ${app_role};
