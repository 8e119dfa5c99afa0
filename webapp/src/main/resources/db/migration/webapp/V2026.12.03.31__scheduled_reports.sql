-- Scheduled reports: a merchant admin or store manager subscribes to a daily, weekly or monthly e-mail of a report.
-- The person's role and stores are kept as they were when subscribing; at each sending they are checked again
-- against the identity provider, and the report is built as that person, so a manager's e-mail holds only their
-- stores. A period is sent exactly once: its delivery row (unique per subscription and period) is written in the
-- transaction that queues the e-mail in the outbox, so a second node or a rerun finds it and sends nothing.

create table report_subscription (
    tenant_id  uuid        not null references tenant (id),
    id         uuid        not null,
    -- The person, by the identity provider's subject, with their role and stores when they subscribed.
    subject    text        not null check (length(subject) between 1 and 255),
    username   text        not null check (length(username) between 1 and 255),
    role       text        not null check (role in ('MERCHANT_ADMIN', 'STORE_MANAGER')),
    store_ids  uuid[]      not null default '{}',
    kind       text        not null check (length(kind) between 1 and 40),
    -- One store of the person's scope, or null for every store they may see.
    store_id   uuid,
    frequency  text        not null check (frequency in ('DAILY', 'WEEKLY', 'MONTHLY')),
    format     text        not null check (format in ('PDF', 'XLSX', 'CSV')),
    -- Sent at this local time in this zone (the store's, or the tenant's for every store) once the period ended.
    send_at    time        not null,
    time_zone  text        not null,
    enabled    boolean     not null default true,
    created_at timestamptz not null,
    -- Periods due before this (the subscribing, or the last resuming) are not sent.
    active_since timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    check (role = 'MERCHANT_ADMIN' or cardinality(store_ids) > 0)
);
create index report_subscription_subject on report_subscription (tenant_id, subject);

-- One row per subscription and period, written with the e-mail: SENT (the outbox row) or ACCESS_LOST (the person
-- may no longer see what they subscribed to; the subscription is then disabled).
create table report_delivery (
    tenant_id       uuid        not null,
    subscription_id uuid        not null,
    period_start    date        not null,
    period_end      date        not null check (period_end >= period_start),
    outcome         text        not null check (outcome in ('SENT', 'ACCESS_LOST')),
    mail_id         uuid,
    delivered_at    timestamptz not null,
    primary key (tenant_id, subscription_id, period_start),
    foreign key (tenant_id, subscription_id) references report_subscription (tenant_id, id) on delete cascade,
    foreign key (tenant_id, mail_id) references mail_outbox (tenant_id, id),
    check ((outcome = 'SENT') = (mail_id is not null))
);

alter table report_subscription enable row level security;
alter table report_subscription force row level security;
create policy report_subscription_tenant_isolation on report_subscription
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table report_delivery enable row level security;
alter table report_delivery force row level security;
create policy report_delivery_tenant_isolation on report_delivery
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update, delete on report_subscription, report_delivery to ${app_role};
