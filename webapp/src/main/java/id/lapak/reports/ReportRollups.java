package id.lapak.reports;

import id.lapak.reports.ReportFacts.Level;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the report rollups: every store day that ended more than an hour ago is rolled up once, and rolled again
 * when a change made outside the rollup's snapshot reached it (see the migration's notes). A roll replaces the
 * day's rows in one repeatable-read transaction, so it is exact whatever runs at the same time, and running it twice
 * changes nothing. {@link #rebuild(UUID)} drops a tenant's rollups and rolls every day again from the sales.
 */
@Component
public class ReportRollups {

    private static final Logger log = LoggerFactory.getLogger(ReportRollups.class);

    /** A day is rolled up once it ended this long ago (a payment begun before midnight has long committed by then). */
    static final Duration GRACE = Duration.ofHours(1);

    /** A day in progress is rolled again once its rollup is this old. */
    static final Duration REFRESH = Duration.ofMinutes(5);

    /** Store days rolled in one transaction. */
    private static final int BATCH = 200;

    /** The due days (see {@link #due}): whole days flagged {@code false}, days in progress {@code true}. */
    private static final String DUE = """
            with st as (
                select s.id, s.time_zone,
                       ((cast(:now as timestamptz) - cast(:grace as interval)) at time zone s.time_zone)::date - 1
                           as last_day,
                       (cast(:now as timestamptz) at time zone s.time_zone)::date as today
                from store s where s.tenant_id = :tenant),
            rolled as (
                select d.store_id, d.day, d.until,
                       d.version < :version or exists (
                           select 1 from report_change c
                           where c.tenant_id = d.tenant_id and c.store_id = d.store_id and c.day = d.day
                             and c.xid_number >= d.xmin_number
                             and not pg_visible_in_snapshot(c.xid, d.snapshot)) as dirty
                from report_day d where d.tenant_id = :tenant),
            dirty as (select r.store_id, r.day from rolled r where r.dirty),
            ended as (
                select r.store_id, r.day from rolled r join st on st.id = r.store_id
                where r.until is not null and r.day <= st.last_day),
            fresh as (
                select st.id as store_id, g::date as day
                from st
                cross join lateral (
                    select coalesce((select max(d.day) + 1 from report_day d
                                     where d.tenant_id = :tenant and d.store_id = st.id and d.until is null),
                                    (select (min(s.sold_at) at time zone st.time_zone)::date from sale s
                                     where s.tenant_id = :tenant and s.store_id = st.id)) as first_day) f
                cross join lateral generate_series(f.first_day, st.last_day, interval '1 day') g
                where f.first_day is not null),
            running as (
                select st.id as store_id, g::date as day
                from st cross join lateral generate_series(st.last_day + 1, st.today, interval '1 day') g
                where (g::date::timestamp at time zone st.time_zone) < cast(:until as timestamptz)
                  and exists (select 1 from sale s where s.tenant_id = :tenant and s.store_id = st.id
                                and s.sold_at >= (g::date::timestamp at time zone st.time_zone)
                                and s.sold_at < cast(:until as timestamptz))
                  and not exists (select 1 from rolled r where r.store_id = st.id and r.day = g::date
                                    and r.until >= cast(:until as timestamptz) - cast(:refresh as interval)))
            select x.store_id, x.day, x.day > st.last_day
            from (select * from dirty union select * from ended union select * from fresh union select * from running) x
            join st on st.id = x.store_id
            order by x.day, x.store_id limit :batch""";

    private final JdbcClient jdbc;
    private final PlatformAccess platform;
    private final TransactionTemplate rollTransaction;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final TenantDayRollups tenantDays;

    ReportRollups(
            JdbcClient jdbc,
            PlatformAccess platform,
            PlatformTransactionManager transactions,
            Clock clock,
            TenantDayRollups tenantDays) {
        this.jdbc = jdbc;
        this.tenantDays = tenantDays;
        this.platform = platform;
        this.transaction = new TransactionTemplate(transactions);
        this.rollTransaction = new TransactionTemplate(transactions);
        this.rollTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /** What a run did. */
    public record Outcome(int tenants, int daysRolled, int failures) {}

    /** Rolls the due days of every tenant. */
    public Outcome rollDue() {
        List<UUID> tenants = platform.call(
                "report rollups: list tenants",
                () -> jdbc.sql("select id from tenant order by id")
                        .query(UUID.class)
                        .list());
        int days = 0;
        int failures = 0;
        for (UUID tenant : tenants) {
            try {
                days += rollDue(tenant);
            } catch (RuntimeException e) {
                failures++;
                log.error(
                        "Report rollups: tenant {} could not be rolled up ({})",
                        tenant,
                        e.getClass().getSimpleName(),
                        e);
            }
        }
        if (days > 0 || failures > 0) {
            log.info("Report rollups: {} store days rolled up, {} tenants failed", days, failures);
        }
        return new Outcome(tenants.size(), days, failures);
    }

    /**
     * Rolls the due days of one tenant, then adds the dates whose store days are all rolled into tenant days
     * ({@link TenantDayRollups}); returns how many store days were rolled.
     */
    public int rollDue(UUID tenant) {
        return AuditActor.system("report-rollups")
                .callAs(() -> TenantContext.callAs(tenant, () -> {
                    int rolled = rollStoreDays(tenant);
                    tenantDays.roll(tenant, clock.instant().minus(GRACE));
                    return rolled;
                }));
    }

    /** Rolls the tenant's due store days in batches, in the caller's tenant context. */
    private int rollStoreDays(UUID tenant) {
        int rolled = 0;
        int conflicts = 0;
        while (true) {
            List<StoreDay> due = transaction.execute(status -> due(tenant, clock.instant()));
            if (due == null || due.isEmpty()) {
                return rolled;
            }
            Instant until = clock.instant().minus(GRACE);
            try {
                rollTransaction.executeWithoutResult(status -> {
                    roll(tenant, due.stream().filter(d -> !d.partial()).toList(), null);
                    roll(tenant, due.stream().filter(StoreDay::partial).toList(), until);
                });
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // Another run (a rebuild, another node) rolled some of these days meanwhile: look again.
                if (++conflicts > 3) {
                    throw e;
                }
                continue;
            }
            rolled += due.size();
            if (due.size() < BATCH) {
                return rolled;
            }
        }
    }

    /** Drops the tenant's rollups and rolls every ended day again from the sales; returns the store days rolled. */
    public int rebuild(UUID tenant) {
        TenantContext.runAs(
                tenant,
                () -> transaction.executeWithoutResult(status -> {
                    tenantDays.drop(tenant);
                    jdbc.sql("delete from report_day where tenant_id = :tenant")
                            .param("tenant", tenant)
                            .update();
                }));
        return rollDue(tenant);
    }

    /** A store day to roll; {@code partial} when it has not ended {@link #GRACE} ago (rolled up to now − grace). */
    record StoreDay(UUID storeId, LocalDate day, boolean partial) {}

    /**
     * Days to roll, oldest first: days rolled before whose rollup missed a change or has an older shape
     * ({@link ReportFacts#VERSION}); days not rolled yet from the store's first sale up to the last day that ended at
     * least {@link #GRACE} ago, and days rolled in progress that have ended since; and the days in progress with sales
     * whose rollup is missing or older than {@link #REFRESH}: those are rolled up to now − {@link #GRACE}, and the
     * sales after that are read live.
     */
    private List<StoreDay> due(UUID tenant, Instant now) {
        return jdbc.sql(DUE)
                .param("tenant", tenant)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.minus(GRACE)))
                .param("grace", GRACE.toSeconds() + " seconds")
                .param("refresh", REFRESH.toSeconds() + " seconds")
                .param("version", ReportFacts.VERSION)
                .param("batch", BATCH)
                .query((rs, n) ->
                        new StoreDay(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getBoolean(3)))
                .list();
    }

    /** Rolls whole days ({@code until} null) or days in progress up to {@code until}, in the caller's transaction. */
    private void roll(UUID tenant, List<StoreDay> days, Instant until) {
        if (days.isEmpty()) {
            return;
        }
        String[] stores = days.stream().map(d -> d.storeId().toString()).toArray(String[]::new);
        String[] dates = days.stream().map(d -> d.day().toString()).toArray(String[]::new);
        // The first statement fixes the transaction's snapshot: what every statement below reads, and what is kept.
        jdbc.sql("""
                        delete from report_day where tenant_id = :tenant
                          and (store_id, day) in (select * from unnest(cast(:stores as uuid[]), cast(:days as date[])))""")
                .param("tenant", tenant)
                .param("stores", ReportQueries.arrayLiteral(stores))
                .param("days", ReportQueries.arrayLiteral(dates))
                .update();
        jdbc.sql("""
                        insert into report_day (tenant_id, store_id, day, rolled_at, snapshot, version, until)
                        select :tenant, x.store_id, x.day, now(), pg_current_snapshot(), :version, cast(:until as timestamptz)
                        from unnest(cast(:stores as uuid[]), cast(:days as date[])) x(store_id, day)""")
                .param("tenant", tenant)
                .param("until", until == null ? null : Timestamp.from(until))
                .param("version", ReportFacts.VERSION)
                .param("stores", ReportQueries.arrayLiteral(stores))
                .param("days", ReportQueries.arrayLiteral(dates))
                .update();
        for (Level level : Level.values()) {
            jdbc.sql(ReportQueries.DAYS_OF_LIST + "\ninsert into " + level.table + " (tenant_id, store_id, day, "
                            + level.keyList("") + "currency, " + level.measures() + ")\nselect :tenant, f.* from ("
                            + ReportFacts.select(level, "") + ") f")
                    .param("tenant", tenant)
                    .param("stores", ReportQueries.arrayLiteral(stores))
                    .param("days", ReportQueries.arrayLiteral(dates))
                    .param("until", until == null ? null : Timestamp.from(until))
                    .update();
        }
    }
}
