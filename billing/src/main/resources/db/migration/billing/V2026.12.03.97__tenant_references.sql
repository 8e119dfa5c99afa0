-- References between tenant tables carry the tenant, so the database refuses a row of one tenant that points at a
-- row of another (TenantReferencesIntegrationTest lists every uuid reference and fails on one without such a key).
-- Added NOT VALID and then validated: a database with rows from before these keys keeps working (the keys hold for
-- every new row); one whose old rows all agree gets fully validated keys. The catalog's records of a sale
-- (customer_purchase, stock_movement) name the sale and device from the sale event the payment path publishes after
-- checking them; they keep no key to billing's and device-registry's tables, so each module's tables stand alone.

alter table catalog_price_change add constraint catalog_price_change_store_id_tenant_fk foreign key (tenant_id, store_id) references store (tenant_id, id) not valid;
alter table device_assertion add constraint device_assertion_device_id_tenant_fk foreign key (tenant_id, device_id) references device (tenant_id, id) not valid;
alter table ledger_transaction add constraint ledger_transaction_sale_id_tenant_fk foreign key (tenant_id, sale_id) references sale (tenant_id, id) not valid;
alter table ledger_transaction add constraint ledger_transaction_store_id_tenant_fk foreign key (tenant_id, store_id) references store (tenant_id, id) not valid;
alter table mail_outbox add constraint mail_outbox_store_id_tenant_fk foreign key (tenant_id, store_id) references store (tenant_id, id) not valid;
alter table pairing_code add constraint pairing_code_device_id_tenant_fk foreign key (tenant_id, device_id) references device (tenant_id, id) not valid;
alter table reader_key_use add constraint reader_key_use_sale_id_tenant_fk foreign key (tenant_id, sale_id) references sale (tenant_id, id) not valid;
alter table recon_exception add constraint recon_exception_import_id_tenant_fk foreign key (tenant_id, import_id) references recon_import (tenant_id, id) not valid;
alter table sale add constraint sale_customer_id_tenant_fk foreign key (tenant_id, customer_id) references customer (tenant_id, id) not valid;
alter table sale_line add constraint sale_line_variant_id_tenant_fk foreign key (tenant_id, variant_id) references catalog_variant (tenant_id, id) not valid;
alter table stock_movement add constraint stock_movement_store_id_tenant_fk foreign key (tenant_id, store_id) references store (tenant_id, id) not valid;
alter table stock_movement add constraint stock_movement_variant_id_tenant_fk foreign key (tenant_id, variant_id) references catalog_variant (tenant_id, id) not valid;

do $$
declare
    r record;
begin
    for r in select conrelid::regclass::text as tbl, conname from pg_constraint
             where conname like '%\_tenant\_fk' escape '\' and not convalidated loop
        begin
            execute format('alter table %s validate constraint %I', r.tbl, r.conname);
        exception when foreign_key_violation then
            raise notice 'kept % on % unvalidated: older rows point elsewhere', r.conname, r.tbl;
        end;
    end loop;
end $$;
