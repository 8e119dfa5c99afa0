-- Settlement e-mails (id.lapak.settlement.SettlementMailer) go through the outbox like every other e-mail: a closed
-- batch's statement (PDF and CSV attached) and a changed payout account, both to the tenant's admin. Attachments are
-- written with their e-mail in the same transaction and read when it is sent (and resent).
alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check
    check (kind in ('LOW_STOCK', 'RECEIPT', 'SETTLEMENT_STATEMENT', 'PAYOUT_ACCOUNT_CHANGED'));

create table mail_outbox_attachment (
    tenant_id    uuid    not null,
    mail_id      uuid    not null,
    no           integer not null check (no >= 1),
    file_name    text    not null check (length(file_name) between 1 and 200),
    content_type text    not null check (length(content_type) between 3 and 100),
    content      bytea   not null,
    primary key (tenant_id, mail_id, no),
    foreign key (tenant_id, mail_id) references mail_outbox (tenant_id, id)
);

alter table mail_outbox_attachment enable row level security;
alter table mail_outbox_attachment force row level security;
create policy mail_outbox_attachment_tenant_isolation on mail_outbox_attachment
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on mail_outbox_attachment to ${app_role};
