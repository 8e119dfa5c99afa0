-- Tenant billing meets settlement (id.lapak.billing.settlement.InvoiceDeductions): an invoice or debit note of a
-- tenant with an active payout account is paid from the merchant's settled money. The deduction is a ledger
-- adjustment naming the document (negative; a credit note of a deducted invoice gives money back, positive), posted
-- against the account LAPAK_INVOICES, and settles into the next business day closed like every adjustment. Once
-- per document: the unique index below.
alter table ledger_adjustment add column saas_invoice_id uuid;
alter table ledger_adjustment add constraint ledger_adjustment_saas_invoice
    foreign key (tenant_id, saas_invoice_id) references saas_invoice (tenant_id, id);
create unique index ledger_adjustment_once_per_invoice on ledger_adjustment (tenant_id, saas_invoice_id)
    where saas_invoice_id is not null;

alter table ledger_entry drop constraint ledger_entry_account_check;
alter table ledger_entry add constraint ledger_entry_account_check
    check (account in ('ACQUIRER_RECEIVABLE', 'MERCHANT_PENDING', 'MERCHANT_PAYABLE', 'PAYOUT_IN_TRANSIT',
                       'PLATFORM_FEES', 'PPN_ON_FEES', 'PLATFORM_CASH', 'ADJUSTMENTS', 'LAPAK_INVOICES'));

-- Credit notes support writes by hand (id.lapak.billing.subscription.CreditNotes): a CREDIT line with the reason,
-- its PPN as its own line. Their keys start with CREDIT: so a billing rerun, which compares a period's computed
-- lines with what was billed, leaves them out of the comparison.
alter table saas_invoice_line drop constraint saas_invoice_line_kind_check;
alter table saas_invoice_line add constraint saas_invoice_line_kind_check
    check (kind in ('PLAN', 'DEVICES', 'TRANSACTIONS', 'PPN', 'CREDIT'));
alter table saas_invoice add column note text check (length(btrim(note)) between 3 and 500);
