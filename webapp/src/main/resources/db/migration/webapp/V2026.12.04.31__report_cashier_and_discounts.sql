-- Discounts and cashiers in the report rollups. Hours and the day's mix gain the discounts of captured sales (the
-- same rule as tips); the mix gains the cashier the device reported ('' for none, as brand is '' for no brand), so
-- the sales-by-cashier report and a cashier filter read rollups like the device and brand ones. Days rolled up
-- before this were of sales that could carry neither (the sale columns are as new as these), so 0 and '' are their
-- exact figures and no day needs rolling again.
alter table report_hour add column discount_minor bigint not null default 0;

alter table report_mix
    add column discount_minor bigint not null default 0,
    add column cashier_code   text   not null default '',
    add column cashier_name   text   not null default '';
alter table report_mix drop constraint report_mix_pkey;
alter table report_mix add primary key (tenant_id, store_id, day, device_id, brand, entry_mode, offline, cashier_code,
    cashier_name, currency);
