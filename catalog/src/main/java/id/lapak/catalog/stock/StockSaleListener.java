package id.lapak.catalog.stock;

import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.sale.SaleRefunded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sales take stock out and refunds with returned lines put it back, in the sale's own transaction (a plain
 * {@code @EventListener}): the sale and its movements commit together. A sale is never refused for lack of stock;
 * on-hand goes negative and is flagged. Lines for variants the catalog does not know are skipped with a log line,
 * so a sale never fails because of inventory. A replayed event moves nothing twice.
 */
@Component
class StockSaleListener {

    private static final Logger log = LoggerFactory.getLogger(StockSaleListener.class);

    private final StockLedger ledger;
    private final CatalogVariants variants;

    StockSaleListener(StockLedger ledger, CatalogVariants variants) {
        this.ledger = ledger;
        this.variants = variants;
    }

    /** Last of the sale's listeners: the level locks it takes are held only from here to the sale's commit. */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(SaleCompleted sale) {
        apply(
                sale.tenantId(),
                sale.storeId(),
                sale.saleId(),
                "sale:" + sale.saleId(),
                MovementKind.SALE,
                -1,
                sale.deviceId(),
                sale.lines());
    }

    @EventListener
    void on(SaleRefunded refund) {
        apply(
                refund.tenantId(),
                refund.storeId(),
                refund.refundId(),
                "refund:" + refund.refundId(),
                MovementKind.REFUND,
                1,
                refund.deviceId(),
                refund.returnedLines());
    }

    /** Runs as the event's tenant, whatever entry point published it (the catalog lookup needs a tenant). */
    private void apply(
            UUID tenantId,
            UUID storeId,
            UUID referenceId,
            String source,
            MovementKind kind,
            int sign,
            UUID deviceId,
            List<SaleLine> lines) {
        TenantContext.runAs(
                tenantId, () -> applyAsTenant(tenantId, storeId, referenceId, source, kind, sign, deviceId, lines));
    }

    private void applyAsTenant(
            UUID tenantId,
            UUID storeId,
            UUID referenceId,
            String source,
            MovementKind kind,
            int sign,
            UUID deviceId,
            List<SaleLine> lines) {
        // Lines keep their index in the source key (a sale may list one variant twice); locks go in variant order.
        List<Indexed> ordered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ordered.add(new Indexed(i, lines.get(i)));
        }
        ordered.sort(Comparator.comparing((Indexed l) -> l.line().variantId()).thenComparing(Indexed::index));
        StockActor actor = StockActor.sale(deviceId);
        Set<UUID> known = variants.known(lines.stream().map(SaleLine::variantId).toList());
        for (Indexed l : ordered) {
            String key = source + ":" + l.index();
            if (!known.contains(l.line().variantId())) {
                log.warn(
                        "{} line {}: variant {} is not in the catalog; no stock movement",
                        source,
                        l.index(),
                        l.line().variantId());
                continue;
            }
            if (ledger.sourceRecorded(tenantId, key)) {
                continue;
            }
            ledger.move(
                    tenantId,
                    storeId,
                    l.line().variantId(),
                    kind,
                    (long) sign * l.line().quantity(),
                    actor,
                    referenceId,
                    key,
                    null);
        }
    }

    private record Indexed(int index, SaleLine line) {}
}
