-- One money rule (docs/decisions/0025-one-money-rule.md): IDR amounts are whole rupiah. Until now payments, their
-- timeline and the sandbox acquirer's journal stored IDR in hundredths (ISO 4217's exponent 2); this converts every
-- such amount. A value that is not a multiple of 100 is rounded half-up (away from zero) to the rupiah, the rule of
-- Money.basisPoints; a sale's positive amount never becomes 0 (the schema refuses zero-amount sales), it becomes 1.
-- Rounding is monotonic, so captured <= authorized and refunded <= captured still hold. Other currencies keep
-- their ISO minor unit and are not touched.

-- The migration owner is subject to the forced row-level security like everyone: work on every tenant's rows
-- through the named cross-tenant path, for this transaction only.
select set_config('app.platform', 'on', true);

-- Half-up to the rupiah, written out per column: sign(x) * ((abs(x) + 50) / 100) with integer division.
update sale_line l
   set unit_price_minor = sign(l.unit_price_minor)::bigint * ((abs(l.unit_price_minor) + 50) / 100),
       tax_minor        = sign(l.tax_minor)::bigint * ((abs(l.tax_minor) + 50) / 100),
       total_minor      = sign(l.total_minor)::bigint * ((abs(l.total_minor) + 50) / 100)
  from sale s
 where s.tenant_id = l.tenant_id and s.id = l.sale_id and s.currency = 'IDR';

update payment_operation o
   set amount_minor = sign(o.amount_minor)::bigint * ((abs(o.amount_minor) + 50) / 100)
  from sale s
 where s.tenant_id = o.tenant_id and s.id = o.sale_id and s.currency = 'IDR';

update sale
   set amount_minor     = greatest(sign(amount_minor)::bigint * ((abs(amount_minor) + 50) / 100), 1),
       tip_minor        = sign(tip_minor)::bigint * ((abs(tip_minor) + 50) / 100),
       tax_minor        = sign(tax_minor)::bigint * ((abs(tax_minor) + 50) / 100),
       authorized_minor = sign(authorized_minor)::bigint * ((abs(authorized_minor) + 50) / 100),
       captured_minor   = sign(captured_minor)::bigint * ((abs(captured_minor) + 50) / 100),
       refunded_minor   = sign(refunded_minor)::bigint * ((abs(refunded_minor) + 50) / 100)
 where currency = 'IDR';

-- The sandbox stands for the outside world, but it is Lapak's own test double and must speak the same unit; its
-- seeded balances are whole rupiah from this version on, and its journal is replayed into them at start.
update sandbox_journal
   set amount_minor   = sign(amount_minor)::bigint * ((abs(amount_minor) + 50) / 100),
       approved_minor = sign(approved_minor)::bigint * ((abs(approved_minor) + 50) / 100)
 where currency = 'IDR';
