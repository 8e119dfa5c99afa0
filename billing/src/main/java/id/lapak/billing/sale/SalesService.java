package id.lapak.billing.sale;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.sale.DeviceContexts.DeviceContext;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.sale.SaleRefunded;
import id.lapak.tenant.store.StoreScope;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's view of sales and the money movements after authorization. Merchant admins see and act on every
 * store, store managers on their own stores only (others read as not found); everyone else is refused. Capture, void
 * and refund call the acquirer outside any transaction: the operation is first recorded as pending (which also
 * blocks a second concurrent operation on the same sale and counts toward the refundable amount), then completed
 * with the acquirer's answer, the sale's new state, the stock event and the audit entry in one transaction.
 */
@Service
public class SalesService {

    private static final Logger log = LoggerFactory.getLogger(SalesService.class);
    public static final int REASON_MAX = 500;

    private final SaleQueries queries;
    private final SaleRows rows;
    private final ObjectProvider<PaymentGateway> gateways;
    private final DeviceContexts devices;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SalesService(SaleQueries queries, SaleRows rows, ObjectProvider<PaymentGateway> gateways, DeviceContexts devices,
                 ApplicationEventPublisher events, AuditLog auditLog, PlatformTransactionManager transactions,
                 Clock clock) {
        this.queries = queries;
        this.rows = rows;
        this.gateways = gateways;
        this.devices = devices;
        this.events = events;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** A page of sales matching {@code filter}, newest first unless the page asks for another order. */
    @Transactional(readOnly = true)
    public Page<SaleSummary> search(SaleFilter filter, Pageable pageable) {
        Set<UUID> stores = visibleStores(CurrentUser.require());
        UUID tenant = TenantContext.requireTenant();
        List<SaleSummary> content = queries.search(tenant, filter, stores, pageable);
        if (pageable.isUnpaged()) {
            return new PageImpl<>(content, pageable, content.size());
        }
        long total = content.size() == pageable.getPageSize() || pageable.getOffset() > 0
                ? queries.count(tenant, filter, stores) : content.size();
        return new PageImpl<>(content, pageable, total);
    }

    @Transactional(readOnly = true)
    public long count(SaleFilter filter) {
        return queries.count(TenantContext.requireTenant(), filter, visibleStores(CurrentUser.require()));
    }

    /** Totals of everything matching {@code filter}, one row per currency. */
    @Transactional(readOnly = true)
    public List<SaleTotals> totals(SaleFilter filter) {
        return queries.totals(TenantContext.requireTenant(), filter, visibleStores(CurrentUser.require()));
    }

    /**
     * A cashier's view of a period: only the totals of their own stores' sales (how many, approved, refunded), no
     * list, no card data. Admins and managers get the same for the stores they see. What a cashier may know of sales
     * is decided here, once.
     */
    @Transactional(readOnly = true)
    public List<SaleTotals> storeTotals(Instant from, Instant to) {
        LapakUser user = CurrentUser.require();
        if (!user.has(Role.MERCHANT_ADMIN) && !user.has(Role.STORE_MANAGER) && !user.has(Role.CASHIER)) {
            throw new AccessDeniedException("Only the tenant's staff read sales totals");
        }
        return queries.totals(TenantContext.requireTenant(),
                new SaleFilter(from, to, null, null, Set.of(), null, null, null, null, null),
                StoreScope.of(user).filterOrNull());
    }

    @Transactional(readOnly = true)
    public SaleDetails get(UUID saleId) {
        Set<UUID> stores = visibleStores(CurrentUser.require());
        UUID tenant = TenantContext.requireTenant();
        SaleRow row = rows.find(tenant, saleId).filter(r -> stores == null || stores.contains(r.storeId()))
                .orElseThrow(() -> new SaleNotFoundException(saleId));
        return details(tenant, row);
    }

    /** Offline payments a device uploaded, newest arrival first (the device page). */
    @Transactional(readOnly = true)
    public List<SaleSummary> offlineUploads(UUID deviceId, int limit) {
        Set<UUID> stores = visibleStores(CurrentUser.require());
        return queries.search(TenantContext.requireTenant(),
                SaleFilter.all().withDevice(deviceId).withOffline(true), stores,
                PageRequest.of(0, Math.max(1, Math.min(limit, 200)),
                        Sort.by(Sort.Direction.DESC,
                                "receivedAt")));
    }

    // ---- settings --------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public CaptureMode captureMode() {
        requireStaff(CurrentUser.require());
        return queries.captureMode(TenantContext.requireTenant());
    }

