package id.lapak.billing.settlement;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.ledger.LedgerKind;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual ledger adjustments: money given to (positive) or taken from (negative) a merchant with a reason, by the
 * merchant admin for their tenant or by support for any tenant through the named platform path. Each is a new
 * ledger transaction (adjustments against merchant pending), never an edit, is audited in the tenant's chain, and
 * settles into the next business day closed (see {@link DayClose}).
 */
@Service
@PreAuthorize("hasRole('MERCHANT_ADMIN')")
public class AdjustmentService {

    /** The largest adjustment either way, in minor units (a typing slip of a few zeros is refused). */
    static final long LIMIT_MINOR = 10_000_000_000L;

    /** An adjustment as pages show it: settled in the batch of {@code batchDay}, or waiting (null). */
    public record AdjustmentRow(
            UUID id,
            Instant createdAt,
            String createdBy,
            long amountMinor,
            String currency,
            String reason,
            LocalDate batchDay) {}

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AuditLog auditLog;
    private final PlatformAccess platform;
    private final Clock clock;

    AdjustmentService(JdbcClient jdbc, Ledger ledger, AuditLog auditLog, PlatformAccess platform, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.auditLog = auditLog;
        this.platform = platform;
        this.clock = clock;
    }

    /** Field → message key of every invalid field; empty when the adjustment may be recorded. */
    public static Map<String, String> validate(Money amount, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (amount == null || amount.isZero() || Math.abs(amount.minor()) > LIMIT_MINOR) {
            errors.put("amount", "adjustment.error.amount");
        }
        if (reason == null || reason.strip().length() < 3 || reason.strip().length() > 500) {
            errors.put("reason", "adjustment.error.reason");
        }
        return errors;
    }

    /** Records an adjustment of the current tenant (merchant admin). */
    @Transactional
    public UUID record(Money amount, String reason) {
        return write(TenantContext.requireTenant(), amount, reason);
    }

    /** Records an adjustment of {@code tenant} (support, through the platform path). */
    @PreAuthorize("hasRole('SUPPORT')")
    public UUID recordFor(UUID tenant, Money amount, String reason) {
        return platform.call("adjustment: record for a tenant", () -> write(tenant, amount, reason));
    }

    private UUID write(UUID tenant, Money amount, String reason) {
        Map<String, String> errors = validate(amount, reason);
        if (!errors.isEmpty()) {
            throw new AdjustmentRefused(errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String actor = CurrentUser.require().username();
        String currency = amount.currency().getCurrencyCode();
        jdbc.sql("""
                        insert into ledger_adjustment (tenant_id, id, currency, amount_minor, reason, created_at,
                            created_by) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant, id, currency, amount.minor(), reason.strip(), DayClose.time(now), actor)
                .update();
        ledger.post(
                tenant,
                LedgerKind.ADJUSTMENT,
                id,
                currency,
                now,
                actor,
                reason.strip(),
                List.of(
                        new Ledger.Entry(LedgerAccount.ADJUSTMENTS, amount.minor()),
                        new Ledger.Entry(LedgerAccount.MERCHANT_PENDING, -amount.minor())));
        auditLog.recordFor(
                tenant,
                AuditEvent.of("ledger_adjustment.record", "LedgerAdjustment", id)
                        .detail("amountMinor", amount.minor())
                        .detail("currency", currency)
                        .detail("reason", reason.strip()));
        return id;
    }

    /** The current tenant's latest adjustments, newest first, with the batch each settled in. */
    @Transactional(readOnly = true)
    public List<AdjustmentRow> latest(int limit) {
        return jdbc.sql("""
                        select a.id, a.created_at, a.created_by, a.amount_minor, a.currency, a.reason, b.business_day
                        from ledger_adjustment a
                        left join settlement_adjustment_line x on x.tenant_id = a.tenant_id and x.adjustment_id = a.id
                        left join settlement_batch b on b.tenant_id = x.tenant_id and b.id = x.batch_id
                        where a.tenant_id = ? order by a.created_at desc, a.id limit ?""")
                .params(TenantContext.requireTenant(), limit)
                .query((rs, n) -> new AdjustmentRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class)))
                .list();
    }
}
