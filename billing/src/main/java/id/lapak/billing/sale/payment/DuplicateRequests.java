package id.lapak.billing.sale.payment;

import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.PaymentResult;
import id.lapak.billing.sale.SaleRow;
import id.lapak.billing.sale.SaleRows;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.reversal.Reversals;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A copy of a payment request whose sale another request holds (concurrently, or a retry while the first is still
 * being authorized): it waits up to {@code lapak.payments.duplicate-wait} for the decision and answers it as a replay,
 * asking the acquirer again to reverse a sale whose reversal is not confirmed.
 */
@Component
class DuplicateRequests {

    private final SaleRows rows;
    private final Reversals reversals;
    private final TransactionTemplate transaction;
    private final Duration duplicateWait;

    DuplicateRequests(
            SaleRows rows,
            Reversals reversals,
            PlatformTransactionManager transactions,
            @Value("${lapak.payments.duplicate-wait:PT25S}") Duration duplicateWait) {
        this.rows = rows;
        this.reversals = reversals;
        this.transaction = new TransactionTemplate(transactions);
        this.duplicateWait = duplicateWait;
    }

    /** A duplicate of a request another one is working on: wait for its decision and answer it. */
    PaymentResult await(PaymentGateway gateway, SaleRow existing) {
        long deadline = System.nanoTime() + duplicateWait.toNanos();
        long sleepMillis = 2;
        SaleRow row = existing;
        while (true) {
            if (row.status() == SaleStatus.REVERSAL_PENDING) {
                return retryReversal(gateway, row);
            }
            if (row.status() != SaleStatus.PENDING) {
                return row.result().asReplay();
            }
            if (System.nanoTime() > deadline) {
                throw new PaymentRefusedException(
                        "payment_in_progress",
                        "The first request with this idempotency key is still being authorized; retry shortly",
                        409);
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaymentRefusedException("payment_in_progress", "Interrupted while waiting", 409);
            }
            sleepMillis = Math.min(sleepMillis * 2, 50);
            UUID tenant = row.tenantId();
            UUID id = row.id();
            row = transaction.execute(status -> rows.find(tenant, id)).orElseThrow();
        }
    }

    /** A replay of a payment whose reversal was not confirmed asks the acquirer to reverse it again. */
    private PaymentResult retryReversal(PaymentGateway gateway, SaleRow row) {
        reversals.retry(gateway, row, "device replay");
        return transaction
                .execute(status -> rows.find(row.tenantId(), row.id()))
                .orElseThrow()
                .result()
                .asReplay();
    }
}
