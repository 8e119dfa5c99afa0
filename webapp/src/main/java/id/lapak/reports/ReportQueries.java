package id.lapak.reports;

import id.lapak.reports.ReportFacts.Level;
import id.lapak.tenant.store.StoreScope;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads reports as rollup + what is not rolled up yet: for every store day of the filter, the rollup rows when the
 * day is rolled and no change escaped the rollup, otherwise the same figures computed from the sales
 * ({@link ReportFacts}). Callers pass the person's store scope; nothing here decides who may see what.
 */
@Component
class ReportQueries {

    /**
     * Store days given as two arrays (:stores, :days), for the rollup job; materialized so that the bounds (with
     * {@code least} and {@code coalesce}, not leakproof) reach the sales index as plain values under row-level
     * security instead of being filtered row by row.
     */
    static final String DAYS_OF_LIST = """
            with days as materialized (
                select x.store_id, x.day, st.time_zone,
                       (x.day::timestamp at time zone st.time_zone) as lo,
                       least((x.day + 1)::timestamp at time zone st.time_zone,
                             coalesce(cast(:until as timestamptz), 'infinity')) as hi
                from unnest(cast(:stores as uuid[]), cast(:days as date[])) x(store_id, day)
                join store st on st.tenant_id = :tenant and st.id = x.store_id)""";

    /**
     * The tenant days of the periods that may be read whole (see {@code report_tenant_day}): current shape, and no
     * change of any store's day of that date outside the tenant day's snapshot. Only for a whole tenant's totals.
     */
    private static final String TENANT_DAYS = """
            tclean as materialized (
                select t.day from (%s) g(d)
                cross join lateral (
                    select * from report_tenant_day r where r.tenant_id = :tenant and r.day = g.d::date offset 0) t
                where t.version = :version and not exists (
                    select 1 from report_change x
                    where x.tenant_id = t.tenant_id and x.day = t.day and x.xid_number >= t.xmin_number
                      and not pg_visible_in_snapshot(x.xid, t.snapshot) offset 0)),
            """;

    /** The tenant days' totals, as facts without a store. */
    private static final String TENANT_FACTS = """

                select null::uuid, r.day, r.currency, %s
                from tclean k cross join lateral (
                    select * from report_tenant_total r where r.tenant_id = :tenant and r.day = k.day offset 0) r
                union all""";

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One group of a report: its key columns (as text or typed values) and figures. */
    record Row(List<Object> keys, Figures figures) {

        Object key(int i) {
            return keys.get(i);
        }
    }

    /**
     * A report's rows: each store day of the period from its rollup when the rollup saw every change of that day
     * (the snapshot test against {@code report_change}), otherwise from the sales themselves, then grouped. Each
     * calendar day probes its own rollup row (never a hash of the tenant's whole history), and the days read from the
     * sales are materialized, so their bounds reach the sales' index as plain values: under row-level security an
     * expression such as {@code coalesce} in the bound is not leakproof and would be filtered row by row instead. Filled
     * in by {@link #grouped}: the tenant days when a whole tenant's totals are read
     * ({@link #TENANT_DAYS}, and the calendar then leaves their dates out), store conditions, whether rollups may be used, the rollup's keys, measures, table and
     * conditions, the sales' facts, then the grouping.
     */
    private static final String GROUPED = """
            with %sst as (select id, time_zone from store where tenant_id = :tenant%s),
            periods as (%s),
            cal as (select st.id as store_id, g.day::date as day, st.time_zone from st cross join (%s) g(day)%s),
            clean as (
                select c.store_id, c.day, d.until from cal c
                cross join lateral (
                    select * from report_day r
                    where r.tenant_id = :tenant and r.store_id = c.store_id and r.day = c.day offset 0) d
                where %s and d.version = :version and not exists (
                    select 1 from report_change x
                    where x.tenant_id = d.tenant_id and x.store_id = d.store_id and x.day = d.day
                      and x.xid_number >= d.xmin_number
                      and not pg_visible_in_snapshot(x.xid, d.snapshot) offset 0)),
            days as materialized (
                select c.store_id, c.day, c.time_zone,
                       coalesce(k.until, c.day::timestamp at time zone c.time_zone) as lo,
                       ((c.day + 1)::timestamp at time zone c.time_zone) as hi
                from cal c left join clean k on k.store_id = c.store_id and k.day = c.day
                where k.day is null or k.until is not null),
            facts as (%s
                select r.store_id, r.day, %sr.currency, %s
                from %s r join clean k on r.tenant_id = :tenant and r.store_id = k.store_id and r.day = k.day%s
                union all
                %s)
            select %s, f.currency, %s
            from facts f%s
            group by %s, f.currency
            order by %s, f.currency""";

