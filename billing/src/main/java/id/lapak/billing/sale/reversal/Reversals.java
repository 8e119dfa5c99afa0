package id.lapak.billing.sale.reversal;

import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.sale.NewOperation;
import id.lapak.billing.sale.OperationKind;
import id.lapak.billing.sale.OperationStatus;
import id.lapak.billing.sale.SaleRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reversals of authorizations whose answer never arrived: asking the acquirer, and resolving a REVERSAL_PENDING sale
 * once it confirms. Shared by the payment path (a device replaying the payment) and the {@link ReversalSweeper}.
 * Only sale ids reach the log, never a connector's message.
 */
@Component
public class Reversals {

    private static final Logger log = LoggerFactory.getLogger(Reversals.class);
    private static final int ATTEMPTS = 3;

    private final ReversalRows rows;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reversals(ReversalRows rows, PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Asks the acquirer to reverse the authorization sent with {@code requestId} (the sale's id), up to three times.
     * Null when it never answered.
     */
    public static GatewayResult reverse(PaymentGateway gateway, String requestId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return gateway.reverse(requestId);
            } catch (RuntimeException e) {
                log.warn(
                        "Payment {}: reversal attempt {} failed with {}",
                        requestId,
                        attempt + 1,
                        e.getClass().getSimpleName());
            }
        }
        return null;
    }

    /**
     * Asks the acquirer again to reverse a REVERSAL_PENDING sale. When it confirms, the sale becomes REVERSED (FAILED
     * for an approved sale that could not be recorded) and its timeline gets the successful reversal, both in one
     * transaction; a concurrent retry that confirmed first leaves nothing to write. When it does not confirm, the sale
     * stays as it is and only the time of this attempt is noted.
     *
     * @return whether the acquirer confirmed the reversal (the sale is resolved, by this call or a concurrent one)
     */
    public boolean retry(PaymentGateway gateway, SaleRow row, String actor) {
        GatewayResult reversal = reverse(gateway, row.id().toString());
        Instant at = clock.instant();
        if (reversal == null || !reversal.success()) {
            transaction.executeWithoutResult(status -> rows.reversalAttempted(row.tenantId(), row.id(), at));
            return false;
        }
        transaction.executeWithoutResult(status -> {
            if (rows.reversalConfirmed(row.tenantId(), row.id())) {
                rows.insertOperations(
                        row.tenantId(),
                        row.id(),
                        List.of(new NewOperation(
                                UUID.randomUUID(),
                                OperationKind.REVERSAL,
                                OperationStatus.SUCCEEDED,
                                row.amountMinor(),
                                reversal.responseCode(),
                                reversal.gatewayReference(),
                                reversal.message(),
                                actor,
                                at)));
            }
        });
        return true;
    }
}
