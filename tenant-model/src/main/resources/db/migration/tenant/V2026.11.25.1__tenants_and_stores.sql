-- Tenancy's second wall: row-level security. The application connects as ${app_role}, which owns no table and
-- has no BYPASSRLS; each transaction says whose rows it may see with set_config('app.tenant_id', ..., true).
-- With nothing set, every tenant table reads as empty and refuses writes.

create function app_current_tenant() returns uuid
    language sql stable
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- The single, named cross-tenant path (support staff, platform jobs), also set per transaction.
create function app_platform_access() returns boolean
    language sql stable
as $$ select coalesce(current_setting('app.platform', true), '') = 'on' $$;

create table tenant (
    id          uuid primary key,
    name        text        not null check (length(name) between 1 and 200),
    legal_name  text        not null check (length(legal_name) between 1 and 300),
    country     char(2)     not null,
    currency    char(3)     not null,
    time_zone   text        not null,
    status      text        not null check (status in ('ACTIVE', 'SUSPENDED')),
    created_at  timestamptz not null,
    version     bigint      not null default 0
);

alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_own_row on tenant
    using (id = app_current_tenant() or app_platform_access())
    with check (id = app_current_tenant() or app_platform_access());

create table store (
    tenant_id          uuid         not null references tenant (id),
    id                 uuid         not null,
    name               text         not null check (length(name) between 1 and 100),
    address            text         not null check (length(address) between 1 and 300),
    city               text         not null check (length(city) between 1 and 100),
    time_zone          text         not null,
    currency           char(3)      not null,
    tax_registered     boolean      not null,
    tax_rate           numeric(5, 2) not null check (tax_rate between 0 and 100),
    prices_include_tax boolean      not null,
    active             boolean      not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0,
    primary key (tenant_id, id)
);

-- Unique keys include the tenant and indexes lead with it.
create unique index store_name_per_tenant on store (tenant_id, lower(name));
create index store_tenant_active on store (tenant_id, active);

alter table store enable row level security;
alter table store force row level security;
create policy store_tenant_isolation on store
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant usage on schema ${schema} to ${app_role};
grant select, insert, update on tenant to ${app_role};
grant select, insert, update on store to ${app_role};
grant execute on function app_current_tenant() to ${app_role};
grant execute on function app_platform_access() to ${app_role};
