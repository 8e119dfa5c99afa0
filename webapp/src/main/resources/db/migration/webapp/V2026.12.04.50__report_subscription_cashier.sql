-- A subscription may be narrowed to one cashier, as the Reports page's cashier filter: the code a device reported
-- (null: every cashier). It is chosen among the cashiers who sold in the person's stores, and the e-mailed report is
-- built with that filter and prints it.
alter table report_subscription
    add column cashier_code text check (cashier_code is null or length(cashier_code) between 1 and 40);
