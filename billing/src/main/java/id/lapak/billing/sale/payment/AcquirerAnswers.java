package id.lapak.billing.sale.payment;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.GatewayTimeoutException;
import id.lapak.billing.gateway.GatewayUnavailableException;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.sale.CaptureMode;
import id.lapak.billing.sale.NewOperation;
import id.lapak.billing.sale.OperationKind;
import id.lapak.billing.sale.OperationStatus;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.reversal.Reversals;
import id.lapak.cardcrypto.carddata.CardData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asking the acquirer to authorize a sale and what its answer (or its silence) decides: the sale's first status, its
 * codes and amounts, and the steps of its payment timeline (authorization, an immediate capture, a reversal). No
 * state of its own; {@link PaymentService} records the result.
 */
final class AcquirerAnswers {

    private static final Logger log = LoggerFactory.getLogger(AcquirerAnswers.class);

    private AcquirerAnswers() {}

    /** The acquirer's answer, or none: {@code timedOut} when it is unknown whether it acted (reverse). */
    record Asked(AuthorizationResult answer, boolean timedOut) {}

    /** What the acquirer's answer decides for the sale, and the steps it took to get there. */
    record Decided(Decision decision, List<NewOperation> operations) {}

    /** Asks the acquirer within Lapak's own time limit; the card data is destroyed whatever happens. */
    static Asked ask(
            ExecutorService calls,
            Duration authorizationTimeout,
            PaymentGateway gateway,
            AuthorizationRequest authorization,
            CardData card,
            String requestId) {
        AuthorizationResult answer = null;
        boolean timedOut = false;
        // Lapak's own limit on top of the connector's: an acquirer that hangs is treated as one that timed out.
        Future<AuthorizationResult> call = calls.submit(() -> gateway.authorize(authorization));
        try {
            answer = call.get(authorizationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            log.warn("Payment {}: no answer from the acquirer within {}", requestId, authorizationTimeout);
            timedOut = true;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            timedOut = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayUnavailableException) {
                log.warn("Payment {}: the acquirer could not be reached", requestId);
            } else {
                // GatewayTimeoutException, or any failure after which it is unknown whether the acquirer acted:
                // reverse. A connector's message is no place to trust with card data, so only its type is logged.
                if (!(e.getCause() instanceof GatewayTimeoutException)) {
                    log.warn(
                            "Payment {}: authorization failed with {}",
                            requestId,
                            e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName());
                }
                timedOut = true;
            }
        } finally {
            card.destroy();
        }
        return new Asked(answer, timedOut);
    }

    /**
     * No answer in time: reverse (REVERSED, or REVERSAL_PENDING while unconfirmed); unreachable: FAILED; declined:
     * DECLINED; approved: AUTHORIZED, or CAPTURED when the tenant captures at once and the capture succeeds.
     */
    static Decided decide(
            PaymentGateway gateway,
            NewSale sale,
            CaptureMode captureMode,
            Asked asked,
            String actor,
            Instant decidedAt,
            Clock clock) {
        String requestId = sale.id().toString();
        AuthorizationResult answer = asked.answer();
        boolean timedOut = asked.timedOut();
        List<NewOperation> operations = new ArrayList<>();
        Decision decision;
        if (timedOut) {
            decision = timedOut(gateway, sale, requestId, actor, decidedAt, operations);
        } else if (answer == null) {
            decision = unavailable(sale, actor, decidedAt, operations);
        } else if (!answer.approved()) {
            decision = declined(sale, answer, actor, decidedAt, operations);
        } else {
            decision = approved(gateway, sale, captureMode, answer, actor, decidedAt, clock, operations);
        }
        return new Decided(decision, operations);
    }

    /** No answer in time: the authorization failed, and it is reversed in case the acquirer acted. */
    private static Decision timedOut(
            PaymentGateway gateway,
            NewSale sale,
            String requestId,
            String actor,
            Instant decidedAt,
            List<NewOperation> operations) {
        GatewayResult reversal = Reversals.reverse(gateway, requestId);
        boolean reversed = reversal != null && reversal.success();
        operations.add(new NewOperation(
                sale.id(),
                OperationKind.AUTHORIZE,
                OperationStatus.FAILED,
                sale.amountMinor(),
                null,
                null,
                "no answer in time",
                actor,
                sale.receivedAt()));
        operations.add(new NewOperation(
                UUID.randomUUID(),
                OperationKind.REVERSAL,
                reversed ? OperationStatus.SUCCEEDED : OperationStatus.FAILED,
                sale.amountMinor(),
                reversal == null ? null : reversal.responseCode(),
                reversal == null ? null : reversal.gatewayReference(),
                reversal == null ? "no answer" : reversal.message(),
                actor,
                decidedAt));
        return new Decision(SaleStatus.afterReversal(reversed, false), "68", null, "gateway_timeout", null, 0, 0);
    }

