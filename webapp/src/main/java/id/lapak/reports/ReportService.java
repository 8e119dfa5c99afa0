package id.lapak.reports;

import id.lapak.reports.ReportFacts.Level;
import id.lapak.reports.ReportQueries.Change;
import id.lapak.reports.ReportQueries.Row;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreScope;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's reports and dashboard figures: a merchant admin reads every store, a store manager their stores,
 * nobody else anything (support reads as the merchant admin through view-as). Every figure comes from
 * {@link ReportQueries}, so the dashboard, the reports and their exports always agree.
 */
@Service
@PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
@Transactional(readOnly = true)
public class ReportService {

    /** A named group of a report (a store, a device, an item, a brand…) with its figures. */
    public record Line(String key, String label, Figures figures) {}

    /** A period beside the one before it, and (for a single day) the same weekday a week earlier. */
    public record Comparison(ReportFilter filter, Figures current, Figures previous, Figures sameDayLastWeek) {}

    private final ReportQueries queries;
    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final CustomerFigures customers;
    private final StockFigures stock;

    ReportService(
            ReportQueries queries,
            JdbcClient jdbc,
            TenantDirectory tenants,
            CustomerFigures customers,
            StockFigures stock) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.customers = customers;
        this.stock = stock;
    }

    /** The figures of the filter, in the tenant's currency (zero when nothing was sold). */
    public Figures summary(ReportFilter filter) {
        return summaries(List.of(filter)).getFirst();
    }

    /** The filter's figures beside the previous period of the same length (and the same day last week), read once. */
    public Comparison compare(ReportFilter filter) {
        List<ReportFilter> periods = new ArrayList<>(List.of(filter, filter.previous()));
        if (filter.length() == 1) {
            periods.add(filter.withDays(filter.from().minusWeeks(1), filter.to().minusWeeks(1)));
        }
        List<Figures> figures = summaries(periods);
        return new Comparison(filter, figures.get(0), figures.get(1), figures.size() > 2 ? figures.get(2) : null);
    }

    /** Figures per hour of the local day (0–23), every hour present. */
    public List<Line> byHour(ReportFilter filter) {
        Map<Integer, Figures> hours = new LinkedHashMap<>();
        for (Row row : grouped(filter, Level.HOUR, List.of("f.hour"))) {
            hours.merge(((Number) row.key(0)).intValue(), row.figures(), Figures::plus);
        }
        List<Line> lines = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            lines.add(new Line(
                    Integer.toString(h), "%02d:00".formatted(h), hours.getOrDefault(h, Figures.zero(currency()))));
        }
        return lines;
    }

    /** Figures per local day of the filter, every day present. */
    public List<Line> byDay(ReportFilter filter) {
        Map<LocalDate, Figures> days = new LinkedHashMap<>();
        for (Row row : grouped(filter, Level.MIX, List.of("f.day"))) {
            days.merge((LocalDate) row.key(0), row.figures(), Figures::plus);
        }
        List<Line> lines = new ArrayList<>();
        for (LocalDate d = filter.from(); !d.isAfter(filter.to()); d = d.plusDays(1)) {
            lines.add(new Line(d.toString(), d.toString(), days.getOrDefault(d, Figures.zero(currency()))));
        }
        return lines;
    }

    /** Figures per weekday (1 = Monday) and hour: the heatmap of busy times. */
    public Map<DayOfWeek, List<Line>> byWeekdayAndHour(ReportFilter filter) {
        Map<DayOfWeek, List<Line>> result = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<Line> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                hours.add(new Line(Integer.toString(h), "%02d:00".formatted(h), Figures.zero(currency())));
            }
            result.put(d, hours);
        }
        for (Row row : grouped(filter, Level.HOUR, List.of("extract(isodow from f.day)::int", "f.hour"))) {
            DayOfWeek d = DayOfWeek.of(((Number) row.key(0)).intValue());
            int h = ((Number) row.key(1)).intValue();
            Line old = result.get(d).get(h);
            result.get(d).set(h, new Line(old.key(), old.label(), old.figures().plus(row.figures())));
        }
        return result;
    }

    /** Figures per store, best first. */
    public List<Line> byStore(ReportFilter filter) {
        Map<UUID, String> names = names("select id, name from store where tenant_id = :tenant");
        return ranked(grouped(filter, Level.MIX, List.of("f.store_id")), names);
    }

    /** Figures per device, best first. */
    public List<Line> byDevice(ReportFilter filter) {
        Map<UUID, String> names = names("select id, name from device where tenant_id = :tenant");
        return ranked(grouped(filter, Level.MIX, List.of("f.device_id")), names);
    }

    /**
     * Items sold, best first: {@link Figures#transactions()} is the quantity sold, {@link Figures#refundCount()} the
     * quantity returned, {@link Figures#gross()} the line totals and {@link Figures#refunds()} what was returned.
     */
    public List<Line> byItem(ReportFilter filter) {
        Map<UUID, String> names = names("""
                select v.id, i.name || case when v.name = '' then '' else ' · ' || v.name end
                from catalog_variant v join catalog_item i on i.tenant_id = v.tenant_id and i.id = v.item_id
                where v.tenant_id = :tenant""");
        return ranked(grouped(filter, Level.ITEM, List.of("f.variant_id")), names);
    }

    /** Items sold per category (items without one under the empty key), best first. */
    public List<Line> byCategory(ReportFilter filter) {
        Map<UUID, UUID> categoryOf = new LinkedHashMap<>();
        jdbc.sql("""
                        select v.id, i.category_id from catalog_variant v
                        join catalog_item i on i.tenant_id = v.tenant_id and i.id = v.item_id
                        where v.tenant_id = :tenant""").param("tenant", tenant()).query(rs -> {
            categoryOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        Map<UUID, String> names = names("select id, name from catalog_category where tenant_id = :tenant");
        Map<String, Figures> byCategory = new LinkedHashMap<>();
        for (Row row : grouped(filter, Level.ITEM, List.of("f.variant_id"))) {
            UUID category = categoryOf.get((UUID) row.key(0));
            byCategory.merge(category == null ? "" : category.toString(), row.figures(), Figures::plus);
        }
        List<Line> lines = new ArrayList<>();
        byCategory.forEach((key, figures) ->
                lines.add(new Line(key, key.isEmpty() ? "" : names.getOrDefault(UUID.fromString(key), key), figures)));
        lines.sort(
                Comparator.comparingLong((Line l) -> l.figures().net().minor()).reversed());
        return lines;
    }

    /** Figures per card brand and entry mode (offline payments as their own mode), largest first. */
    public List<Line> byPaymentMethod(ReportFilter filter) {
        List<Line> lines = new ArrayList<>();
        for (Row row : grouped(
                filter, Level.MIX, List.of("f.brand", "case when f.offline then 'OFFLINE' else f.entry_mode end"))) {
            String brand = (String) row.key(0);
            String mode = (String) row.key(1);
            lines.add(new Line(brand + "/" + mode, brand + "/" + mode, row.figures()));
        }
        lines.sort(Comparator.comparingLong((Line l) -> l.figures().capturedMinor())
                .reversed());
        return lines;
    }

    /** Per store and month: taxable sales, PPN and the base without it, for the accountant. */
    public List<Line> tax(ReportFilter filter) {
        Map<UUID, String> names = names("select id, name from store where tenant_id = :tenant");
        List<Line> lines = new ArrayList<>();
        for (Row row : grouped(filter, Level.HOUR, List.of("to_char(f.day, 'YYYY-MM')", "f.store_id"))) {
            UUID store = (UUID) row.key(1);
            lines.add(new Line(
                    row.key(0) + "/" + store, row.key(0) + " · " + names.getOrDefault(store, ""), row.figures()));
        }
        return lines;
    }

    /** A customer's purchases in the filter: visits, what they spent net, and whether the period saw their first. */
    public record CustomerLine(
            UUID customerId, String name, boolean erased, long visits, Money net, boolean newInPeriod) {}

    /**
     * Customers who bought in the filter's days, the best first. An erased customer stays in the figures without a
     * name (personal data erasure); a merged customer counts under the customer it was merged into.
     */
    public List<CustomerLine> customers(ReportFilter filter) {
        return customers.read(tenant(), scope(filter), filter, currency());
    }

    /** A store's stock: units on hand, their value at cost, what moved in the filter's days, items at or under their alert. */
    public record InventoryLine(
            UUID storeId,
            String storeName,
            long onHand,
            Money valueAtCost,
            long sold,
            long returned,
            long received,
            long adjusted,
            long transferredIn,
            long transferredOut,
            long lowStock) {}

    /** Stock per store the person may see: valuation at today's cost and the movements of the filter's days. */
    public List<InventoryLine> inventory(ReportFilter filter) {
        return stock.read(tenant(), scope(filter), filter, currency());
    }

    /** Sales of ended days changed afterwards (late offline uploads, refunds, voids), newest first. */
    public List<Change> changes(ReportFilter filter) {
        StoreScope scope = scope(filter);
        return queries.changes(tenant(), scope, filter, 500);
    }

    private List<Row> grouped(ReportFilter filter, Level level, List<String> groupBy) {
        StoreScope scope = scope(filter);
        List<String> keys = groupBy.isEmpty() ? List.of("cast('all' as text)") : groupBy;
        return queries.grouped(tenant(), scope, filter, level, keys);
    }

    /** The stores the signed-in person may read for {@code filter} (its store and device checked to lie inside). */
    public StoreScope scopeOf(ReportFilter filter) {
        return scope(filter);
    }

    /** The person's scope, after checking the filter's store and device lie inside it. */
    private StoreScope scope(ReportFilter filter) {
        StoreScope scope = StoreScope.current();
        if (!CurrentUser.require().has(Role.MERCHANT_ADMIN)
                && !CurrentUser.require().has(Role.STORE_MANAGER)) {
            return StoreScope.only(List.of());
        }
        if (filter.storeId() != null) {
            scope.require(filter.storeId());
        }
        if (filter.deviceId() != null) {
            UUID store = jdbc.sql("select store_id from device where tenant_id = :tenant and id = :device")
                    .param("tenant", tenant())
                    .param("device", filter.deviceId())
                    .query(UUID.class)
                    .optional()
                    .orElseThrow(() -> new InvalidReportFilterException("report.filter.device.unknown"));
            if (!scope.allows(store)) {
                throw new InvalidReportFilterException("report.filter.device.unknown");
            }
        }
        return scope;
    }

    /** Each period's totals in the tenant's currency, from one reading of the periods' store days. */
    private List<Figures> summaries(List<ReportFilter> periods) {
        List<Figures> totals = new ArrayList<>(Collections.nCopies(periods.size(), Figures.zero(currency())));
        for (Row row : queries.perPeriod(tenant(), scope(periods.getFirst()), periods, Level.TOTAL)) {
            int n = ((Number) row.key(0)).intValue() - 1;
            if (row.figures().currency().equals(totals.get(n).currency())) {
                totals.set(n, totals.get(n).plus(row.figures()));
            }
        }
        return totals;
    }

    private List<Line> ranked(List<Row> rows, Map<UUID, String> names) {
        Map<UUID, Figures> sums = new LinkedHashMap<>();
        for (Row row : rows) {
            sums.merge((UUID) row.key(0), row.figures(), Figures::plus);
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((id, figures) -> lines.add(new Line(id.toString(), names.getOrDefault(id, ""), figures)));
        lines.sort(Comparator.comparingLong(
                        (Line l) -> l.figures().capturedMinor() - l.figures().refundedMinor())
                .reversed()
                .thenComparing(Line::label));
        return lines;
    }

    private Map<UUID, String> names(String sql) {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql(sql).param("tenant", tenant()).query(rs -> {
            names.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        return names;
    }

    private Currency currency() {
        return tenants.current().currency();
    }

    private static UUID tenant() {
        return TenantContext.requireTenant();
    }
}
