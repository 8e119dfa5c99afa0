package id.lapak.catalog.stock;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import id.lapak.tenant.context.TenantContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one e-mail to the store's managers per low-stock crossing. The crossing is decided under the level's row
 * lock, in the transaction that moved the stock; the e-mail leaves only after that transaction commits (a rolled-back
 * sale alerts nobody), on a thread of its own so the sale does not wait for the SMTP server. Without an SMTP host
 * ({@code spring.mail.host}) the alert still shows in the portal and the e-mail is skipped with a log line.
 */
@Component
class LowStockMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LowStockMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final StoreManagerDirectory directory;
    private final JdbcClient jdbc;
    private final CatalogVariants variants;
    private final TransactionTemplate transaction;
    private final String from;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("low-stock-mail").daemon().factory());

    LowStockMailer(ObjectProvider<JavaMailSender> mailSender, StoreManagerDirectory directory, JdbcClient jdbc,
                   CatalogVariants variants, PlatformTransactionManager transactionManager,
                   @Value("${lapak.stock.alert-mail-from:Lapak <no-reply@lapak.local>}") String from) {
        this.mailSender = mailSender;
        this.directory = directory;
        this.jdbc = jdbc;
        this.variants = variants;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setReadOnly(true);
        this.from = from;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(StockBelowThreshold alert) {
        executor.execute(() -> send(alert));
    }

    private void send(StockBelowThreshold alert) {
        try {
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                log.info("Low-stock e-mail for variant {} in store {} skipped: no SMTP host configured "
                        + "(spring.mail.host); the alert shows in the portal", alert.variantId(), alert.storeId());
                return;
            }
            List<String> to = directory.managerEmails(alert.tenantId(), alert.storeId());
            if (to.isEmpty()) {
                log.info("Low-stock e-mail for variant {} in store {} skipped: the store has no alert recipients",
                        alert.variantId(), alert.storeId());
                return;
            }
            String storeName = TenantContext.callAs(alert.tenantId(), () -> transaction.execute(s -> jdbc.sql(
                            "select name from store where tenant_id = ? and id = ?")
                    .params(alert.tenantId(), alert.storeId()).query(String.class).optional()
                    .orElse(alert.storeId().toString())));
            String item = TenantContext.callAs(alert.tenantId(), () -> transaction.execute(s -> {
                Map<UUID, CatalogVariants.Label> labels = variants.labels(List.of(alert.variantId()));
                CatalogVariants.Label label = labels.get(alert.variantId());
                return label == null ? alert.variantId().toString()
                        : label.sku() == null ? label.name() : label.name() + " (" + label.sku() + ")";
            }));
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to.toArray(String[]::new));
            message.setSubject("Stok menipis / Low stock: " + item + " — " + storeName);
            message.setText("""
                    Stok menipis di %1$s: %2$s tinggal %3$d (batas %4$d).
                    Low stock at %1$s: %2$s is down to %3$d (threshold %4$d).

                    Lapak — Inventori / Inventory → Peringatan / Alerts
                    """.formatted(storeName, item, alert.onHand(), alert.threshold()));
            sender.send(message);
            log.info("Low-stock e-mail sent for variant {} in store {} to {} recipient(s)", alert.variantId(),
                    alert.storeId(), to.size());
        } catch (RuntimeException e) {
            log.warn("Low-stock e-mail for variant {} in store {} failed: {}", alert.variantId(), alert.storeId(),
                    e.getMessage());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