    /** Whether approved payments are captured right away or later (merchant admins only); audited. */
    @Transactional
    public CaptureMode setCaptureMode(CaptureMode mode) {
        LapakUser user = CurrentUser.require();
        if (!user.has(Role.MERCHANT_ADMIN)) {
            throw new AccessDeniedException("Only a merchant admin changes the capture setting");
        }
        if (mode == null) {
            throw new IllegalArgumentException("a capture mode is required");
        }
        UUID tenant = TenantContext.requireTenant();
        CaptureMode before = queries.captureMode(tenant);
        queries.saveCaptureMode(tenant, mode, user.username(), clock.instant());
        if (before != mode) {
            auditLog.record(AuditEvent.of("payments.capture_mode", "Tenant", tenant)
                    .change("captureMode", before, mode));
        }
        return mode;
    }

    // ---- money movements by a person -------------------------------------------------------------------------

    /** Captures the whole authorized amount of a sale captured manually. */
    public SaleDetails capture(UUID saleId) {
        LapakUser user = requireStaff(CurrentUser.require());
        return move(new Movement(saleId, OperationKind.CAPTURE, 0, List.of(), null, actorOf(user), null,
                visibleStores(user)));
    }

    /** Releases the hold of an authorized sale that was not captured; all its lines return to stock. */
    public SaleDetails voidPayment(UUID saleId, String reason) {
        LapakUser user = requireStaff(CurrentUser.require());
        return move(new Movement(saleId, OperationKind.VOID, 0, List.of(), reason(reason), actorOf(user), null,
                visibleStores(user)));
    }

    /**
     * Refunds part or all of what was captured. With {@code restock}, every unit not returned yet comes back into
     * stock (the {@code SaleRefunded} event lists them); without, none does.
     */
    public SaleDetails refund(UUID saleId, long amountMinor, boolean restock, String reason) {
        LapakUser user = requireStaff(CurrentUser.require());
        return move(new Movement(saleId, OperationKind.REFUND, amountMinor, restock ? null : List.of(),
                reason(reason), actorOf(user), null, visibleStores(user)));
    }

    /** Refunds part or all of what was captured, returning exactly {@code returned} to stock. */
    public SaleDetails refund(UUID saleId, long amountMinor, List<ReturnedLine> returned, String reason) {
        LapakUser user = requireStaff(CurrentUser.require());
        return move(new Movement(saleId, OperationKind.REFUND, amountMinor, List.copyOf(returned), reason(reason),
                actorOf(user), null, visibleStores(user)));
    }

    // ---- money movements by a device -------------------------------------------------------------------------

    /** A device's view of a sale of its own store (device API). */
    @Transactional(readOnly = true)
    public PaymentResult forDevice(UUID deviceId, UUID saleId) {
        DeviceContext device = devices.of(deviceId);
        return rows.find(TenantContext.requireTenant(), saleId).filter(r -> r.storeId().equals(device.storeId()))
                .orElseThrow(() -> new SaleNotFoundException(saleId)).result();
    }

