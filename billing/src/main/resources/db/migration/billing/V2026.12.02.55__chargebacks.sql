-- Chargebacks: the acquirer takes money back from the merchant for a captured sale (the cardholder disputed it),
-- and may give it back later (the dispute was won). Both are operations on the sale's timeline that settlement
-- picks up like captures and refunds: CHARGEBACK is money out of the merchant (sign -1), CHARGEBACK_REVERSAL money
-- back to the merchant (sign +1). The acquirer's reference of each is unique per tenant and kind, so the same notice
-- delivered twice is recorded once and settles exactly once.
alter table payment_operation drop constraint payment_operation_kind_check;
alter table payment_operation add constraint payment_operation_kind_check
    check (kind in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL'));
create unique index payment_operation_chargeback_reference on payment_operation (tenant_id, kind, gateway_reference)
    where kind in ('CHARGEBACK', 'CHARGEBACK_REVERSAL');

-- Reconciliation finds an operation by the acquirer's reference: within the tenant (the import), and, for refusing a
-- file that carries another tenant's references, across tenants through the platform path. The second look-up is
-- why this index does not lead with tenant_id.
create index payment_operation_tenant_reference on payment_operation (tenant_id, gateway_reference)
    where gateway_reference is not null;
create index payment_operation_reference on payment_operation (gateway_reference)
    where gateway_reference is not null;

alter table sandbox_journal drop constraint sandbox_journal_operation_check;
alter table sandbox_journal add constraint sandbox_journal_operation_check
    check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL'));

-- A chargeback notice names the sale by its authorization reference.
create index sale_tenant_gateway_reference on sale (tenant_id, gateway_reference) where gateway_reference is not null;
