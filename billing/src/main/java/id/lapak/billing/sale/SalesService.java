package id.lapak.billing.sale;

import id.lapak.billing.sale.DeviceContexts.DeviceContext;
import id.lapak.billing.sale.SaleMovements.Movement;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's view of sales and the money movements after authorization, and their security boundary. Merchant
 * admins see and act on every store, store managers on their own stores only (others read as not found); a cashier
 * reads only the totals of their stores; a device acts on sales of its own store. The movement itself is
 * {@link SaleMovements}.
 */
@Service
public class SalesService {

    public static final int REASON_MAX = 500;
    static final String STAFF = "hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')";

    private final SaleQueries queries;
    private final SaleRows rows;
    private final SaleMovements movements;
    private final DeviceContexts devices;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SalesService(
            SaleQueries queries,
            SaleRows rows,
            SaleMovements movements,
            DeviceContexts devices,
            AuditLog auditLog,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.queries = queries;
        this.rows = rows;
        this.movements = movements;
        this.devices = devices;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** A page of sales matching {@code filter}, newest first unless the page asks for another order. */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public Page<SaleSummary> search(SaleFilter filter, Pageable pageable) {
        Set<UUID> stores = visibleStores(CurrentUser.require());
        UUID tenant = TenantContext.requireTenant();
        List<SaleSummary> content = queries.search(tenant, filter, stores, pageable);
        if (pageable.isUnpaged()) {
            return new PageImpl<>(content, pageable, content.size());
        }
        long total = content.size() == pageable.getPageSize() || pageable.getOffset() > 0
                ? queries.count(tenant, filter, stores)
                : content.size();
        return new PageImpl<>(content, pageable, total);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public long count(SaleFilter filter) {
        return queries.count(TenantContext.requireTenant(), filter, visibleStores(CurrentUser.require()));
    }

    /** Totals of everything matching {@code filter}, one row per currency. */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<SaleTotals> totals(SaleFilter filter) {
        return queries.totals(TenantContext.requireTenant(), filter, visibleStores(CurrentUser.require()));
    }

    /**
     * A cashier's view of a period: only the totals of their own stores' sales (how many, approved, refunded), no
     * list, no card data. Admins and managers get the same for the stores they see. What a cashier may know of sales
     * is decided here, once.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER', 'CASHIER')")
    public List<SaleTotals> storeTotals(Instant from, Instant to) {
        LapakUser user = CurrentUser.require();
        if (!user.has(Role.MERCHANT_ADMIN) && !user.has(Role.STORE_MANAGER) && !user.has(Role.CASHIER)) {
            throw new AccessDeniedException("Only the tenant's staff read sales totals");
        }
        return queries.totals(
                TenantContext.requireTenant(),
                new SaleFilter(from, to, null, null, Set.of(), null, null, null, null, null),
                StoreScope.of(user).filterOrNull());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public SaleDetails get(UUID saleId) {
        Set<UUID> stores = visibleStores(CurrentUser.require());
        UUID tenant = TenantContext.requireTenant();
        SaleRow row = rows.find(tenant, saleId)
                .filter(r -> stores == null || stores.contains(r.storeId()))
                .orElseThrow(() -> new SaleNotFoundException(saleId));
        return queries.details(tenant, row);
    }

    /** Offline payments a device uploaded, newest arrival first (the device page). */
    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public List<SaleSummary> offlineUploads(UUID deviceId, int limit) {
        Set<UUID> stores = visibleStores(CurrentUser.require());
        return queries.search(
                TenantContext.requireTenant(),
                SaleFilter.all().withDevice(deviceId).withOffline(true),
                stores,
                PageRequest.of(0, Math.max(1, Math.min(limit, 200)), Sort.by(Sort.Direction.DESC, "receivedAt")));
    }

    // ---- settings --------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(STAFF)
    public CaptureMode captureMode() {
        requireStaff(CurrentUser.require());
        return queries.captureMode(TenantContext.requireTenant());
    }

    /** Whether approved payments are captured right away or later (merchant admins only); audited. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
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
            auditLog.record(
                    AuditEvent.of("payments.capture_mode", "Tenant", tenant).change("captureMode", before, mode));
        }
        return mode;
    }

    // ---- money movements by a person -------------------------------------------------------------------------

    /** Captures the whole authorized amount of a sale captured manually. */
    @PreAuthorize(STAFF)
    public SaleDetails capture(UUID saleId) {
        LapakUser user = requireStaff(CurrentUser.require());
        return movements.move(new Movement(
                saleId, OperationKind.CAPTURE, 0, List.of(), null, actorOf(user), null, visibleStores(user)));
    }

    /** Releases the hold of an authorized sale that was not captured; all its lines return to stock. */
    @PreAuthorize(STAFF)
    public SaleDetails voidPayment(UUID saleId, String reason) {
        LapakUser user = requireStaff(CurrentUser.require());
        return movements.move(new Movement(
                saleId, OperationKind.VOID, 0, List.of(), reason(reason), actorOf(user), null, visibleStores(user)));
    }

    /**
     * Refunds part or all of what was captured. With {@code restock}, every unit not returned yet comes back into
     * stock (the {@code SaleRefunded} event lists them); without, none does.
     */
    @PreAuthorize(STAFF)
    public SaleDetails refund(UUID saleId, long amountMinor, boolean restock, String reason) {
        LapakUser user = requireStaff(CurrentUser.require());
        return movements.move(new Movement(
                saleId,
                OperationKind.REFUND,
                amountMinor,
                restock ? null : List.of(),
                reason(reason),
                actorOf(user),
                null,
                visibleStores(user)));
    }

    /** Refunds part or all of what was captured, returning exactly {@code returned} to stock. */
    @PreAuthorize(STAFF)
    public SaleDetails refund(UUID saleId, long amountMinor, List<ReturnedLine> returned, String reason) {
        LapakUser user = requireStaff(CurrentUser.require());
        return movements.move(new Movement(
                saleId,
                OperationKind.REFUND,
                amountMinor,
                List.copyOf(returned),
                reason(reason),
                actorOf(user),
                null,
                visibleStores(user)));
    }

    // ---- money movements by a device -------------------------------------------------------------------------

    /** A device's view of a sale of its own store (device API). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('DEVICE')")
    public PaymentResult forDevice(UUID deviceId, UUID saleId) {
        DeviceContext device = devices.of(deviceId);
        return rows.find(TenantContext.requireTenant(), saleId)
                .filter(r -> r.storeId().equals(device.storeId()))
                .orElseThrow(() -> new SaleNotFoundException(saleId))
                .result();
    }

    /**
     * A refund a device asks for, of a sale of its own store; {@code idempotencyKey} makes a retried request
     * answer the first refund instead of refunding twice. Audited with the device as the actor.
     */
    @PreAuthorize("hasRole('DEVICE')")
    public PaymentResult refundFromDevice(
            UUID deviceId, UUID saleId, long amountMinor, boolean restock, String reason, String idempotencyKey) {
        DeviceContext device = devices.of(deviceId);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new PaymentRefusedException("idempotency_key_invalid", "idempotencyKey is 1 to 100 characters", 400);
        }
        AuditActor actor = AuditActor.device(device.tenantId(), deviceId, device.name());
        actor.runAs(() -> movements.move(new Movement(
                saleId,
                OperationKind.REFUND,
                amountMinor,
                restock ? null : List.of(),
                reason(reason),
                "device " + device.name(),
                idempotencyKey,
                Set.of(device.storeId()))));
        return transaction
                .execute(s -> rows.find(device.tenantId(), saleId))
                .orElseThrow()
                .result();
    }

    /** A void a device asks for (e.g. the customer walked away before a manual capture). */
    @PreAuthorize("hasRole('DEVICE')")
    public PaymentResult voidFromDevice(UUID deviceId, UUID saleId, String reason) {
        DeviceContext device = devices.of(deviceId);
        AuditActor actor = AuditActor.device(device.tenantId(), deviceId, device.name());
        actor.runAs(() -> movements.move(new Movement(
                saleId,
                OperationKind.VOID,
                0,
                List.of(),
                reason(reason),
                "device " + device.name(),
                null,
                Set.of(device.storeId()))));
        return transaction
                .execute(s -> rows.find(device.tenantId(), saleId))
                .orElseThrow()
                .result();
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String r = reason.strip();
        if (r.length() > REASON_MAX) {
            throw new PaymentRefusedException(
                    "reason_too_long", "A reason is at most " + REASON_MAX + " characters", 400);
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
