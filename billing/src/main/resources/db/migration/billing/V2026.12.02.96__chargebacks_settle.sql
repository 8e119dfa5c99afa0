-- Chargebacks and their reversals (payment operations since V2026.12.02.55) settle like refunds and captures:
-- each in exactly one batch line, a chargeback taking money from the merchant and its reversal giving it back.
alter table settlement_line drop constraint settlement_line_kind_check;
alter table settlement_line add constraint settlement_line_kind_check
    check (kind in ('CAPTURE', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL'));
