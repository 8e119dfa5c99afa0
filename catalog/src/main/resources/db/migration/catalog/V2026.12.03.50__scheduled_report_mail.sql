-- Reports sent by e-mail on a schedule go through the outbox like the other mails.
alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check
    check (kind in ('LOW_STOCK', 'RECEIPT', 'SETTLEMENT_STATEMENT', 'PAYOUT_ACCOUNT_CHANGED', 'SCHEDULED_REPORT'));
