-- The product catalog: tax categories, categories (one level of nesting), items, their variants (the sellable
-- unit with SKU, barcode and price), per-store price overrides and availability, price history and item images.
--
-- The device feed reads changes by version: catalog_version holds one counter per tenant, bumped once by every
-- transaction that changes the catalog (update ... returning, which also serialises the tenant's catalog writers
-- until commit, so a reader that sees version N has seen every change up to N). Every feed row stores the version
-- of its last change; deleted rows stay as tombstones (deleted = true) so devices learn about them.

create table catalog_version (
    tenant_id  uuid        primary key references tenant (id),
    version    bigint      not null check (version >= 0),
    changed_at timestamptz not null
);

create table tax_category (
    tenant_id       uuid          not null references tenant (id),
    id              uuid          not null,
    name            text          not null check (length(name) between 1 and 60),
    -- STANDARD: the store's tax rate (PPN); EXEMPT: no tax; CUSTOM: the rate below.
    kind            text          not null check (kind in ('STANDARD', 'EXEMPT', 'CUSTOM')),
    rate            numeric(5, 2) check (rate between 0 and 100),
    deleted         boolean       not null default false,
    catalog_version bigint        not null,
    updated_at      timestamptz   not null,
    primary key (tenant_id, id),
    check ((kind = 'CUSTOM') = (rate is not null))
);
create unique index tax_category_name_per_tenant on tax_category (tenant_id, lower(name)) where not deleted;
create index tax_category_feed on tax_category (tenant_id, catalog_version, id);

create table catalog_category (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    name            text        not null check (length(name) between 1 and 80),
    parent_id       uuid,
    deleted         boolean     not null default false,
    catalog_version bigint      not null,
    updated_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, parent_id) references catalog_category (tenant_id, id)
);
create unique index catalog_category_name on catalog_category
    (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name)) where not deleted;
create index catalog_category_feed on catalog_category (tenant_id, catalog_version, id);

create table catalog_item (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    name            text        not null check (length(name) between 1 and 120),
    description     text        check (length(description) <= 1000),
    category_id     uuid,
    tax_category_id uuid        not null,
    unit            text        not null check (length(unit) between 1 and 20),
    active          boolean     not null,
    has_image       boolean     not null default false,
    deleted         boolean     not null default false,
    catalog_version bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, category_id) references catalog_category (tenant_id, id),
    foreign key (tenant_id, tax_category_id) references tax_category (tenant_id, id)
);
create index catalog_item_feed on catalog_item (tenant_id, catalog_version, id);
create index catalog_item_name on catalog_item (tenant_id, lower(name));
create index catalog_item_category on catalog_item (tenant_id, category_id);

create table catalog_variant (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    item_id         uuid        not null,
    name            text        not null check (length(name) between 0 and 80),
    sku             text        not null check (length(sku) between 1 and 64),
    barcode         text        check (barcode ~ '^[0-9A-Za-z-]{1,48}$'),
    price_minor     bigint      not null check (price_minor >= 0),
    cost_minor      bigint      check (cost_minor >= 0),
    position        integer     not null default 0,
    active          boolean     not null,
    deleted         boolean     not null default false,
    catalog_version bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, item_id) references catalog_item (tenant_id, id)
);
-- SKU and barcode are unique per tenant among the rows that still exist.
create unique index catalog_variant_sku on catalog_variant (tenant_id, lower(sku)) where not deleted;
create unique index catalog_variant_barcode on catalog_variant (tenant_id, barcode)
    where not deleted and barcode is not null;
create index catalog_variant_feed on catalog_variant (tenant_id, catalog_version, id);
create index catalog_variant_item on catalog_variant (tenant_id, item_id);

-- A store's own price for a variant (null: the catalog price) and whether the store sells it at all.
create table catalog_store_variant (
    tenant_id       uuid        not null references tenant (id),
    store_id        uuid        not null,
    variant_id      uuid        not null,
    price_minor     bigint      check (price_minor >= 0),
    available       boolean     not null,
    deleted         boolean     not null default false,
    catalog_version bigint      not null,
    updated_at      timestamptz not null,
    primary key (tenant_id, store_id, variant_id),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, variant_id) references catalog_variant (tenant_id, id)
);
create index catalog_store_variant_feed on catalog_store_variant (tenant_id, store_id, catalog_version, variant_id);
create index catalog_store_variant_variant on catalog_store_variant (tenant_id, variant_id);

-- Who changed which price when (a store's override when store_id is set); written with the audit entry.
create table catalog_price_change (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    variant_id      uuid        not null,
    store_id        uuid,
    old_price_minor bigint,
    new_price_minor bigint,
    changed_by      text        not null,
    changed_at      timestamptz not null,
    source          text        not null check (source in ('PORTAL', 'IMPORT', 'SYSTEM')),
    primary key (tenant_id, id),
    foreign key (tenant_id, variant_id) references catalog_variant (tenant_id, id)
);
create index catalog_price_change_variant on catalog_price_change (tenant_id, variant_id, changed_at desc);

-- Item images in the database, at most 512 KB, PNG, JPEG or WebP (checked by the application by magic bytes).
create table catalog_item_image (
    tenant_id    uuid        not null references tenant (id),
    item_id      uuid        not null,
    content_type text        not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
    data         bytea       not null check (octet_length(data) between 1 and 524288),
    updated_at   timestamptz not null,
    primary key (tenant_id, item_id),
    foreign key (tenant_id, item_id) references catalog_item (tenant_id, id)
);

do $$
declare
    t text;
begin
    foreach t in array array['catalog_version', 'tax_category', 'catalog_category', 'catalog_item', 'catalog_variant',
                             'catalog_store_variant', 'catalog_price_change', 'catalog_item_image']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant() or app_platform_access()) '
                       || 'with check (tenant_id = app_current_tenant() or app_platform_access())',
                       t || '_tenant_isolation', t);
    end loop;
end
$$;

grant select, insert, update on catalog_version, tax_category, catalog_category, catalog_item, catalog_variant,
    catalog_store_variant to ${app_role};
grant select, insert on catalog_price_change to ${app_role};
grant select, insert, update, delete on catalog_item_image to ${app_role};
