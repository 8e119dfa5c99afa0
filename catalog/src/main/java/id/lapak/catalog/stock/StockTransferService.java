package id.lapak.catalog.stock;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.store.StoreNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers between stores: created (nothing moves), sent (TRANSFER_OUT movements at the source), received
 * (TRANSFER_IN at the destination), or cancelled while still only created. The source store's people create, send
 * and cancel; the destination's people receive; merchant admins do everything. A transfer's status changes under a
 * row lock, so two people pressing "send" at once move the stock once.
 */
@Service
public class StockTransferService {

    private final JdbcClient jdbc;
    private final StockLedger ledger;
    private final StockScope scope;
    private final StockService stock;
    private final CatalogVariants variants;
    private final AuditLog auditLog;
    private final Clock clock;

    StockTransferService(
            JdbcClient jdbc,
            StockLedger ledger,
            StockScope scope,
            StockService stock,
            CatalogVariants variants,
            AuditLog auditLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.scope = scope;
        this.stock = stock;
        this.variants = variants;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Page<StockTransfer> find(StockTransfer.Status status, Pageable pageable) {
        StockScope.Stores stores = scope.current();
        Pageable page = StockService.safe(pageable);
        String statusName = status == null ? null : status.name();
        String where = """
                where t.tenant_id = ? and (? or t.from_store_id = any(?::uuid[]) or t.to_store_id = any(?::uuid[]))
                  and (?::text is null or t.status = ?)""";
        Object[] params = {stores.tenantId(), stores.all(), stores.ids(), stores.ids(), statusName, statusName};
        List<StockTransfer> rows = jdbc.sql(select() + where + " order by t.created_at desc, t.id limit ? offset ?")
                .params(StockService.append(params, page.getPageSize(), page.getOffset()))
                .query((rs, n) -> transfer(rs, List.of()))
                .list();
        long total = jdbc.sql("select count(*) from stock_transfer t " + where)
                .params(params)
                .query(Long.class)
                .single();
        return new PageImpl<>(rows, page, total);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StockTransfer get(UUID id) {
        StockScope.Stores stores = scope.current();
        StockTransfer transfer = load(stores, id, false);
        if (!stores.allows(transfer.fromStoreId()) && !stores.allows(transfer.toStoreId())) {
            throw new TransferNotFoundException(id);
        }
        return transfer;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StockTransfer create(UUID fromStoreId, UUID toStoreId, List<StockQuantity> lines, String note) {
        StockScope.Stores stores = scope.require(fromStoreId);
        if (toStoreId == null || toStoreId.equals(fromStoreId)) {
            throw new StockException("stock.error.transfer.sameStore");
        }
        boolean destinationExists = jdbc.sql("select exists(select 1 from store where tenant_id = ? and id = ?)")
                .params(stores.tenantId(), toStoreId)
                .query(Boolean.class)
                .single();
        if (!destinationExists) {
            throw new StoreNotFoundException(toStoreId);
        }
        List<StockQuantity> checked = stock.positiveLines(stores.tenantId(), lines);
        String text = StockService.optionalText(note);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into stock_transfer (tenant_id, id, from_store_id, to_store_id, status, note, created_at,
                            created_by)
                        values (?, ?, ?, ?, 'CREATED', ?, ?, ?)""")
                .params(stores.tenantId(), id, fromStoreId, toStoreId, text, Timestamp.from(now()), who())
                .update();
        for (StockQuantity line : checked) {
            jdbc.sql(
                            "insert into stock_transfer_line (tenant_id, transfer_id, variant_id, quantity) values (?, ?, ?, ?)")
                    .params(stores.tenantId(), id, line.variantId(), line.quantity())
                    .update();
        }
        auditLog.record(AuditEvent.of("stock.transfer_created", "StockTransfer", id)
                .detail("from", fromStoreId)
                .detail("to", toStoreId)
                .detail("lines", checked.size()));
        return load(stores, id, false);
    }

    /** The stock leaves the source store (it may go negative there: the goods are physically on their way). */
    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StockTransfer send(UUID id) {
        StockScope.Stores stores = scope.current();
        StockTransfer transfer = load(stores, id, true);
        requireAllowed(stores, transfer.fromStoreId(), id);
        requireStatus(transfer, StockTransfer.Status.CREATED);
        StockActor actor = StockActor.currentPerson();
        for (StockTransfer.Line line : transfer.lines()) {
            ledger.move(
                    stores.tenantId(),
                    transfer.fromStoreId(),
                    line.variantId(),
                    MovementKind.TRANSFER_OUT,
                    -line.quantity(),
                    actor,
                    id,
                    null,
                    "transfer to " + transfer.toStoreName());
        }
        jdbc.sql("""
                        update stock_transfer set status = 'SENT', sent_at = ?, sent_by = ?, version = version + 1
                        where tenant_id = ? and id = ?""")
                .params(Timestamp.from(now()), who(), stores.tenantId(), id)
                .update();
        auditLog.record(
                AuditEvent.of("stock.transfer_sent", "StockTransfer", id).change("status", "CREATED", "SENT"));
        return load(stores, id, false);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StockTransfer receive(UUID id) {
        StockScope.Stores stores = scope.current();
        StockTransfer transfer = load(stores, id, true);
        requireAllowed(stores, transfer.toStoreId(), id);
        requireStatus(transfer, StockTransfer.Status.SENT);
        StockActor actor = StockActor.currentPerson();
        for (StockTransfer.Line line : transfer.lines()) {
            ledger.move(
                    stores.tenantId(),
                    transfer.toStoreId(),
                    line.variantId(),
                    MovementKind.TRANSFER_IN,
                    line.quantity(),
                    actor,
                    id,
                    null,
                    "transfer from " + transfer.fromStoreName());
        }
        jdbc.sql("""
                        update stock_transfer set status = 'RECEIVED', received_at = ?, received_by = ?,
                            version = version + 1
                        where tenant_id = ? and id = ?""")
                .params(Timestamp.from(now()), who(), stores.tenantId(), id)
                .update();
        auditLog.record(
                AuditEvent.of("stock.transfer_received", "StockTransfer", id).change("status", "SENT", "RECEIVED"));
        return load(stores, id, false);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StockTransfer cancel(UUID id) {
        StockScope.Stores stores = scope.current();
        StockTransfer transfer = load(stores, id, true);
        requireAllowed(stores, transfer.fromStoreId(), id);
        requireStatus(transfer, StockTransfer.Status.CREATED);
        jdbc.sql("""
                        update stock_transfer set status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?,
                            version = version + 1
                        where tenant_id = ? and id = ?""")
                .params(Timestamp.from(now()), who(), stores.tenantId(), id)
                .update();
        auditLog.record(AuditEvent.of("stock.transfer_cancelled", "StockTransfer", id)
                .change("status", "CREATED", "CANCELLED"));
        return load(stores, id, false);
    }

    private void requireAllowed(StockScope.Stores stores, UUID storeId, UUID transferId) {
        if (!stores.allows(storeId)) {
            throw new TransferNotFoundException(transferId);
        }
    }

    private static void requireStatus(StockTransfer transfer, StockTransfer.Status expected) {
        if (transfer.status() != expected) {
            throw new StockException(
                    "stock.error.transfer.status." + transfer.status().name().toLowerCase());
        }
    }

    private StockTransfer load(StockScope.Stores stores, UUID id, boolean lock) {
        if (id == null) {
            throw new TransferNotFoundException(null);
        }
        if (lock) {
            jdbc.sql("select id from stock_transfer where tenant_id = ? and id = ? for update")
                    .params(stores.tenantId(), id)
                    .query(UUID.class)
                    .optional();
        }
        List<StockTransfer.Line> lines = jdbc.sql("""
                        select variant_id, quantity from stock_transfer_line
                        where tenant_id = ? and transfer_id = ? order by variant_id""")
                .params(stores.tenantId(), id)
                .query((rs, n) -> new StockTransfer.Line(rs.getObject(1, UUID.class), null, rs.getLong(2)))
                .list();
        Map<UUID, CatalogVariants.Label> labels = variants.labels(
                lines.stream().map(StockTransfer.Line::variantId).toList());
        List<StockTransfer.Line> labelled = lines.stream()
                .map(l -> new StockTransfer.Line(
                        l.variantId(),
                        labels.containsKey(l.variantId())
                                ? labels.get(l.variantId()).name()
                                : null,
                        l.quantity()))
                .toList();
        return jdbc.sql(select() + " where t.tenant_id = ? and t.id = ?")
                .params(stores.tenantId(), id)
                .query((rs, n) -> transfer(rs, labelled))
                .optional()
                .orElseThrow(() -> new TransferNotFoundException(id));
    }

    private static String select() {
        return """
                select t.*, f.name as from_name, d.name as to_name from stock_transfer t
                join store f on f.tenant_id = t.tenant_id and f.id = t.from_store_id
                join store d on d.tenant_id = t.tenant_id and d.id = t.to_store_id
                """;
    }

    private static StockTransfer transfer(ResultSet rs, List<StockTransfer.Line> lines) throws SQLException {
        return new StockTransfer(
                rs.getObject("id", UUID.class),
                rs.getObject("from_store_id", UUID.class),
                rs.getString("from_name"),
                rs.getObject("to_store_id", UUID.class),
                rs.getString("to_name"),
                StockTransfer.Status.valueOf(rs.getString("status")),
                rs.getString("note"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "sent_at"),
                rs.getString("sent_by"),
                instant(rs, "received_at"),
                rs.getString("received_by"),
                instant(rs, "cancelled_at"),
                rs.getString("cancelled_by"),
                rs.getLong("version"),
                lines);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String who() {
        return CurrentUser.require().displayName();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
