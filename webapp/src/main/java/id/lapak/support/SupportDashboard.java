package id.lapak.support;

import id.lapak.device.DeviceDetails;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Support's view of the whole platform over the last 24 hours: tenants with a sale, devices online now, payments
 * per minute, the approval rate and the most frequent decline codes. Read through {@link PlatformAccess} (the only
 * path across tenants) and recorded in the platform's audit chain.
 */
@Service
public class SupportDashboard {

    /** How far back the dashboard looks. */
    public static final Duration WINDOW = Duration.ofHours(24);

    /** Decline codes shown at most. */
    static final int TOP_DECLINES = 10;

    /** A decline code with how often it came, and the acquirer's most frequent words for it. */
    public record DeclineCode(String code, String reason, long count) {}

    /** Payments begun in one hour of the window. */
    public record Hour(Instant start, long payments) {

        public double perMinute() {
            return payments / 60.0;
        }
    }

    /** The figures of {@code from} to {@code to}. */
    public record Figures(
            Instant from,
            Instant to,
            long tenantsActive,
            long devicesOnline,
            long devicesActive,
            long payments,
            long approved,
            long declined,
            List<Hour> hours,
            List<DeclineCode> declineCodes) {

        /** Payments per minute, averaged over the window. */
        public double paymentsPerMinute() {
            return payments / (double) Duration.between(from, to).toMinutes();
        }

        /** Approved of the decided payments (approved and declined), in basis points; null when none was decided. */
        public Long approvalRateBasisPoints() {
            long decided = approved + declined;
            return decided == 0 ? null : Math.round(approved * 10_000.0 / decided);
        }
    }

    private static final String APPROVED = "('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED')";

    private final JdbcClient jdbc;
    private final PlatformAccess platform;
    private final AuditLog audit;
    private final Clock clock;

    SupportDashboard(JdbcClient jdbc, PlatformAccess platform, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.audit = audit;
        this.clock = clock;
    }

    /** The last 24 hours across every tenant. */
    @PreAuthorize("hasRole('SUPPORT')")
    public Figures last24Hours() {
        Instant to = clock.instant();
        Instant from = to.minus(WINDOW);
        Figures figures =
                platform.call("support dashboard: platform figures of the last 24 hours", () -> read(from, to));
        audit.recordFor(
                null,
                AuditEvent.of("support.dashboard.viewed")
                        .detail("from", from.toString())
                        .detail("to", to.toString()));
        return figures;
    }

    private Figures read(Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        long tenants = jdbc.sql("select count(distinct tenant_id) from sale where sold_at >= ? and sold_at < ?"
                        + " and status in " + APPROVED)
                .params(f, t)
                .query(Long.class)
                .single();
        long[] devices = jdbc.sql("""
                        select count(*) filter (where last_seen_at >= ?), count(*)
                        from device where status = 'ACTIVE'""")
                .param(Timestamp.from(to.minus(DeviceDetails.ONLINE_WITHIN)))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long[] outcomes = jdbc.sql("select count(*), count(*) filter (where status in " + APPROVED + "),"
                        + " count(*) filter (where status = 'DECLINED') from sale where sold_at >= ? and sold_at < ?")
                .params(f, t)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        Instant firstHour = to.truncatedTo(ChronoUnit.HOURS).minus(WINDOW.minusHours(1));
        long[] perHour = new long[(int) WINDOW.toHours()];
        jdbc.sql("""
                        select floor(extract(epoch from (sold_at - ?)) / 3600)::int, count(*) from sale
                        where sold_at >= ? and sold_at < ? group by 1""")
                .params(Timestamp.from(firstHour), Timestamp.from(firstHour), t)
                .query(rs -> {
                    int h = rs.getInt(1);
                    if (h >= 0 && h < perHour.length) {
                        perHour[h] = rs.getLong(2);
                    }
                });
        List<Hour> hours = new ArrayList<>();
        for (int h = 0; h < perHour.length; h++) {
            hours.add(new Hour(firstHour.plus(Duration.ofHours(h)), perHour[h]));
        }
        List<DeclineCode> declines = jdbc.sql("""
                        select coalesce(nullif(response_code, ''), '?') as code,
                               mode() within group (order by decline_reason) as reason, count(*)
                        from sale where status = 'DECLINED' and sold_at >= ? and sold_at < ?
                        group by 1 order by 3 desc, 1 limit ?""")
                .params(f, t, TOP_DECLINES)
                .query((rs, n) -> new DeclineCode(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        return new Figures(
                from, to, tenants, devices[0], devices[1], outcomes[0], outcomes[1], outcomes[2], hours, declines);
    }
}
