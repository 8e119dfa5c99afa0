-- Customers of a tenant and the purchases the sale events project onto them. Personal fields are nullable: erasing
-- a customer (personal data rights) nulls them and keeps the row, so purchase history stays counted but anonymous.
create table customer (
    tenant_id              uuid        not null references tenant (id),
    id                     uuid        not null,
    name                   text        check (length(name) between 1 and 200),
    phone                  text        check (length(phone) between 1 and 40),
    phone_digits           text        generated always as (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) stored,
    email                  text        check (length(email) between 3 and 254),
    notes                  text        check (length(notes) <= 2000),
    -- Normalised tag list: lower case, comma-delimited with leading and trailing commas (",vip,reseller,").
    tags                   text        not null default '',
    marketing_consent      boolean     not null default false,
    marketing_consent_at   timestamptz,
    status                 text        not null check (status in ('ACTIVE', 'MERGED', 'ERASED')),
    merged_into            uuid,
    erased_at              timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, merged_into) references customer (tenant_id, id),
    check (status <> 'ACTIVE' or name is not null),
    check (status <> 'MERGED' or merged_into is not null),
    check (marketing_consent = (marketing_consent_at is not null))
);

create index customer_name on customer (tenant_id, lower(name));
create index customer_email on customer (tenant_id, lower(email));
create index customer_phone on customer (tenant_id, phone_digits);

alter table customer enable row level security;
alter table customer force row level security;
create policy customer_tenant_isolation on customer
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

-- One row per sale or refund that named a customer, written by the sale event listeners in the sale's transaction.
-- Holds no personal data: the customer page's figures are computed from these rows, never typed in.
create table customer_purchase (
    tenant_id     uuid        not null references tenant (id),
    id            uuid        not null,
    kind          text        not null check (kind in ('SALE', 'REFUND')),
    sale_id       uuid        not null,
    customer_id   uuid        not null,
    store_id      uuid        not null,
    device_id     uuid,
    currency      char(3)     not null,
    amount_minor  bigint      not null,
    item_count    integer     not null,
    occurred_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);

create index customer_purchase_customer on customer_purchase (tenant_id, customer_id, occurred_at desc);

alter table customer_purchase enable row level security;
alter table customer_purchase force row level security;
create policy customer_purchase_tenant_isolation on customer_purchase
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update on customer to ${app_role};
grant select, insert, update on customer_purchase to ${app_role};