    /** The acquirer could not be reached: the sale failed, nothing is held. */
    private static Decision unavailable(NewSale sale, String actor, Instant decidedAt, List<NewOperation> operations) {
        operations.add(new NewOperation(
                sale.id(),
                OperationKind.AUTHORIZE,
                OperationStatus.FAILED,
                sale.amountMinor(),
                null,
                null,
                "acquirer unavailable",
                actor,
                decidedAt));
        return new Decision(SaleStatus.FAILED, null, null, "gateway_unavailable", null, 0, 0);
    }

    /** The acquirer declined: the sale is declined with its response code. */
    private static Decision declined(
            NewSale sale, AuthorizationResult answer, String actor, Instant decidedAt, List<NewOperation> operations) {
        operations.add(new NewOperation(
                sale.id(),
                OperationKind.AUTHORIZE,
                OperationStatus.FAILED,
                sale.amountMinor(),
                answer.responseCode(),
                answer.gatewayReference(),
                answer.message(),
                actor,
                decidedAt));
        return new Decision(
                SaleStatus.DECLINED,
                answer.responseCode(),
                null,
                declineReason(answer.responseCode()),
                answer.gatewayReference(),
                0,
                0);
    }

    /** Approved (in full or in part): authorized, and captured at once when the tenant captures immediately. */
    private static Decision approved(
            PaymentGateway gateway,
            NewSale sale,
            CaptureMode captureMode,
            AuthorizationResult answer,
            String actor,
            Instant decidedAt,
            Clock clock,
            List<NewOperation> operations) {
        long authorized = answer.approvedAmountMinor() > 0
                ? Math.min(answer.approvedAmountMinor(), sale.amountMinor())
                : sale.amountMinor();
        operations.add(new NewOperation(
                sale.id(),
                OperationKind.AUTHORIZE,
                OperationStatus.SUCCEEDED,
                authorized,
                answer.responseCode(),
                answer.gatewayReference(),
                answer.message(),
                actor,
                decidedAt));
        long captured = 0;
        if (captureMode == CaptureMode.IMMEDIATE) {
            UUID captureId = UUID.nameUUIDFromBytes((sale.id() + "/capture").getBytes(StandardCharsets.US_ASCII));
            GatewayResult capture = capture(gateway, answer.gatewayReference(), authorized, sale.currency(), captureId);
            boolean ok = capture != null && capture.success();
            captured = ok ? authorized : 0;
            operations.add(new NewOperation(
                    captureId,
                    OperationKind.CAPTURE,
                    ok ? OperationStatus.SUCCEEDED : OperationStatus.FAILED,
                    authorized,
                    capture == null ? null : capture.responseCode(),
                    capture == null ? null : capture.gatewayReference(),
                    capture == null ? "no answer" : capture.message(),
                    actor,
                    clock.instant()));
        }
        return new Decision(
                SaleStatus.approved(captured > 0),
                answer.responseCode(),
                answer.authorizationCode(),
                null,
                answer.gatewayReference(),
                authorized,
                captured);
    }

    /** The ISO 8583 response code as a stable decline reason. */
    private static String declineReason(String responseCode) {
        if (responseCode == null) {
            return "declined";
        }
        return switch (responseCode) {
            case "51" -> "insufficient_funds";
            case "05" -> "do_not_honour";
            case "54" -> "expired_card";
            case "14" -> "invalid_card_number";
            case "91" -> "issuer_unavailable";
            case "57", "58" -> "transaction_not_permitted";
            case "61" -> "exceeds_withdrawal_limit";
            case "62" -> "restricted_card";
            case "41", "43" -> "lost_or_stolen_card";
            default -> "declined";
        };
    }

    private static GatewayResult capture(
            PaymentGateway gateway, String reference, long amount, String currency, UUID captureId) {
        try {
            return gateway.capture(reference, amount, currency, captureId.toString());
        } catch (RuntimeException e) {
            log.warn("Capture {} failed with {}", captureId, e.getClass().getSimpleName());
            return null;
        }
    }
}
