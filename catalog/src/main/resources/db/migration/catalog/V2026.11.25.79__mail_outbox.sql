-- The e-mail outbox (id.lapak.catalog.mail): every e-mail Lapak decides to send (low-stock alerts, receipts) is a row
-- written in the transaction that decided it, so a rolled-back transaction sends nothing and a committed one cannot
-- lose its e-mail. A sender delivers it right after the commit and a clustered job retries what is still pending.
-- PENDING: waiting to be sent (again) at next_attempt_at; SENT: delivered to the SMTP server at sent_at; FAILED:
-- given up after the configured number of attempts; SKIPPED: no SMTP server was configured when it was written.
create table mail_outbox (
    tenant_id        uuid        not null references tenant (id),
    id               uuid        not null,
    kind             text        not null check (kind in ('LOW_STOCK', 'RECEIPT')),
    status           text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    sender           text        not null,
    -- Empty for an alert to a store's managers (store_id): they are looked up when the e-mail is sent, not in the
    -- sale's transaction that crossed the threshold; the row keeps whom it went to once sent.
    recipients       text[]      not null,
    store_id         uuid,
    subject          text        not null,
    body             text        not null,
    html             boolean     not null default false,
    created_at       timestamptz not null,
    attempts         integer     not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz not null,
    sent_at          timestamptz,
    -- The last failure in short (exception type and message, never card data).
    last_error       text        check (length(last_error) <= 300),
    primary key (tenant_id, id),
    check (cardinality(recipients) > 0 or (kind = 'LOW_STOCK' and store_id is not null and status <> 'SENT')),
    check ((status = 'SENT') = (sent_at is not null))
);

create index mail_outbox_time on mail_outbox (tenant_id, created_at desc);
-- The sender's cross-tenant look-up of due rows (every 30 s) reads this small partial index, oldest due first; it
-- leads with the due time rather than the tenant because that look-up is across tenants by design.
create index mail_outbox_due on mail_outbox (next_attempt_at, tenant_id) where status = 'PENDING';

alter table mail_outbox enable row level security;
alter table mail_outbox force row level security;
create policy mail_outbox_tenant_isolation on mail_outbox
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update on mail_outbox to ${app_role};
