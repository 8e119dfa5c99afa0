-- Stock on hand per variant per store, changed only through movements. stock_level.on_hand is always the sum of the
-- level's movements: both are written in one transaction while the level row is locked. Movements are never updated
-- or deleted (the application role has no such grant). On-hand may go negative: a sale is never refused for lack
-- of stock, the level is flagged instead.
create table stock_level (
    tenant_id        uuid        not null references tenant (id),
    store_id         uuid        not null,
    variant_id       uuid        not null,
    on_hand          bigint      not null default 0,
    -- Alert when on_hand <= threshold; null means no alert for this variant in this store.
    threshold        integer     check (threshold >= 0),
    below_threshold  boolean     not null default false,
    below_since      timestamptz,
    updated_at       timestamptz not null,
    primary key (tenant_id, store_id, variant_id),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, variant_id) references catalog_variant (tenant_id, id),
    check (below_threshold = (below_since is not null))
);

create index stock_level_below on stock_level (tenant_id, below_threshold) where below_threshold;
create index stock_level_negative on stock_level (tenant_id, store_id) where on_hand < 0;
create index stock_level_variant on stock_level (tenant_id, variant_id);

alter table stock_level enable row level security;
alter table stock_level force row level security;
create policy stock_level_tenant_isolation on stock_level
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

create table stock_movement (
    tenant_id          uuid        not null references tenant (id),
    id                 uuid        not null,
    store_id           uuid        not null,
    variant_id         uuid        not null,
    kind               text        not null check (kind in ('SALE', 'REFUND', 'RECEIPT', 'ADJUSTMENT', 'COUNT',
                                                            'TRANSFER_OUT', 'TRANSFER_IN')),
    quantity           bigint      not null check (quantity <> 0),
    resulting_on_hand  bigint      not null,
    reason             text        check (length(reason) <= 500),
    -- The sale, refund, transfer, count or receipt this movement belongs to.
    reference_id       uuid,
    -- Set for movements caused by an event (sale id + line), so a replayed event moves nothing twice.
    source_key         text,
    actor_kind         text        not null check (actor_kind in ('PERSON', 'DEVICE', 'SYSTEM')),
    actor_id           text        not null,
    actor_name         text        not null,
    device_id          uuid,
    occurred_at        timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, store_id, variant_id) references stock_level (tenant_id, store_id, variant_id)
);

create index stock_movement_level on stock_movement (tenant_id, store_id, variant_id, occurred_at desc);
create index stock_movement_time on stock_movement (tenant_id, occurred_at desc);
create index stock_movement_reference on stock_movement (tenant_id, reference_id);
create unique index stock_movement_source on stock_movement (tenant_id, source_key) where source_key is not null;

alter table stock_movement enable row level security;
alter table stock_movement force row level security;
create policy stock_movement_tenant_isolation on stock_movement
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update on stock_level to ${app_role};
grant select, insert on stock_movement to ${app_role};