    /**
     * Figures of {@code level} grouped by {@code groupBy} (expressions over the fact columns {@code f.store_id,
     * f.day, f.<level keys>, f.currency}), ordered by the group expressions. Every group is per currency.
     */
    List<Row> grouped(UUID tenant, StoreScope scope, ReportFilter filter, Level level, List<String> groupBy) {
        return grouped(tenant, scope, List.of(filter), level, groupBy, false);
    }

    /**
     * Figures of {@code level} for each of {@code periods} (the same stores, device and brand; other days) in one
     * reading: the first key of each row is the period's number, 1 for the first.
     */
    List<Row> perPeriod(UUID tenant, StoreScope scope, List<ReportFilter> periods, Level level) {
        return grouped(tenant, scope, periods, level, List.of("p.n"), true);
    }

    private List<Row> grouped(
            UUID tenant,
            StoreScope scope,
            List<ReportFilter> periods,
            Level requested,
            List<String> groupBy,
            boolean byPeriod) {
        if (scope.isEmpty()) {
            return List.of();
        }
        ReportFilter filter = periods.getFirst();
        // The totals of a device or a brand: the same figures from the rows that carry them.
        Level level = requested == Level.TOTAL && filter.narrowerThanStore() ? Level.MIX : requested;
        // Only the mix carries the device and the brand: a narrower filter reads the other levels from the sales.
        boolean rollups = level == Level.MIX || !filter.narrowerThanStore();
        String saleCondition = saleConditions(filter);
        // Only the mix has these keys; the other levels read no rollup when the filter narrows below a store.
        StringBuilder rollupCondition = new StringBuilder();
        if (level == Level.MIX && filter.deviceId() != null) {
            rollupCondition.append(" and r.device_id = cast(:device as uuid)");
        }
        if (level == Level.MIX && filter.brand() != null) {
            rollupCondition.append(" and r.brand = :brand");
        }
        if (level == Level.MIX && filter.cashier() != null) {
            rollupCondition.append(" and r.cashier_code = :cashier");
        }
        String storeCondition = (scope.isAll() ? "" : " and id = any(cast(:scope as uuid[]))")
                + (filter.storeId() == null ? "" : " and id = cast(:store as uuid)");
        String measures = level.measures();
        String rollupMeasures = "r." + measures.replace(", ", ", r.");
        // A whole tenant's totals by period read its tenant days, and the store days only of the other dates.
        boolean tenantDays = byPeriod && level == Level.TOTAL && scope.isAll() && filter.storeId() == null;
        String sql = GROUPED.formatted(
                tenantDays ? TENANT_DAYS.formatted(periodDays(periods.size())) : "",
                storeCondition,
                periodsValues(periods.size()),
                periodDays(periods.size()),
                tenantDays ? " where g.day::date not in (select day from tclean)" : "",
                rollups ? "true" : "false",
                tenantDays ? TENANT_FACTS.formatted(rollupMeasures) : "",
                level.keyList("r."),
                rollupMeasures,
                level.table,
                rollupCondition,
                ReportFacts.select(level, saleCondition),
                String.join(", ", groupBy),
                sums(level),
                byPeriod ? " join periods p on f.day between p.first and p.last" : "",
                String.join(", ", groupBy),
                String.join(", ", groupBy));
        int keyCount = groupBy.size();
        JdbcClient.StatementSpec statement = bindPeriods(jdbc.sql(sql), tenant, scope, periods);
        return byPeriod
                ? withKeptPlan(statement, keyCount, level)
                : statement.query((rs, n) -> row(rs, keyCount, level)).list();
    }

