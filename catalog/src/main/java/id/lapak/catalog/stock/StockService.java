package id.lapak.catalog.stock;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock levels, the movement ledger, receipts, adjustments, thresholds and counts of the current tenant. The
 * security boundary: merchant admins work on every store, store managers on their own stores; cashiers and support
 * get nothing. Every change a person makes is audited in the same transaction; sale movements come with the sale.
 * Queries name the tenant explicitly (row-level security checks it again).
 */
@Service
public class StockService {

    public static final long MAX_QUANTITY = 1_000_000;

    private final JdbcClient jdbc;
    private final StockLedger ledger;
    private final StockScope scope;
    private final CatalogVariants variants;
    private final StockViews views;
    private final AuditLog auditLog;
    private final Clock clock;

    StockService(
            JdbcClient jdbc,
            StockLedger ledger,
            StockScope scope,
            CatalogVariants variants,
            StockViews views,
            AuditLog auditLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.scope = scope;
        this.variants = variants;
        this.views = views;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Stock by store; {@code storeId} null means every store the person may see. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Page<StockLevel> levels(UUID storeId, boolean belowThresholdOnly, boolean negativeOnly, Pageable pageable) {
        return views.levels(storeId, belowThresholdOnly, negativeOnly, pageable);
    }

    /** The low-stock alerts: every level at or under its threshold, oldest alert first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Page<StockLevel> alerts(Pageable pageable) {
        return views.alerts(pageable);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public long countAlerts() {
        return views.countAlerts();
    }

    /** The ledger, newest first; any filter may be null. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Page<StockMovement> movements(UUID storeId, UUID variantId, MovementKind kind, Pageable pageable) {
        return views.movements(storeId, variantId, kind, pageable);
    }

    /** Goods received from a supplier: one RECEIPT movement per line, all or nothing. */
    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public UUID receive(UUID storeId, List<StockQuantity> lines, String supplierReference) {
        StockScope.Stores stores = scope.require(storeId);
        List<StockQuantity> checked = positiveLines(stores.tenantId(), lines);
        String reference = optionalText(supplierReference);
        UUID receiptId = UUID.randomUUID();
        StockActor actor = StockActor.currentPerson();
        for (StockQuantity line : checked) {
            ledger.move(
                    stores.tenantId(),
                    storeId,
                    line.variantId(),
                    MovementKind.RECEIPT,
                    line.quantity(),
                    actor,
                    receiptId,
                    null,
                    reference);
        }
        auditLog.record(AuditEvent.of("stock.received", "Store", storeId)
                .detail("receipt", receiptId)
                .detail("lines", checked.size())
                .detail(
                        "units",
                        checked.stream().mapToLong(StockQuantity::quantity).sum())
                .detail("reference", reference));
        return receiptId;
    }

    /** A correction by hand, with a reason; returns the resulting on-hand. */
    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public long adjust(UUID storeId, UUID variantId, long quantity, AdjustmentReason reason, String note) {
        StockScope.Stores stores = scope.require(storeId);
        requireVariant(stores.tenantId(), variantId);
        if (quantity == 0 || Math.abs(quantity) > MAX_QUANTITY) {
            throw new StockException("stock.error.quantity.range");
        }
        if (reason == null) {
            throw new StockException("stock.error.reason.required");
        }
        String text = optionalText(note);
        if (reason == AdjustmentReason.OTHER && text == null) {
            throw new StockException("stock.error.note.required");
        }
        String why = text == null ? reason.name() : reason.name() + ": " + text;
        long before = ledger.lock(stores.tenantId(), storeId, variantId).onHand();
        long after = ledger.move(
                stores.tenantId(),
                storeId,
                variantId,
                MovementKind.ADJUSTMENT,
                quantity,
                StockActor.currentPerson(),
                null,
                null,
                why);
        auditLog.record(AuditEvent.of("stock.adjusted", "StockLevel", storeId + "/" + variantId)
                .change("onHand", before, after)
                .detail("reason", why));
        return after;
    }

    /** Sets (or with null removes) the low-stock threshold of a variant in a store. */
    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public void setThreshold(UUID storeId, UUID variantId, Integer threshold) {
        StockScope.Stores stores = scope.require(storeId);
        requireVariant(stores.tenantId(), variantId);
        if (threshold != null && (threshold < 0 || threshold > MAX_QUANTITY)) {
            throw new StockException("stock.error.threshold.range");
        }
        StockLedger.Level before = ledger.threshold(stores.tenantId(), storeId, variantId, threshold);
        auditLog.record(AuditEvent.of("stock.threshold_changed", "StockLevel", storeId + "/" + variantId)
                .change("threshold", before.threshold(), threshold));
    }

    /**
     * Records counted quantities for a store. Each line's difference to the ledger (read under the level's lock, so
     * a sale during the count is not lost) becomes a COUNT movement; lines that match move nothing.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StockCount count(UUID storeId, List<StockQuantity> counted, String note) {
        StockScope.Stores stores = scope.require(storeId);
        if (counted == null || counted.isEmpty()) {
            throw new StockException("stock.error.lines.empty");
        }
        Set<UUID> seen = new HashSet<>();
        for (StockQuantity line : counted) {
            if (line == null || line.variantId() == null || !seen.add(line.variantId())) {
                throw new StockException("stock.error.lines.duplicate");
            }
            if (line.quantity() < 0 || line.quantity() > MAX_QUANTITY) {
                throw new StockException("stock.error.counted.range");
            }
            requireVariant(stores.tenantId(), line.variantId());
        }
        String text = optionalText(note);
        UUID countId = UUID.randomUUID();
        Instant now = now();
        String by = CurrentUser.require().displayName();
        jdbc.sql(
                        "insert into stock_count (tenant_id, id, store_id, note, counted_at, counted_by) values (?, ?, ?, ?, ?, ?)")
                .params(stores.tenantId(), countId, storeId, text, Timestamp.from(now), by)
                .update();
        StockActor actor = StockActor.currentPerson();
        List<StockCount.Line> result = new ArrayList<>();
        long net = 0;
        int changed = 0;
        for (StockQuantity line : counted.stream()
                .sorted(Comparator.comparing(StockQuantity::variantId))
                .toList()) {
            long expected =
                    ledger.lock(stores.tenantId(), storeId, line.variantId()).onHand();
            long difference = line.quantity() - expected;
            if (difference != 0) {
                ledger.move(
                        stores.tenantId(),
                        storeId,
                        line.variantId(),
                        MovementKind.COUNT,
                        difference,
                        actor,
                        countId,
                        null,
                        text == null ? "count" : "count: " + text);
                net += difference;
                changed++;
            }
            jdbc.sql(
                            "insert into stock_count_line (tenant_id, count_id, variant_id, expected, counted) values (?, ?, ?, ?, ?)")
                    .params(stores.tenantId(), countId, line.variantId(), expected, line.quantity())
                    .update();
            result.add(new StockCount.Line(line.variantId(), null, expected, line.quantity()));
        }
        auditLog.record(AuditEvent.of("stock.counted", "Store", storeId)
                .detail("count", countId)
                .detail("lines", counted.size())
                .detail("linesChanged", changed)
                .detail("netDifference", net));
        return new StockCount(countId, storeId, null, text, now, by, labelCountLines(result));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Page<StockCount> counts(UUID storeId, Pageable pageable) {
        StockScope.Stores stores = storeId == null ? scope.current() : scope.require(storeId);
        Pageable page = safe(pageable);
        String where = """
                where c.tenant_id = ? and (? or c.store_id = any(?::uuid[])) and (?::uuid is null or c.store_id = ?)""";
        Object[] params = {stores.tenantId(), stores.all(), stores.ids(), storeId, storeId};
        List<StockCount> rows = jdbc.sql("""
                        select c.*, s.name as store_name from stock_count c
                        join store s on s.tenant_id = c.tenant_id and s.id = c.store_id
                        """ + where + " order by c.counted_at desc, c.id limit ? offset ?")
                .params(append(params, page.getPageSize(), page.getOffset()))
                .query((rs, n) -> new StockCount(
                        rs.getObject("id", UUID.class),
                        rs.getObject("store_id", UUID.class),
                        rs.getString("store_name"),
                        rs.getString("note"),
                        rs.getTimestamp("counted_at").toInstant(),
                        rs.getString("counted_by"),
                        List.of()))
                .list();
        long total = jdbc.sql("select count(*) from stock_count c " + where)
                .params(params)
                .query(Long.class)
                .single();
        return new PageImpl<>(rows, page, total);
    }

    /** One count with its lines. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StockCount countDetails(UUID countId) {
        StockScope.Stores stores = scope.current();
        StockCount head = jdbc.sql("""
                        select c.*, s.name as store_name from stock_count c
                        join store s on s.tenant_id = c.tenant_id and s.id = c.store_id
                        where c.tenant_id = ? and c.id = ? and (? or c.store_id = any(?::uuid[]))""")
                .params(stores.tenantId(), countId, stores.all(), stores.ids())
                .query((rs, n) -> new StockCount(
                        rs.getObject("id", UUID.class),
                        rs.getObject("store_id", UUID.class),
                        rs.getString("store_name"),
                        rs.getString("note"),
                        rs.getTimestamp("counted_at").toInstant(),
                        rs.getString("counted_by"),
                        List.of()))
                .optional()
                .orElseThrow(() -> new StockException("stock.error.count.notFound"));
        List<StockCount.Line> lines = jdbc.sql("""
                        select variant_id, expected, counted from stock_count_line
                        where tenant_id = ? and count_id = ? order by variant_id""")
                .params(stores.tenantId(), countId)
                .query((rs, n) -> new StockCount.Line(rs.getObject(1, UUID.class), null, rs.getLong(2), rs.getLong(3)))
                .list();
        return new StockCount(
                head.id(),
                head.storeId(),
                head.storeName(),
                head.note(),
                head.countedAt(),
                head.countedBy(),
                labelCountLines(lines));
    }

    // --- helpers shared with the transfer service -------------------------------------------------------------

    List<StockQuantity> positiveLines(UUID tenantId, List<StockQuantity> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new StockException("stock.error.lines.empty");
        }
        Map<UUID, Long> merged = new LinkedHashMap<>();
        for (StockQuantity line : lines) {
            if (line == null || line.variantId() == null) {
                throw new StockException("stock.error.variant.required");
            }
            if (line.quantity() <= 0 || line.quantity() > MAX_QUANTITY) {
                throw new StockException("stock.error.quantity.range");
            }
            requireVariant(tenantId, line.variantId());
            merged.merge(line.variantId(), line.quantity(), Long::sum);
        }
        return merged.entrySet().stream()
                .map(e -> new StockQuantity(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(StockQuantity::variantId))
                .toList();
    }

    void requireVariant(UUID tenantId, UUID variantId) {
        if (variantId == null || !variants.known(tenantId, variantId)) {
            throw new StockException("stock.error.variant.unknown");
        }
    }

    private List<StockCount.Line> labelCountLines(List<StockCount.Line> lines) {
        Map<UUID, CatalogVariants.Label> labels =
                variants.labels(lines.stream().map(StockCount.Line::variantId).toList());
        return lines.stream()
                .map(l -> new StockCount.Line(
                        l.variantId(), StockViews.name(labels, l.variantId()), l.expected(), l.counted()))
                .toList();
    }

    static String optionalText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > 500) {
            throw new StockException("stock.error.note.tooLong");
        }
        return text.strip();
    }

    static Pageable safe(Pageable pageable) {
        Pageable requested = pageable == null ? PageRequest.of(0, 50) : pageable;
        return PageRequest.of(requested.getPageNumber(), Math.min(Math.max(requested.getPageSize(), 1), 500));
    }

    static Object[] append(Object[] params, Object... more) {
        Object[] all = Arrays.copyOf(params, params.length + more.length);
        System.arraycopy(more, 0, all, params.length, more.length);
        return all;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
