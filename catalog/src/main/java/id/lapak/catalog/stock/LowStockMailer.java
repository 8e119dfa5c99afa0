package id.lapak.catalog.stock;

import id.lapak.catalog.mail.MailKind;
import id.lapak.catalog.mail.MailOutbox;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues one e-mail to the store's managers per low-stock crossing. The crossing is decided under the level's row
 * lock, in the transaction that moved the stock; the e-mail is written into the outbox in that same transaction
 * (store and item names read there too; the store's managers are looked up only when it is sent, so the sale never
 * waits for the directory), so a rolled-back sale alerts nobody and a committed crossing cannot lose its e-mail: the
 * outbox sends it after the commit and retries until the SMTP server takes it. Without an
 * SMTP host ({@code spring.mail.host}) the alert still shows in the portal and the e-mail is skipped with a log line.
 */
@Component
class LowStockMailer {

    private static final Logger log = LoggerFactory.getLogger(LowStockMailer.class);

    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final CatalogVariants variants;
    private final String from;

    LowStockMailer(
            MailOutbox outbox,
            JdbcClient jdbc,
            CatalogVariants variants,
            @Value("${lapak.stock.alert-mail-from:Lapak <no-reply@lapak.local>}") String from) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.variants = variants;
        this.from = from;
    }

    /** Runs in the crossing's transaction, as its tenant. */
    @EventListener
    void on(StockBelowThreshold alert) {
        String storeName = jdbc.sql("select name from store where tenant_id = ? and id = ?")
                .params(alert.tenantId(), alert.storeId())
                .query(String.class)
                .optional()
                .orElse(alert.storeId().toString());
        Map<UUID, CatalogVariants.Label> labels = variants.labels(List.of(alert.variantId()));
        CatalogVariants.Label label = labels.get(alert.variantId());
        String item = label == null
                ? alert.variantId().toString()
                : label.sku() == null ? label.name() : label.name() + " (" + label.sku() + ")";
        String body = """
                Stok menipis di %1$s: %2$s tinggal %3$d (batas %4$d).
                Low stock at %1$s: %2$s is down to %3$d (threshold %4$d).

                Lapak — Inventori / Inventory → Peringatan / Alerts
                """.formatted(storeName, item, alert.onHand(), alert.threshold());
        UUID mail = outbox.enqueueToStoreManagers(
                MailKind.LOW_STOCK,
                from,
                alert.storeId(),
                "Stok menipis / Low stock: " + item + " — " + storeName,
                body);
        log.info(
                "Low-stock e-mail {} queued for variant {} in store {} (its managers)",
                mail,
                alert.variantId(),
                alert.storeId());
    }
}
