-- The daily audit digest: each tenant's admins get the day's last signed checkpoint of their audit chain by e-mail
-- (docs/decisions/0027). One row per tenant and day, written with the outbox e-mail in one transaction: a digest is
-- queued exactly once, whichever node runs the job and however often.
create table audit_digest_sent (
    tenant_id  uuid        not null references tenant (id) on delete cascade,
    day        date        not null,
    chain_seq  bigint      not null,
    queued_at  timestamptz not null default now(),
    primary key (tenant_id, day)
);

alter table audit_digest_sent enable row level security;
alter table audit_digest_sent force row level security;
create policy audit_digest_sent_tenant_isolation on audit_digest_sent
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on audit_digest_sent to ${app_role};

alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check
    check (kind in ('LOW_STOCK', 'RECEIPT', 'SETTLEMENT_STATEMENT', 'PAYOUT_ACCOUNT_CHANGED', 'SCHEDULED_REPORT',
                    'SAAS_INVOICE', 'SAAS_INVOICE_REMINDER', 'AUDIT_DIGEST'));
