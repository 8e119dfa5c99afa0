-- The cashier (operator) a device reports with a payment, and the discounts on its lines. Both are optional in the
-- device API, so every column is nullable: sales recorded before they existed, and devices that report neither,
-- leave them empty. A line's total_minor stays what the line added to the amount (after its discount); the sale's
-- discount_minor is the sum of its lines' discounts, kept on the sale so reports sum it without reading the lines.
-- The tables keep their composite tenant keys and row-level security policies; new columns need no new grant.
alter table sale
    add column cashier_code   text   check (length(cashier_code) between 1 and 40),
    add column cashier_name   text   check (length(cashier_name) between 1 and 100),
    add column discount_minor bigint check (discount_minor >= 0),
    add constraint sale_cashier_name_has_code check (cashier_name is null or cashier_code is not null);

alter table sale_line
    add column discount_minor bigint check (discount_minor >= 0);
