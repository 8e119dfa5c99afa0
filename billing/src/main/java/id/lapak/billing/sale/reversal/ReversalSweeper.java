package id.lapak.billing.sale.reversal;

import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.sale.SaleRow;
import id.lapak.billing.sale.SaleRows;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves REVERSAL_PENDING sales whose device never replays the payment, so no customer's funds stay held at the
 * acquirer: every run (see {@link ReversalSweepSchedule}) lists such sales across tenants through the named platform
 * path, then retries each one's reversal in that sale's tenant context, exactly as a device replay would
 * ({@link Reversals#retry}). A sale last tried within the grace period
 * ({@code lapak.payments.reversal-sweep.grace}) waits for a later run; a run takes at most
 * {@code lapak.payments.reversal-sweep.batch-size} sales, least recently tried first. A sale still pending after
 * {@code lapak.payments.reversal-sweep.warn-after} is reported to support once, as a warning log line.
 * <p>
 * A job's work, run by its schedule and by tests without a person, so a component rather than a service behind a
 * role check: every tenant it touches is entered through the named platform path.
 */
@Component
public class ReversalSweeper {

    /** What one run did: sales reversed, sales still waiting for the acquirer, and stuck sales reported. */
    public record Outcome(int reversed, int stillPending, int warned) {}

    static final String ACTOR = "reversal sweeper";
    private static final Logger log = LoggerFactory.getLogger(ReversalSweeper.class);

    private final PlatformAccess platform;
    private final SaleRows rows;
    private final ReversalRows reversalRows;
    private final Reversals reversals;
    private final ObjectProvider<PaymentGateway> gateways;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration grace;
    private final Duration warnAfter;
    private final int batchSize;

    ReversalSweeper(
            PlatformAccess platform,
            SaleRows rows,
            ReversalRows reversalRows,
            Reversals reversals,
            ObjectProvider<PaymentGateway> gateways,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${lapak.payments.reversal-sweep.grace:PT30S}") Duration grace,
            @Value("${lapak.payments.reversal-sweep.warn-after:PT24H}") Duration warnAfter,
            @Value("${lapak.payments.reversal-sweep.batch-size:200}") int batchSize) {
        if (grace.isNegative() || warnAfter.isNegative() || batchSize < 1) {
            throw new IllegalStateException("lapak.payments.reversal-sweep: grace and warn-after must not be negative, "
                    + "batch-size must be at least 1");
        }
        this.platform = platform;
        this.rows = rows;
        this.reversalRows = reversalRows;
        this.reversals = reversals;
        this.gateways = gateways;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.grace = grace;
        this.warnAfter = warnAfter;
        this.batchSize = batchSize;
    }

    public Outcome sweep() {
        return sweep(clock.instant());
    }

    /** One run as of {@code now}; one sale's failure is logged (its id only) and does not stop the others. */
    public Outcome sweep(Instant now) {
        PaymentGateway gateway = gateways.getIfAvailable();
        if (gateway == null) {
            return new Outcome(0, 0, 0);
        }
        List<ReversalRows.PendingReversal> pending = platform.call(
                "reversal sweep: list sales waiting for their reversal",
                () -> reversalRows.pendingReversals(now.minus(grace), batchSize));
        int reversed = 0;
        int stillPending = 0;
        int warned = 0;
        for (ReversalRows.PendingReversal sale : pending) {
            try {
                Result result = AuditActor.system(ACTOR)
                        .callAs(() -> TenantContext.callAs(
                                sale.tenantId(), () -> retry(gateway, sale.tenantId(), sale.id(), now)));
                switch (result) {
                    case REVERSED -> reversed++;
                    case PENDING -> stillPending++;
                    case PENDING_WARNED -> {
                        stillPending++;
                        warned++;
                    }
                    case GONE -> {}
                }
            } catch (RuntimeException e) {
                stillPending++;
                log.error(
                        "Reversal sweep: sale {} could not be retried ({})",
                        sale.id(),
                        e.getClass().getSimpleName());
            }
        }
        if (!pending.isEmpty()) {
            log.info("Reversal sweep: {} sales reversed, {} still waiting for the acquirer", reversed, stillPending);
        }
        return new Outcome(reversed, stillPending, warned);
    }

    private enum Result {
        REVERSED,
        PENDING,
        PENDING_WARNED,
        GONE
    }

    /** Runs in the sale's tenant context; the acquirer is called outside any transaction. */
    private Result retry(PaymentGateway gateway, UUID tenant, UUID id, Instant now) {
        SaleRow row = transaction.execute(status -> rows.find(tenant, id)).orElse(null);
        if (row == null || row.status() != SaleStatus.REVERSAL_PENDING) {
            return Result.GONE; // resolved since it was listed, by a device replay
        }
        if (reversals.retry(gateway, row, ACTOR)) {
            log.info("Reversal sweep: sale {} reversed", id);
            return Result.REVERSED;
        }
        Boolean warn =
                transaction.execute(status -> reversalRows.reversalWarned(tenant, id, now.minus(warnAfter), now));
        if (Boolean.TRUE.equals(warn)) {
            log.warn(
                    "Reversal sweep: sale {} has waited more than {} for its reversal; the customer's funds may "
                            + "still be held at the acquirer, support should follow it up with the acquirer",
                    id,
                    warnAfter);
            return Result.PENDING_WARNED;
        }
        return Result.PENDING;
    }
}
