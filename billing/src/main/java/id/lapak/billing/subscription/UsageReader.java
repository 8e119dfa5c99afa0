package id.lapak.billing.subscription;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A tenant's usage in a billing period, from Lapak's own records: the devices active on each day of the period
 * (paired before the day ended, not revoked or retired before it began) and the successful captures. Runs in the
 * tenant's transaction; every query names the tenant.
 */
@Component
class UsageReader {

    record Usage(int[] activeDevices, long transactions) {}

    private record Active(Instant from, Instant until) {}

    private final JdbcClient jdbc;

    UsageReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Usage of {@code period} up to {@code until} (the period's end for an invoice, now for an estimate). */
    Usage usage(UUID tenant, BillingPeriod period, Instant until) {
        Instant end = until.isBefore(period.end()) ? until : period.end();
        List<Active> devices = jdbc.sql("""
                        select paired_at,
                               case when status in ('REVOKED', 'RETIRED') then coalesce(status_changed_at, paired_at) end
                        from device
                        where tenant_id = ? and paired_at < ?
                          and (status = 'ACTIVE' or coalesce(status_changed_at, paired_at) > ?)""")
                .params(tenant, time(end), time(period.start()))
                .query((rs, n) -> new Active(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
        List<LocalDate> days = period.dayList();
        int[] active = new int[days.size()];
        for (int i = 0; i < days.size(); i++) {
            Instant dayStart = period.startOf(days.get(i));
            Instant dayEnd = period.startOf(days.get(i).plusDays(1));
            if (!dayStart.isBefore(end)) {
                continue;
            }
            for (Active d : devices) {
                if (d.from().isBefore(dayEnd) && (d.until() == null || d.until().isAfter(dayStart))) {
                    active[i]++;
                }
            }
        }
        long transactions = jdbc.sql("""
                        select count(*) from payment_operation
                        where tenant_id = ? and kind = 'CAPTURE' and status = 'SUCCEEDED'
                          and coalesce(completed_at, created_at) >= ? and coalesce(completed_at, created_at) < ?""")
                .params(tenant, time(period.start()), time(end))
                .query(Long.class)
                .single();
        return new Usage(active, transactions);
    }

    static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
