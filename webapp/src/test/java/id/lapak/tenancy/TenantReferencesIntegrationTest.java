package id.lapak.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * References between tenant tables carry the tenant: every uuid column that names a row of another tenant table is
 * part of a foreign key on {@code (tenant_id, column)}, so the database itself refuses a row of one tenant that points
 * at a row of another — whatever the application does. The few columns that are not references are named here with
 * the reason.
 */
@IntegrationTest
class TenantReferencesIntegrationTest {

    /** Columns ending in {@code _id} that are not references to a tenant row, and why. */
    private static final Map<String, String> NOT_REFERENCES = Map.ofEntries(
            Map.entry("reader_key.delivery_id", "the id of a delivery (a key block), not a row"),
            Map.entry("payout.run_id", "payout runs are the platform's, not a tenant's"),
            Map.entry("ledger_entry.transaction_id", "entries of one ledger transaction share its id"),
            Map.entry(
                    "ledger_entry.source_id",
                    "what caused the entry: a sale, refund, batch or payout (several tables)"),
            Map.entry("ledger_transaction.source_id", "what caused it: a sale, refund, batch or payout"),
            Map.entry("stock_movement.reference_id", "the sale, transfer or count that moved stock (several tables)"),
            Map.entry("audit_entry.actor_id", "a person or device id, kept after either is gone"),
            Map.entry("audit_entry.entity_id", "any entity, kept after it is gone"),
            Map.entry("mail_outbox.reference_id", "what the e-mail is about"),
            Map.entry("device_event.reference_id", "what the event is about"),
            Map.entry("device_config_layer.scope_id", "a store or a device, by the layer's scope"),
            Map.entry("customer_purchase.sale_id", "the catalog's record of a sale event (ids checked on payment)"),
            Map.entry("customer_purchase.device_id", "the catalog's record of a sale event (ids checked on payment)"),
            Map.entry("stock_movement.device_id", "the catalog's record of a sale event (ids checked on payment)"),
            Map.entry(
                    "settlement_line.batch_id",
                    "the batch the line will be closed into, known before the batch row exists: held to"
                            + " settlement_batch_id(tenant, currency, day) by a check constraint (decision 0045)"));

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void everyReferenceBetweenTenantTablesIsAForeignKeyThatIncludesTheTenant() throws Exception {
        List<String> missing = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "lapak_owner", "lapak_owner");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                     select col.table_name, col.column_name
                     from information_schema.columns col
                     join information_schema.columns t on t.table_schema = col.table_schema
                          and t.table_name = col.table_name and t.column_name = 'tenant_id'
                     join information_schema.tables tab on tab.table_schema = col.table_schema
                          and tab.table_name = col.table_name and tab.table_type = 'BASE TABLE'
                     where col.table_schema = 'public' and col.data_type = 'uuid' and col.column_name like '%\\_id'
                       and col.column_name <> 'tenant_id'
                       and not exists (
                           select 1 from pg_constraint f
                           join pg_class rel on rel.oid = f.conrelid and rel.relname = col.table_name
                           where f.contype = 'f'
                             and (select array_agg(a.attname::text order by a.attname)
                                  from unnest(f.conkey) k join pg_attribute a on a.attrelid = f.conrelid
                                  and a.attnum = k) = array(select unnest(array['tenant_id', col.column_name::text])
                                                            order by 1))
                     order by 1, 2""")) {
            while (rs.next()) {
                String column = rs.getString(1) + "." + rs.getString(2);
                if (!NOT_REFERENCES.containsKey(column)) {
                    missing.add(column);
                }
            }
        }
        assertThat(missing)
                .as("tenant-table references without a (tenant_id, column) foreign key")
                .isEmpty();
    }
}
