package id.lapak.reports;

import id.lapak.reports.ReportQueries.Change;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.json.JsonText;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day close (Z report) of a store: a day that has ended in the store's zone is closed once into frozen figures
 * whose SHA-256 goes into the audit chain; read later, the frozen figures stand beside today's and the sales changed
 * since. Same readers as {@link ReportService}; a store outside the person's scope is refused.
 */
@Service
@PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
@Transactional(readOnly = true)
public class DayReports {

    private final ReportService reports;
    private final ReportQueries queries;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    DayReports(ReportService reports, ReportQueries queries, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.reports = reports;
        this.queries = queries;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A day closed into a frozen report: the figures then, the figures now, the sales changed since. */
    public record DayReport(
            UUID storeId,
            LocalDate day,
            Instant closedAt,
            String closedBy,
            Figures frozen,
            Figures now,
            String sha256,
            List<Change> changedSince) {

        public boolean changed() {
            return !frozen.equals(now);
        }
    }

    /**
     * Closes a store's day into a frozen day report (Z report): its figures, their SHA-256 written into the audit
     * chain. A day closes once, after it ended in the store's zone.
     */
    @Transactional
    public DayReport closeDay(UUID storeId, LocalDate day) {
        StoreScope.current().require(storeId);
        ZoneId zone = storeZone(storeId);
        if (!day.isBefore(LocalDate.ofInstant(clock.instant(), zone))) {
            throw new InvalidReportFilterException("report.z.notEnded");
        }
        if (frozen(storeId, day).isPresent()) {
            throw new InvalidReportFilterException("report.z.closedAlready");
        }
        Figures figures = reports.summary(ReportFilter.days(day, day).withStore(storeId));
        String text = json(figures);
        String hash = sha256(text);
        String by = CurrentUser.require().username();
        jdbc.sql("""
                        insert into report_z (tenant_id, store_id, day, closed_at, closed_by, figures, figures_sha256)
                        values (:tenant, :store, :day, :at, :by, :figures, :hash)""")
                .param("tenant", tenant())
                .param("store", storeId)
                .param("day", day)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by)
                .param("figures", text)
                .param("hash", hash)
                .update();
        audit.record(AuditEvent.of("report.day.closed", "store", storeId)
                .detail("day", day)
                .detail("figuresSha256", hash)
                .detail("net", figures.net().toPlainString()));
        return dayReport(storeId, day).orElseThrow();
    }

    /** The frozen report of a store's day, with today's figures beside it; empty when the day was not closed. */
    public Optional<DayReport> dayReport(UUID storeId, LocalDate day) {
        StoreScope.current().require(storeId);
        return frozen(storeId, day).map(z -> {
            ReportFilter filter = ReportFilter.days(day, day).withStore(storeId);
            List<Change> since = queries.changes(tenant(), StoreScope.current(), filter, 500).stream()
                    .filter(c -> c.changedAt().isAfter(z.closedAt()))
                    .toList();
            return new DayReport(
                    storeId,
                    day,
                    z.closedAt(),
                    z.closedBy(),
                    parse(z.figures()),
                    reports.summary(filter),
                    z.sha256(),
                    since);
        });
    }

    private record Frozen(Instant closedAt, String closedBy, String figures, String sha256) {}

    private Optional<Frozen> frozen(UUID storeId, LocalDate day) {
        return jdbc.sql("""
                        select closed_at, closed_by, figures, figures_sha256 from report_z
                        where tenant_id = :tenant and store_id = :store and day = :day""")
                .param("tenant", tenant())
                .param("store", storeId)
                .param("day", day)
                .query((rs, n) ->
                        new Frozen(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /**
     * The canonical text of figures that is hashed: fixed field order, integers only. Days closed before discounts
     * were reported have no {@code discountMinor}; they read as 0, which they were.
     */
    static String json(Figures f) {
        return "{\"currency\":" + JsonText.quote(f.currency().getCurrencyCode()) + ",\"attempts\":" + f.attempts()
                + ",\"approved\":" + f.approved() + ",\"declined\":" + f.declined() + ",\"transactions\":"
                + f.transactions() + ",\"refundCount\":" + f.refundCount() + ",\"capturedMinor\":" + f.capturedMinor()
                + ",\"refundedMinor\":" + f.refundedMinor() + ",\"tipMinor\":" + f.tipMinor() + ",\"taxMinor\":"
                + f.taxMinor() + ",\"feeMinor\":" + f.feeMinor() + ",\"feePpnMinor\":" + f.feePpnMinor()
                + ",\"discountMinor\":" + f.discountMinor() + "}";
    }

    static Figures parse(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : json.replaceAll("[{}\"]", "").split(",")) {
            String[] kv = part.split(":", 2);
            fields.put(kv[0], kv[1]);
        }
        return new Figures(
                Currency.getInstance(fields.get("currency")),
                l(fields, "attempts"),
                l(fields, "approved"),
                l(fields, "declined"),
                l(fields, "transactions"),
                l(fields, "refundCount"),
                l(fields, "capturedMinor"),
                l(fields, "refundedMinor"),
                l(fields, "tipMinor"),
                l(fields, "taxMinor"),
                l(fields, "feeMinor"),
                l(fields, "feePpnMinor"),
                fields.containsKey("discountMinor") ? l(fields, "discountMinor") : 0);
    }

    private static long l(Map<String, String> fields, String name) {
        return Long.parseLong(fields.get(name));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ZoneId storeZone(UUID storeId) {
        return jdbc.sql("select time_zone from store where tenant_id = :tenant and id = :store")
                .param("tenant", tenant())
                .param("store", storeId)
                .query(String.class)
                .optional()
                .map(ZoneId::of)
                .orElseThrow(() -> new StoreNotFoundException(storeId));
    }

    private static UUID tenant() {
        return TenantContext.requireTenant();
    }
}
