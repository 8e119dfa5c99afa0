package id.lapak.billing.settlement;

import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.tenant.context.TenantContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A closed batch's whole statement (every store's lines) as PDF and CSV, for the e-mail to the tenant's admin that
 * the close of day queues in its own transaction. Reads only the current tenant's batch; people read statements
 * through {@link SettlementService}, with their rights.
 */
@Component
public class BatchStatementFiles {

    /** The statement of one batch, ready to attach. */
    public record Files(BatchRow batch, byte[] pdf, byte[] csv) {}

    private final SettlementReads reads;

    BatchStatementFiles(SettlementReads reads) {
        this.reads = reads;
    }

    public Files of(UUID batchId, Locale locale, Function<String, String> labels) {
        UUID tenant = TenantContext.requireTenant();
        BatchRow batch = reads.batches(tenant, batchId, 1).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No such batch"));
        var lines = reads.lines(tenant, batchId, null);
        return new Files(
                batch,
                BatchStatementPdf.pdf(reads.tenantName(tenant), batch, lines, locale, labels),
                BatchStatement.csv(batch, lines).getBytes(StandardCharsets.UTF_8));
    }
}
