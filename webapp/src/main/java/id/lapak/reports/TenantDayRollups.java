package id.lapak.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds a tenant's rolled store days of one date into a tenant day ({@code report_tenant_day}, {@code
 * report_tenant_total}), which the period totals of a whole tenant read instead of every store day. A date is added
 * only when every store day of it is rolled whole, in the current shape and clean, checked in the same
 * repeatable-read snapshot the sums are read in and that the tenant day keeps; a change of that date afterwards makes
 * the readers fall back to the store days until the next run adds it again. Runs in the caller's tenant context.
 */
@Component
class TenantDayRollups {

    /** Dates added in one transaction. */
    private static final int BATCH = 400;

    /**
     * Dates to add, oldest first: ended in every store's zone, with a rolled store day, and no current clean tenant
     * day. Their readiness is checked by {@link #READY} in the writing transaction.
     */
    private static final String DUE = """
            with st as materialized (
                select ((cast(:until as timestamptz)) at time zone s.time_zone)::date - 1 as last_day
                from store s where s.tenant_id = :tenant)
            select distinct d.day from report_day d
            where d.tenant_id = :tenant and d.day <= (select min(last_day) from st) and d.until is null
              and not exists (
                select 1 from report_tenant_day t
                where t.tenant_id = d.tenant_id and t.day = d.day and t.version = :version and not exists (
                    select 1 from report_change x
                    where x.tenant_id = t.tenant_id and x.day = t.day and x.xid_number >= t.xmin_number
                      and not pg_visible_in_snapshot(x.xid, t.snapshot)))
            order by d.day limit :batch""";

    /**
     * Of the due dates, those whose every store day is whole, current and clean, and with no store that sold that day
     * without a rolled store day (a late upload before a store's first rolled day). The day's bounds are materialized
     * so they reach the sales' index as plain values under row-level security.
     */
    private static final String READY = """
            with dates as (select cast(x as date) as day from unnest(cast(:days as date[])) x),
            bounds as materialized (
                select g.day, s.id as store_id,
                       (g.day::timestamp at time zone s.time_zone) as lo,
                       ((g.day + 1)::timestamp at time zone s.time_zone) as hi
                from dates g cross join store s
                where s.tenant_id = :tenant and not exists (
                    select 1 from report_day d where d.tenant_id = :tenant and d.store_id = s.id and d.day = g.day))
            select g.day from dates g
            where not exists (
                select 1 from report_day d
                where d.tenant_id = :tenant and d.day = g.day
                  and (d.until is not null or d.version <> :version or exists (
                    select 1 from report_change x
                    where x.tenant_id = d.tenant_id and x.store_id = d.store_id and x.day = d.day
                      and x.xid_number >= d.xmin_number and not pg_visible_in_snapshot(x.xid, d.snapshot))))
              and not exists (
                select 1 from bounds b
                where b.day = g.day and exists (
                    select 1 from sale s where s.tenant_id = :tenant and s.store_id = b.store_id
                      and s.sold_at >= b.lo and s.sold_at < b.hi))
            order by g.day""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate rollTransaction;

    TenantDayRollups(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.rollTransaction = new TransactionTemplate(transactions);
        this.rollTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Adds every due date of {@code tenant} whose store days are ready (days ended {@code grace} before {@code now}
     * in every store's zone); returns how many tenant days were written.
     */
    int roll(UUID tenant, Instant until) {
        int written = 0;
        while (true) {
            List<LocalDate> due = transaction.execute(status -> jdbc.sql(DUE)
                    .param("tenant", tenant)
                    .param("until", Timestamp.from(until))
                    .param("version", ReportFacts.VERSION)
                    .param("batch", BATCH)
                    .query(LocalDate.class)
                    .list());
            if (due.isEmpty()) {
                return written;
            }
            Integer added;
            try {
                added = rollTransaction.execute(status -> write(tenant, due));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // Another node added some of these dates meanwhile: the next run looks again.
                return written;
            }
            written += added == null ? 0 : added;
            if (due.size() < BATCH || added == null || added == 0) {
                return written;
            }
        }
    }

    /** Drops the tenant's tenant days (a rebuild rolls them again). */
    void drop(UUID tenant) {
        jdbc.sql("delete from report_tenant_day where tenant_id = :tenant")
                .param("tenant", tenant)
                .update();
    }

    /** In one repeatable-read transaction: the ready dates of {@code due}, their old rows dropped, the new written. */
    private int write(UUID tenant, List<LocalDate> due) {
        String dates =
                ReportQueries.arrayLiteral(due.stream().map(LocalDate::toString).toArray(String[]::new));
        // The first statement fixes the snapshot the readiness, the sums and the kept snapshot all belong to.
        List<LocalDate> ready = jdbc.sql(READY)
                .param("tenant", tenant)
                .param("days", dates)
                .param("version", ReportFacts.VERSION)
                .query(LocalDate.class)
                .list();
        if (ready.isEmpty()) {
            return 0;
        }
        String days = ReportQueries.arrayLiteral(
                ready.stream().map(LocalDate::toString).toArray(String[]::new));
        jdbc.sql("delete from report_tenant_day where tenant_id = :tenant and day = any(cast(:days as date[]))")
                .param("tenant", tenant)
                .param("days", days)
                .update();
        jdbc.sql("""
                        insert into report_tenant_day (tenant_id, day, rolled_at, snapshot, version)
                        select :tenant, x, now(), pg_current_snapshot(), :version from unnest(cast(:days as date[])) x""")
                .param("tenant", tenant)
                .param("days", days)
                .param("version", ReportFacts.VERSION)
                .update();
        String measures = ReportFacts.Level.TOTAL.measures();
        jdbc.sql("insert into report_tenant_total (tenant_id, day, currency, " + measures + ")\n"
                        + "select :tenant, t.day, t.currency, " + sums(measures) + "\n"
                        + "from report_total t where t.tenant_id = :tenant and t.day = any(cast(:days as date[]))\n"
                        + "group by t.day, t.currency")
                .param("tenant", tenant)
                .param("days", days)
                .update();
        return ready.size();
    }

    private static String sums(String measures) {
        return "sum(t." + measures.replace(", ", "), sum(t.") + ")";
    }
}
