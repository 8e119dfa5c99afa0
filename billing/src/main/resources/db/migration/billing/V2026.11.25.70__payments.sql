-- Payments and sales. A sale row is one payment attempt from a device (its idempotency key is unique per device),
-- with what PCI DSS allows Lapak to keep of the card: brand, the PAN masked to its first six and last four digits,
-- expiry month and year, and a keyed HMAC fingerprint. The card number itself is never stored.

-- Capture immediately after approval (the default) or later from the portal.
create table payment_settings (
    tenant_id    uuid        primary key references tenant (id),
    capture_mode text        not null check (capture_mode in ('IMMEDIATE', 'MANUAL')),
    updated_at   timestamptz not null,
    updated_by   text        not null
);

create table sale (
    tenant_id          uuid        not null references tenant (id),
    id                 uuid        not null,
    store_id           uuid        not null,
    device_id          uuid        not null,
    idempotency_key    text        not null check (length(idempotency_key) between 1 and 100),
    -- SHA-256 of the canonical request: the same key with another body is refused.
    request_hash       bytea       not null,
    status             text        not null check (status in ('PENDING', 'AUTHORIZED', 'CAPTURED',
                                       'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED', 'DECLINED', 'REVERSED',
                                       'REVERSAL_PENDING', 'FAILED')),
    -- Which request may authorize a PENDING sale, and until when; a retry takes over once it has passed.
    claimed_until      timestamptz,
    currency           char(3)     not null,
    amount_minor       bigint      not null check (amount_minor > 0),
    tip_minor          bigint      not null default 0 check (tip_minor >= 0),
    tax_minor          bigint      not null default 0 check (tax_minor >= 0),
    customer_id        uuid,
    entry_mode         text        not null check (entry_mode in ('CHIP', 'CONTACTLESS', 'SWIPE')),
    offline            boolean     not null,
    device_time        timestamptz not null,
    received_at        timestamptz not null,
    -- When the sale happened: the device's time for an offline payment, arrival for an online one.
    sold_at            timestamptz not null,
    decided_at         timestamptz,
    card_brand         text,
    masked_pan         text        check (masked_pan ~ '^[0-9]{0,6}[*]*[0-9]{0,4}$'),
    pan_last4          char(4),
    expiry_month       smallint    check (expiry_month between 1 and 12),
    expiry_year        smallint,
    card_fingerprint   bytea,
    response_code      text,
    authorization_code text,
    decline_reason     text,
    gateway_reference  text,
    authorized_minor   bigint      not null default 0,
    captured_minor     bigint      not null default 0,
    refunded_minor     bigint      not null default 0,
    version            bigint      not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, device_id, idempotency_key),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, device_id) references device (tenant_id, id),
    check (captured_minor <= authorized_minor and refunded_minor <= captured_minor)
);
create index sale_tenant_sold_at on sale (tenant_id, sold_at desc, id);
create index sale_tenant_store_sold_at on sale (tenant_id, store_id, sold_at desc);
create index sale_tenant_device_received on sale (tenant_id, device_id, received_at desc);
create index sale_tenant_last4 on sale (tenant_id, pan_last4);
create index sale_tenant_fingerprint on sale (tenant_id, card_fingerprint);

create table sale_line (
    tenant_id         uuid    not null,
    sale_id           uuid    not null,
    line_no           integer not null,
    variant_id        uuid    not null,
    description       text    check (length(description) <= 200),
    quantity          integer not null check (quantity > 0),
    unit_price_minor  bigint  not null check (unit_price_minor >= 0),
    tax_minor         bigint  not null check (tax_minor >= 0),
    total_minor       bigint  not null check (total_minor >= 0),
    returned_quantity integer not null default 0,
    primary key (tenant_id, sale_id, line_no),
    foreign key (tenant_id, sale_id) references sale (tenant_id, id),
    check (returned_quantity between 0 and quantity)
);

-- The payment timeline: every call to the acquirer for a sale, with its reference and answer.
create table payment_operation (
    tenant_id         uuid        not null,
    id                uuid        not null,
    sale_id           uuid        not null,
    kind              text        not null check (kind in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND', 'REVERSAL')),
    status            text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    amount_minor      bigint      not null default 0,
    response_code     text,
    gateway_reference text,
    message           text,
    reason            text        check (length(reason) <= 500),
    restock           boolean     not null default false,
    actor             text        not null,
    idempotency_key   text        check (length(idempotency_key) between 1 and 100),
    created_at        timestamptz not null,
    completed_at      timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, sale_id) references sale (tenant_id, id)
);
create index payment_operation_sale on payment_operation (tenant_id, sale_id, created_at);
create unique index payment_operation_idempotency on payment_operation (tenant_id, sale_id, idempotency_key)
    where idempotency_key is not null;

alter table payment_settings enable row level security;
alter table payment_settings force row level security;
create policy payment_settings_tenant_isolation on payment_settings
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table sale enable row level security;
alter table sale force row level security;
create policy sale_tenant_isolation on sale
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table sale_line enable row level security;
alter table sale_line force row level security;
create policy sale_line_tenant_isolation on sale_line
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table payment_operation enable row level security;
alter table payment_operation force row level security;
create policy payment_operation_tenant_isolation on payment_operation
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update on payment_settings, sale, sale_line, payment_operation to ${app_role};
