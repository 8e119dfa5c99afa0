-- One money rule (docs/decisions/0025-one-money-rule.md): the customer purchase projection copied IDR sale and
-- refund amounts in hundredths; convert them to whole rupiah with the same half-up rounding as
-- V2026.12.02.10__whole_rupiah_payments.sql, so a customer's spending matches the sales it was computed from.
-- Catalog prices were already whole rupiah (decision 0017) and are not touched.

select set_config('app.platform', 'on', true);

update customer_purchase
   set amount_minor = sign(amount_minor)::bigint * ((abs(amount_minor) + 50) / 100)
 where currency = 'IDR';
