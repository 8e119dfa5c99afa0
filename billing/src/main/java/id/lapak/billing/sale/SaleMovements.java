package id.lapak.billing.sale;

import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.sale.SaleRefunded;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A capture, void or refund of a sale, whoever asks ({@link SalesService} decides who may): the operation is first
 * recorded as pending in its own transaction (which blocks a second concurrent operation on the same sale and counts
 * toward the refundable amount), the acquirer is asked outside any transaction, then its answer, the sale's new state
 * (by {@link SaleStatus}), the stock event and the audit entry are written in one transaction.
 */
@Component
class SaleMovements {

    private static final Logger log = LoggerFactory.getLogger(SaleMovements.class);

    private final SaleQueries queries;
    private final SaleRows rows;
    private final ObjectProvider<PaymentGateway> gateways;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SaleMovements(
            SaleQueries queries,
            SaleRows rows,
            ObjectProvider<PaymentGateway> gateways,
            ApplicationEventPublisher events,
            AuditLog auditLog,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.queries = queries;
        this.rows = rows;
        this.gateways = gateways;
        this.events = events;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** {@code returned} null: return every unit not returned yet. {@code stores} null: every store. */
    record Movement(
            UUID saleId,
            OperationKind kind,
            long amountMinor,
            List<ReturnedLine> returned,
            String reason,
            String actor,
            String idempotencyKey,
            Set<UUID> stores) {}

    private record Started(
            UUID operationId, long amountMinor, String gatewayReference, String currency, boolean replay) {}

    SaleDetails move(Movement m) {
        UUID tenant = TenantContext.requireTenant();
        PaymentGateway gateway = gateways.getIfAvailable();
        if (gateway == null) {
            throw new PaymentRefusedException("gateway_unavailable", "No payment gateway is configured", 503);
        }
        Started started = transaction.execute(s -> start(tenant, m));
        if (started.replay()) {
            return transaction.execute(
                    s -> queries.details(tenant, rows.find(tenant, m.saleId()).orElseThrow()));
        }
        GatewayResult answer;
        try {
            String requestId = started.operationId().toString();
            answer = switch (m.kind()) {
                case CAPTURE ->
                    gateway.capture(started.gatewayReference(), started.amountMinor(), started.currency(), requestId);
                case VOID -> gateway.voidAuthorization(started.gatewayReference(), requestId);
                case REFUND ->
                    gateway.refund(started.gatewayReference(), started.amountMinor(), started.currency(), requestId);
                default -> throw new IllegalStateException(m.kind() + " is not a movement");
            };
        } catch (RuntimeException e) {
            log.warn(
                    "{} {} of sale {} got no answer: {}",
                    m.kind(),
                    started.operationId(),
                    m.saleId(),
                    e.getClass().getSimpleName());
            answer = null;
        }
        GatewayResult result = answer;
        SaleDetails details = transaction.execute(s -> finish(tenant, m, started, result));
        if (result == null || !result.success()) {
            throw new PaymentRefusedException(
                    "gateway_refused",
                    "The acquirer did not complete the "
                            + m.kind().name().toLowerCase(Locale.ROOT)
                            + (result == null ? " (no answer)" : " (" + result.responseCode() + ")"),
                    502);
        }
        return details;
    }

    private Started start(UUID tenant, Movement m) {
        SaleRow sale = rows.lock(tenant, m.saleId())
                .filter(r -> m.stores() == null || m.stores().contains(r.storeId()))
                .orElseThrow(() -> new SaleNotFoundException(m.saleId()));
        if (m.idempotencyKey() != null) {
            var earlier = queries.operationByKey(tenant, m.saleId(), m.idempotencyKey());
            if (earlier.isPresent()) {
                if (!earlier.get().kind().equals(m.kind().name())
                        || earlier.get().amountMinor() != m.amountMinor()) {
                    throw new PaymentRefusedException(
                            "idempotency_key_reused",
                            "This idempotency key was used for a different refund of this payment",
                            422);
                }
                return new Started(null, 0, null, null, true);
            }
        }
        if (queries.hasPendingOperation(tenant, m.saleId())) {
            throw new PaymentRefusedException(
                    "operation_in_progress", "Another capture, void or refund of this sale is in progress");
        }
        if (!sale.status().allows(m.kind())) {
            throw notAllowed(sale, m.kind());
        }
        long amount = amountOf(sale, m);
        if (m.returned() != null && !m.returned().isEmpty()) {
            checkReturnable(tenant, m.saleId(), m.returned());
        }
        UUID operationId = UUID.randomUUID();
        rows.insertOperation(
                tenant,
                m.saleId(),
                new NewOperation(
                        operationId,
                        m.kind(),
                        OperationStatus.PENDING,
                        amount,
                        null,
                        null,
                        null,
                        m.actor(),
                        clock.instant()),
                m.reason(),
                m.kind() != OperationKind.CAPTURE
                        && (m.returned() == null || !m.returned().isEmpty()),
                m.idempotencyKey());
        return new Started(operationId, amount, sale.gatewayReference(), sale.currency(), false);
    }

    /** What the operation moves: the authorized amount for a capture or void, the asked amount for a refund. */
    private static long amountOf(SaleRow sale, Movement m) {
        return switch (m.kind()) {
            case CAPTURE, VOID -> sale.authorizedMinor();
            case REFUND -> {
                if (m.amountMinor() <= 0) {
                    throw new PaymentRefusedException("amount_invalid", "A refund amount is positive", 400);
                }
                if (m.amountMinor() > sale.capturedMinor() - sale.refundedMinor()) {
                    throw new PaymentRefusedException(
                            "refund_exceeds_captured",
                            "At most " + (sale.capturedMinor() - sale.refundedMinor()) + " can still be refunded",
                            422);
                }
                yield m.amountMinor();
            }
            default -> throw new IllegalStateException();
        };
    }

    private SaleDetails finish(UUID tenant, Movement m, Started started, GatewayResult answer) {
        SaleRow sale = rows.lock(tenant, m.saleId()).orElseThrow();
        boolean ok = answer != null && answer.success();
        Instant at = clock.instant();
        queries.completeOperation(tenant, started.operationId(), ok, answer, at);
        String action = switch (m.kind()) {
            case CAPTURE -> "sale.capture";
            case VOID -> "sale.void";
            default -> "sale.refund";
        };
        AuditEvent event = AuditEvent.of(action, "Sale", sale.id())
                .detail("amountMinor", started.amountMinor())
                .detail("currency", sale.currency())
                .detail("result", ok ? "succeeded" : "failed");
        if (m.reason() != null) {
            event = event.detail("reason", m.reason());
        }
        if (ok) {
            long captured = sale.capturedMinor();
            long refunded = sale.refundedMinor();
            if (m.kind() == OperationKind.CAPTURE) {
                captured = started.amountMinor();
                event = event.change("capturedMinor", sale.capturedMinor(), captured);
            } else if (m.kind() == OperationKind.REFUND) {
                refunded += started.amountMinor();
                event = event.change("refundedMinor", sale.refundedMinor(), refunded);
            }
            SaleStatus next = sale.status().after(m.kind(), captured, refunded);
            event = event.change("status", sale.status(), next);
            queries.updateAmounts(tenant, sale.id(), next, captured, refunded);
            if (m.kind() != OperationKind.CAPTURE) {
                List<SaleLine> returned = returnLines(tenant, sale.id(), m.returned());
                events.publishEvent(new SaleRefunded(
                        tenant,
                        sale.id(),
                        started.operationId(),
                        sale.storeId(),
                        sale.deviceId(),
                        sale.customerId(),
                        sale.currency(),
                        started.amountMinor(),
                        at,
                        returned));
            }
        }
        auditLog.record(event);
        return queries.details(tenant, rows.find(tenant, sale.id()).orElseThrow());
    }

    private void checkReturnable(UUID tenant, UUID saleId, List<ReturnedLine> returned) {
        Map<Integer, SaleLineDetails> lines = new HashMap<>();
        queries.lines(tenant, saleId).forEach(l -> lines.put(l.lineNo(), l));
        Map<Integer, Integer> asked = new HashMap<>();
        for (ReturnedLine r : returned) {
            asked.merge(r.lineNo(), r.quantity(), Integer::sum);
        }
        asked.forEach((lineNo, quantity) -> {
            SaleLineDetails line = lines.get(lineNo);
            if (line == null || quantity > line.quantity() - line.returnedQuantity()) {
                throw new PaymentRefusedException(
                        "return_exceeds_sold", "Line " + lineNo + " has fewer units left to return", 422);
            }
        });
    }

    /** Marks units as returned and answers them as sale lines for the stock event. */
    private List<SaleLine> returnLines(UUID tenant, UUID saleId, List<ReturnedLine> asked) {
        List<SaleLine> out = new ArrayList<>();
        for (SaleLineDetails line : queries.lines(tenant, saleId)) {
            int left = line.quantity() - line.returnedQuantity();
            int quantity = asked == null
                    ? left
                    : asked.stream()
                            .filter(r -> r.lineNo() == line.lineNo())
                            .mapToInt(ReturnedLine::quantity)
                            .sum();
            quantity = Math.min(quantity, left);
            if (quantity <= 0) {
                continue;
            }
            queries.addReturned(tenant, saleId, line.lineNo(), quantity);
            long unitTax = line.quantity() == 0 ? 0 : line.taxMinor() / line.quantity();
            long unitTotal = line.quantity() == 0 ? 0 : line.totalMinor() / line.quantity();
            out.add(new SaleLine(
                    line.variantId(),
                    line.description(),
                    quantity,
                    line.unitPriceMinor(),
                    unitTax * quantity,
                    unitTotal * quantity));
        }
        return out;
    }

    private static PaymentRefusedException notAllowed(SaleRow sale, OperationKind move) {
        String reason = sale.status().refusal(move);
        if (reason.equals("refund_exceeds_captured")) {
            return new PaymentRefusedException(reason, "Everything captured was refunded already", 422);
        }
        String what = move.name().toLowerCase(Locale.ROOT);
        return new PaymentRefusedException(
                reason,
                "A sale that is " + sale.status() + " cannot be " + what + (what.endsWith("e") ? "d" : "ed"),
                409);
    }
}
