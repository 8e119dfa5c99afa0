-- A report a person asked to receive by e-mail from the Reports page (built in the background, sent through the
-- outbox with the file attached).
alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check
    check (kind in ('LOW_STOCK', 'RECEIPT', 'SETTLEMENT_STATEMENT', 'PAYOUT_ACCOUNT_CHANGED', 'SCHEDULED_REPORT',
                    'SAAS_INVOICE', 'SAAS_INVOICE_REMINDER', 'AUDIT_DIGEST', 'REQUESTED_REPORT'));