    /**
     * A refund a device asks for, of a sale of its own store; {@code idempotencyKey} makes a retried request
     * answer the first refund instead of refunding twice. Audited with the device as the actor.
     */
    public PaymentResult refundFromDevice(UUID deviceId, UUID saleId, long amountMinor, boolean restock,
                                          String reason, String idempotencyKey) {
        DeviceContext device = devices.of(deviceId);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new PaymentRefusedException("idempotency_key_invalid", "idempotencyKey is 1 to 100 characters",
                    400);
        }
        AuditActor actor = AuditActor.device(device.tenantId(), deviceId, device.name());
        actor.runAs(() -> move(new Movement(saleId, OperationKind.REFUND, amountMinor, restock ? null : List.of(),
                reason(reason), "device " + device.name(), idempotencyKey, Set.of(device.storeId()))));
        return transaction.execute(s -> rows.find(device.tenantId(), saleId)).orElseThrow().result();
    }

    /** A void a device asks for (e.g. the customer walked away before a manual capture). */
    public PaymentResult voidFromDevice(UUID deviceId, UUID saleId, String reason) {
        DeviceContext device = devices.of(deviceId);
        AuditActor actor = AuditActor.device(device.tenantId(), deviceId, device.name());
        actor.runAs(() -> move(new Movement(saleId, OperationKind.VOID, 0, List.of(), reason(reason),
                "device " + device.name(), null, Set.of(device.storeId()))));
        return transaction.execute(s -> rows.find(device.tenantId(), saleId)).orElseThrow().result();
    }

    // ---- the movement itself ---------------------------------------------------------------------------------

    /** {@code returned} null: return every unit not returned yet. {@code stores} null: every store. */
    private record Movement(UUID saleId, OperationKind kind, long amountMinor, List<ReturnedLine> returned,
                            String reason, String actor, String idempotencyKey, Set<UUID> stores) {
    }

    private record Started(UUID operationId, long amountMinor, String gatewayReference, String currency,
                           boolean replay) {
    }

    private SaleDetails move(Movement m) {
        UUID tenant = TenantContext.requireTenant();
        PaymentGateway gateway = gateways.getIfAvailable();
        if (gateway == null) {
            throw new PaymentRefusedException("gateway_unavailable", "No payment gateway is configured", 503);
        }
        Started started = transaction.execute(s -> start(tenant, m));
        if (started.replay()) {
            return transaction.execute(s -> details(tenant, rows.find(tenant, m.saleId()).orElseThrow()));
        }
        GatewayResult answer;
        try {
            String requestId = started.operationId().toString();
            answer = switch (m.kind()) {
                case CAPTURE -> gateway.capture(started.gatewayReference(), started.amountMinor(), started.currency(),
                        requestId);
                case VOID -> gateway.voidAuthorization(started.gatewayReference(), requestId);
                case REFUND -> gateway.refund(started.gatewayReference(), started.amountMinor(), started.currency(),
                        requestId);
                default -> throw new IllegalStateException(m.kind() + " is not a movement");
            };
        } catch (RuntimeException e) {
            log.warn("{} {} of sale {} got no answer: {}", m.kind(), started.operationId(), m.saleId(),
                    e.getClass().getSimpleName());
            answer = null;
        }
        GatewayResult result = answer;
        SaleDetails details = transaction.execute(s -> finish(tenant, m, started, result));
        if (result == null || !result.success()) {
            throw new PaymentRefusedException("gateway_refused", "The acquirer did not complete the "
                    + m.kind().name().toLowerCase(Locale.ROOT)
                    + (result == null ? " (no answer)" : " (" + result.responseCode() + ")"), 502);
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
                if (!earlier.get().kind().equals(m.kind().name()) || earlier.get().amountMinor() != m.amountMinor()) {
                    throw new PaymentRefusedException("idempotency_key_reused",
                            "This idempotency key was used for a different refund of this payment", 422);
                }
                return new Started(null, 0, null, null, true);
            }
        }
        if (queries.hasPendingOperation(tenant, m.saleId())) {
            throw new PaymentRefusedException("operation_in_progress",
                    "Another capture, void or refund of this sale is in progress");
        }
        if (!sale.status().allows(m.kind())) {
            throw notAllowed(sale, m.kind());
        }
        long amount = switch (m.kind()) {
            case CAPTURE, VOID -> sale.authorizedMinor();
            case REFUND -> {
                if (m.amountMinor() <= 0) {
                    throw new PaymentRefusedException("amount_invalid", "A refund amount is positive", 400);
                }
                if (m.amountMinor() > sale.capturedMinor() - sale.refundedMinor()) {
                    throw new PaymentRefusedException("refund_exceeds_captured", "At most "
                            + (sale.capturedMinor() - sale.refundedMinor()) + " can still be refunded", 422);
                }
                yield m.amountMinor();
            }
            default -> throw new IllegalStateException();
        };
        if (m.returned() != null && !m.returned().isEmpty()) {
            checkReturnable(tenant, m.saleId(), m.returned());
        }
        UUID operationId = UUID.randomUUID();
        rows.insertOperation(tenant, m.saleId(), new NewOperation(operationId, m.kind(),
                        OperationStatus.PENDING, amount, null, null, null, m.actor(), clock.instant()), m.reason(),
                m.kind() != OperationKind.CAPTURE && (m.returned() == null || !m.returned().isEmpty()),
                m.idempotencyKey());
        return new Started(operationId, amount, sale.gatewayReference(), sale.currency(), false);
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
        AuditEvent event = AuditEvent.of(action, "Sale", sale.id()).detail("amountMinor", started.amountMinor())
                .detail("currency", sale.currency()).detail("result", ok ? "succeeded" : "failed");
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
                events.publishEvent(new SaleRefunded(tenant, sale.id(), started.operationId(), sale.storeId(),
                        sale.deviceId(), sale.customerId(), sale.currency(), started.amountMinor(), at, returned));
            }
        }
        auditLog.record(event);
        return details(tenant, rows.find(tenant, sale.id()).orElseThrow());
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
                throw new PaymentRefusedException("return_exceeds_sold",
                        "Line " + lineNo + " has fewer units left to return", 422);
            }
        });
    }

    /** Marks units as returned and answers them as sale lines for the stock event. */
    private List<SaleLine> returnLines(UUID tenant, UUID saleId, List<ReturnedLine> asked) {
        List<SaleLine> out = new ArrayList<>();
        for (SaleLineDetails line : queries.lines(tenant, saleId)) {
            int left = line.quantity() - line.returnedQuantity();
            int quantity = asked == null ? left : asked.stream().filter(r -> r.lineNo() == line.lineNo())
                    .mapToInt(ReturnedLine::quantity).sum();
            quantity = Math.min(quantity, left);
            if (quantity <= 0) {
                continue;
            }
            queries.addReturned(tenant, saleId, line.lineNo(), quantity);
            long unitTax = line.quantity() == 0 ? 0 : line.taxMinor() / line.quantity();
            long unitTotal = line.quantity() == 0 ? 0 : line.totalMinor() / line.quantity();
            out.add(new SaleLine(line.variantId(), line.description(), quantity, line.unitPriceMinor(),
                    unitTax * quantity, unitTotal * quantity));
        }
        return out;
    }

    private SaleDetails details(UUID tenant, SaleRow row) {
        return new SaleDetails(row.summary(), row.customerId(), row.taxMinor(), row.deviceTime(), row.expiryMonth(),
                row.expiryYear(), row.gatewayReference(), queries.lines(tenant, row.id()),
                queries.timeline(tenant, row.id()));
    }

    private static PaymentRefusedException notAllowed(SaleRow sale, OperationKind move) {
        String reason = sale.status().refusal(move);
        if (reason.equals("refund_exceeds_captured")) {
            return new PaymentRefusedException(reason, "Everything captured was refunded already", 422);
        }
        String what = move.name().toLowerCase(Locale.ROOT);
        return new PaymentRefusedException(reason, "A sale that is " + sale.status() + " cannot be " + what
                + (what.endsWith("e") ? "d" : "ed"), 409);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String r = reason.strip();
        if (r.length() > REASON_MAX) {
            throw new PaymentRefusedException("reason_too_long", "A reason is at most " + REASON_MAX + " characters",
                    400);
        }
        return r;
    }

    private static LapakUser requireStaff(LapakUser user) {
        if (!user.has(Role.MERCHANT_ADMIN) && !user.has(Role.STORE_MANAGER)) {
            throw new AccessDeniedException("Only merchant admins and store managers work with sales");
        }
        return user;
    }

    /** null: every store of the tenant; otherwise the manager's stores. */
    private static Set<UUID> visibleStores(LapakUser user) {
        requireStaff(user);
        return StoreScope.of(user).filterOrNull();
    }

    private static String actorOf(LapakUser user) {
        return Optional.ofNullable(user.displayName()).orElse(user.username());
    }
}