    /**
     * The dashboard's statement, planned without its dates once the driver has prepared it: planning cost more than
     * running it (3–4 ms against 1–2 ms), and every read in it is a key probe or a range fenced by "offset 0".
     */
    private List<Row> withKeptPlan(JdbcClient.StatementSpec statement, int keyCount, Level level) {
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
        try {
            return statement.query((rs, n) -> row(rs, keyCount, level)).list();
        } finally {
            jdbc.sql("set local plan_cache_mode = auto").update();
        }
    }

    /** The periods as rows (n, first, last), n counting from 1. */
    private static String periodsValues(int count) {
        List<String> rows = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            rows.add("select %d as n, cast(:first%d as date) as first, cast(:last%d as date) as last"
                    .formatted(n, n, n));
        }
        return String.join(" union all ", rows);
    }

    /**
     * The periods' days, each period its own series with constant bounds (so the planner knows how many days there
     * are, as it does not for a series over a join) and a day in two periods once.
     */
    private static String periodDays(int count) {
        List<String> series = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            series.add(
                    "select d from generate_series(cast(:first%d as date), cast(:last%d as date), interval '1 day') d"
                            .formatted(n, n));
        }
        return String.join(" union ", series);
    }

    /** The parameters {@link #GROUPED} names: {@link #bind}'s, the rollups' version and each period's days. */
    private static JdbcClient.StatementSpec bindPeriods(
            JdbcClient.StatementSpec statement, UUID tenant, StoreScope scope, List<ReportFilter> periods) {
        statement = bind(statement, tenant, scope, periods.getFirst()).param("version", ReportFacts.VERSION);
        for (int n = 1; n <= periods.size(); n++) {
            statement = statement
                    .param("first" + n, periods.get(n - 1).from().toString())
                    .param("last" + n, periods.get(n - 1).to().toString());
        }
        return statement;
    }

    /** The filter's conditions on a sale {@code s} below the level of its store: device, card brand, cashier. */
    static String saleConditions(ReportFilter filter) {
        return (filter.deviceId() == null ? "" : " and s.device_id = cast(:device as uuid)")
                + (filter.brand() == null ? "" : " and s.card_brand = :brand")
                + (filter.cashier() == null ? "" : " and s.cashier_code = :cashier");
    }

    /**
     * The parameters {@link #GROUPED} names for this filter and scope ({@code :tenant, :from, :to}, and {@code :scope,
     * :store, :device, :brand, :cashier} when they apply), for any statement written with the same names.
     */
    static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, UUID tenant, StoreScope scope, ReportFilter filter) {
        statement = statement
                .param("tenant", tenant)
                .param("from", filter.from().toString())
                .param("to", filter.to().toString());
        if (!scope.isAll()) {
            statement = statement.param("scope", arrayLiteral(scope.sqlArray()));
        }
        if (filter.storeId() != null) {
            statement = statement.param("store", filter.storeId().toString());
        }
        if (filter.deviceId() != null) {
            statement = statement.param("device", filter.deviceId().toString());
        }
        if (filter.brand() != null) {
            statement = statement.param("brand", filter.brand());
        }
        if (filter.cashier() != null) {
            statement = statement.param("cashier", filter.cashier());
        }
        return statement;
    }

    /** A PostgreSQL array literal of ids or ISO dates (no quoting needed), for {@code cast(:x as uuid[])}. */
    static String arrayLiteral(String[] values) {
        for (String value : values) {
            if (!value.matches("[0-9a-fA-F-]+")) {
                throw new IllegalArgumentException("Not an id or a date: " + value);
            }
        }
        return "{" + String.join(",", values) + "}";
    }

    private static String sums(Level level) {
        List<String> parts = new ArrayList<>();
        for (String column : level.measures().split(", ")) {
            parts.add("sum(f." + column + ")::bigint");
        }
        return String.join(", ", parts);
    }

    private static Row row(ResultSet rs, int keyCount, Level level) throws SQLException {
        List<Object> keys = new ArrayList<>();
        for (int i = 1; i <= keyCount; i++) {
            Object value = rs.getObject(i);
            if (value instanceof Date date) {
                value = date.toLocalDate();
            }
            keys.add(value);
        }
        Currency currency = Currency.getInstance(rs.getString(keyCount + 1).strip());
        int m = keyCount + 2;
        Figures figures = level == Level.ITEM ? items(rs, currency, m) : sales(rs, currency, m, level != Level.HOUR);
        return new Row(keys, figures);
    }

    /** Sale measures in {@link ReportFacts#SALE_MEASURES} order from column {@code m}, then the mix's fees. */
    private static Figures sales(ResultSet rs, Currency currency, int m, boolean withFees) throws SQLException {
        return new Figures(
                currency,
                rs.getLong(m),
                rs.getLong(m + 1),
                rs.getLong(m + 2),
                rs.getLong(m + 3),
                rs.getLong(m + 4),
                rs.getLong(m + 5),
                rs.getLong(m + 6),
                rs.getLong(m + 7),
                rs.getLong(m + 8),
                withFees ? rs.getLong(m + 10) : 0,
                withFees ? rs.getLong(m + 11) : 0,
                rs.getLong(m + 9));
    }

    /** Items: quantity sold as transactions, returned quantity as refunds, line totals as captured. */
    private static Figures items(ResultSet rs, Currency currency, int m) throws SQLException {
        return new Figures(
                currency,
                0,
                0,
                0,
                rs.getLong(m),
                rs.getLong(m + 1),
                rs.getLong(m + 2),
                rs.getLong(m + 4),
                0,
                rs.getLong(m + 3),
                0,
                0,
                0);
    }

    /** Sales of days that ended and changed afterwards (late uploads, refunds, voids), newest first. */
    List<Change> changes(UUID tenant, StoreScope scope, ReportFilter filter, int limit) {
        if (scope.isEmpty()) {
            return List.of();
        }
        String storeCondition = (scope.isAll() ? "" : " and c.store_id = any(cast(:scope as uuid[]))")
                + (filter.storeId() == null ? "" : " and c.store_id = cast(:store as uuid)");
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        select c.day, c.store_id, st.name, c.sale_id, c.kind, c.status, c.changed_at,
                               s.sold_at, s.amount_minor, s.currency, st.time_zone
                        from report_change c
                        join store st on st.tenant_id = c.tenant_id and st.id = c.store_id
                        join sale s on s.tenant_id = c.tenant_id and s.id = c.sale_id
                        where c.tenant_id = :tenant and c.kind <> 'SETTLED'
                          and c.day < (c.changed_at at time zone st.time_zone)::date
                          and c.day between cast(:from as date) and cast(:to as date)%s
                        order by c.changed_at desc limit :limit""".formatted(storeCondition))
                .param("tenant", tenant)
                .param("from", filter.from().toString())
                .param("to", filter.to().toString())
                .param("limit", limit);
        if (!scope.isAll()) {
            statement = statement.param("scope", arrayLiteral(scope.sqlArray()));
        }
        if (filter.storeId() != null) {
            statement = statement.param("store", filter.storeId().toString());
        }
        return statement
                .query((rs, n) -> new Change(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(),
                        rs.getLong(9),
                        rs.getString(10).strip(),
                        ZoneId.of(rs.getString(11))))
                .list();
    }

    /** A change to a sale of a day that had ended. */
    public record Change(
            LocalDate day,
            UUID storeId,
            String storeName,
            UUID saleId,
            String kind,
            String status,
            Instant changedAt,
            Instant soldAt,
            long amountMinor,
            String currency,
            ZoneId zone) {}
}
