package id.lapak.catalog.customers;

import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.sale.SaleRefunded;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a customer's purchase rows from the sale events, in the sale's own transaction. A sale without a customer
 * leaves no row; a customer merged away is followed to the survivor; an unknown customer is logged and skipped (a
 * sale is never refused because of its customer). Replayed events are ignored.
 */
@Component
class CustomerPurchaseProjection {

    private static final Logger log = LoggerFactory.getLogger(CustomerPurchaseProjection.class);

    private final JdbcClient jdbc;

    CustomerPurchaseProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before the stock movements, which lock their levels until the sale commits. */
    @EventListener
    @Order(0)
    void on(SaleCompleted sale) {
        if (sale.customerId() == null) {
            return;
        }
        resolve(sale.tenantId(), sale.customerId())
                .ifPresentOrElse(
                        customer -> insert(
                                sale.tenantId(),
                                sale.saleId(),
                                "SALE",
                                sale.saleId(),
                                customer,
                                sale.storeId(),
                                sale.deviceId(),
                                sale.currency(),
                                sale.totalMinor(),
                                sale.lines().stream()
                                        .mapToInt(SaleLine::quantity)
                                        .sum(),
                                sale.completedAt()),
                        () -> log.warn(
                                "Sale {} names customer {}, unknown in its tenant; no purchase row",
                                sale.saleId(),
                                sale.customerId()));
    }

    @EventListener
    void on(SaleRefunded refund) {
        Optional<UUID> customer = refund.customerId() != null
                ? resolve(refund.tenantId(), refund.customerId())
                : jdbc.sql("select customer_id from customer_purchase where tenant_id = ? and id = ?")
                        .params(refund.tenantId(), refund.saleId())
                        .query(UUID.class)
                        .optional()
                        .flatMap(id -> resolve(refund.tenantId(), id));
        customer.ifPresent(id -> insert(
                refund.tenantId(),
                refund.refundId(),
                "REFUND",
                refund.saleId(),
                id,
                refund.storeId(),
                refund.deviceId(),
                refund.currency(),
                -refund.amountMinor(),
                refund.returnedLines().stream().mapToInt(SaleLine::quantity).sum(),
                refund.refundedAt()));
    }

    /** The customer a sale should count for: itself, or the survivor it was merged into. */
    private Optional<UUID> resolve(UUID tenantId, UUID customerId) {
        UUID current = customerId;
        for (int hop = 0; hop < 10; hop++) {
            var row = jdbc.sql("select status, merged_into from customer where tenant_id = ? and id = ?")
                    .params(tenantId, current)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})
                    .optional();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            if (!"MERGED".equals(row.get()[0])) {
                return Optional.of(current);
            }
            current = (UUID) row.get()[1];
        }
        return Optional.empty();
    }

    private void insert(
            UUID tenantId,
            UUID id,
            String kind,
            UUID saleId,
            UUID customerId,
            UUID storeId,
            UUID deviceId,
            String currency,
            long amountMinor,
            int itemCount,
            Instant at) {
        jdbc.sql("""
                        insert into customer_purchase (tenant_id, id, kind, sale_id, customer_id, store_id, device_id,
                            currency, amount_minor, item_count, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, id) do nothing""")
                .params(
                        tenantId,
                        id,
                        kind,
                        saleId,
                        customerId,
                        storeId,
                        deviceId,
                        currency,
                        amountMinor,
                        itemCount,
                        Timestamp.from(at))
                .update();
    }
}
