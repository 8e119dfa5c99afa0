package id.lapak.reports;

import id.lapak.reports.ReportService.Line;
import id.lapak.reports.ReportTable.Share;
import id.lapak.tenant.money.Money;
import id.lapak.ui.PortalDates;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Builds each {@link ReportKind} as a {@link ReportTable} in the reader's language: the one place that decides a
 * report's columns, rows and totals, for the page and for every export.
 */
@Component
public class ReportTables {

    private final ReportService reports;
    private final ActivityTables activity;
    private final CustomerAndStockTables customersAndStock;
    private final CashierReports cashiers;

    ReportTables(
            ReportService reports,
            ActivityTables activity,
            CustomerAndStockTables customersAndStock,
            CashierReports cashiers) {
        this.reports = reports;
        this.activity = activity;
        this.customersAndStock = customersAndStock;
        this.cashiers = cashiers;
    }

    /**
     * The report; {@code labels} translates keys, {@code storeNames} and {@code deviceNames} name the filter's
     * store and device for the printed filters.
     */
    public ReportTable build(
            ReportKind kind,
            ReportFilter filter,
            Locale locale,
            Function<String, String> labels,
            Map<UUID, String> names) {
        List<String> filters = filters(filter, cashierName(filter), locale, labels, names);
        String title = labels.apply("report.kind." + kind.name());
        return switch (kind) {
            case SUMMARY -> summary(filter, title, filters, labels);
            case DAYS ->
                lines(
                        kind,
                        title,
                        filters,
                        labels,
                        reports.byDay(filter).stream()
                                .map(l -> new Line(
                                        l.key(),
                                        LocalDate.parse(l.key())
                                                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                                        .withLocale(locale)),
                                        l.figures()))
                                .toList(),
                        "report.column.day");
            case HOURS -> lines(kind, title, filters, labels, reports.byHour(filter), "report.column.hour");
            case STORES -> lines(kind, title, filters, labels, reports.byStore(filter), "report.column.store");
            case DEVICES -> lines(kind, title, filters, labels, reports.byDevice(filter), "report.column.device");
            case CASHIERS -> cashiers(title, filters, labels, filter);
            case PAYMENT_METHODS ->
                lines(
                        kind,
                        title,
                        filters,
                        labels,
                        reports.byPaymentMethod(filter).stream()
                                .map(l -> new Line(l.key(), method(l.key(), labels), l.figures()))
                                .toList(),
                        "report.column.method");
            case ITEMS -> items(title, filters, labels, reports.byItem(filter), "report.column.item");
            case CATEGORIES ->
                items(
                        title,
                        filters,
                        labels,
                        reports.byCategory(filter).stream()
                                .map(l -> new Line(
                                        l.key(),
                                        l.key().isEmpty() ? labels.apply("report.category.none") : l.label(),
                                        l.figures()))
                                .toList(),
                        "report.column.category");
            case TAX -> tax(title, filters, labels, reports.tax(filter));
            case CUSTOMERS -> customersAndStock.customers(title, filters, labels, filter);
            case INVENTORY -> customersAndStock.inventory(title, filters, labels, filter);
            case CHANGES -> changes(title, filters, labels, locale, filter);
            case REFUNDS -> activity.refunds(title, filters, labels, locale, filter);
            case OFFLINE -> activity.offline(title, filters, labels, locale, filter);
        };
    }

    /** The filter's cashier as the reports name them ("Sari (K-07)"), the code if they sold nothing; null for all. */
    private String cashierName(ReportFilter filter) {
        return filter.cashier() == null
                ? null
                : cashiers.cashiers(filter).getOrDefault(filter.cashier(), filter.cashier());
    }

    private static String method(String key, Function<String, String> labels) {
        String[] parts = key.split("/", 2);
        String brand = parts[0].isEmpty()
                ? labels.apply("settlement.brand.UNKNOWN")
                : labels.apply("settlement.brand." + parts[0]);
        return brand + " · " + labels.apply("report.mode." + parts[1]);
    }

    /** The filters as printed on the report; {@code cashier} names the filter's cashier as the reports name them. */
    static List<String> filters(
            ReportFilter filter,
            String cashier,
            Locale locale,
            Function<String, String> labels,
            Map<UUID, String> names) {
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        List<String> filters = new ArrayList<>();
        filters.add(labels.apply("report.filter.period") + ": " + filter.from().format(date) + " – "
                + filter.to().format(date));
        filters.add(labels.apply("report.filter.store") + ": "
                + (filter.storeId() == null
                        ? labels.apply("report.filter.allStores")
                        : names.getOrDefault(filter.storeId(), "")));
        if (filter.deviceId() != null) {
            filters.add(labels.apply("report.filter.device") + ": " + names.getOrDefault(filter.deviceId(), ""));
        }
        if (filter.brand() != null) {
            filters.add(
                    labels.apply("report.filter.brand") + ": " + labels.apply("settlement.brand." + filter.brand()));
        }
        if (cashier != null) {
            filters.add(labels.apply("report.filter.cashier") + ": " + cashier);
        }
        filters.add(labels.apply("report.filter.dayRule"));
        return filters;
    }

    private ReportTable summary(
            ReportFilter filter, String title, List<String> filters, Function<String, String> labels) {
        Figures f = reports.summary(filter);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(labels.apply("report.line.gross"), f.gross()));
        rows.add(List.of(labels.apply("report.line.discounts"), f.discounts().negate()));
        rows.add(List.of(labels.apply("report.line.refunds"), f.refunds().negate()));
        rows.add(List.of(labels.apply("report.line.net"), f.net()));
        rows.add(List.of(labels.apply("report.line.ppn"), f.ppn()));
        rows.add(List.of(labels.apply("report.line.tips"), f.tips()));
        rows.add(List.of(labels.apply("report.line.collected"), f.collected()));
        rows.add(List.of(labels.apply("report.line.fees"), f.fees().negate()));
        rows.add(List.of(labels.apply("report.line.feePpn"), f.feePpn().negate()));
        rows.add(List.of(labels.apply("report.line.deposit"), f.deposit()));
        rows.add(List.of(labels.apply("report.line.transactions"), f.transactions()));
        rows.add(List.of(labels.apply("report.line.averageBasket"), f.averageBasket()));
        rows.add(List.of(labels.apply("report.line.refundCount"), f.refundCount()));
        rows.add(List.of(labels.apply("report.line.declined"), f.declined()));
        return new ReportTable(
                ReportKind.SUMMARY.name(),
                title,
                filters,
                List.of(labels.apply("report.column.line"), labels.apply("report.column.amount")),
                rows,
                null);
    }

    private static ReportTable lines(
            ReportKind kind,
            String title,
            List<String> filters,
            Function<String, String> labels,
            List<Line> lines,
            String firstColumn) {
        List<String> columns = List.of(
                labels.apply(firstColumn),
                labels.apply("report.column.transactions"),
                labels.apply("report.column.gross"),
                labels.apply("report.column.discounts"),
                labels.apply("report.column.refunds"),
                labels.apply("report.column.net"),
                labels.apply("report.column.tips"),
                labels.apply("report.column.fees"),
                labels.apply("report.column.deposit"));
        List<List<Object>> rows = new ArrayList<>();
        Figures total = null;
        for (Line line : lines) {
            Figures f = line.figures();
            rows.add(List.of(
                    line.label(),
                    f.transactions(),
                    f.gross(),
                    f.discounts(),
                    f.refunds(),
                    f.net(),
                    f.tips(),
                    f.fees().plus(f.feePpn()),
                    f.deposit()));
            total = total == null ? f : total.plus(f);
        }
        List<Object> totals = total == null
                ? null
                : List.of(
                        labels.apply("report.total"),
                        total.transactions(),
                        total.gross(),
                        total.discounts(),
                        total.refunds(),
                        total.net(),
                        total.tips(),
                        total.fees().plus(total.feePpn()),
                        total.deposit());
        return new ReportTable(kind.name(), title, filters, columns, rows, totals);
    }

    /** Sales by cashier: transactions, gross, discounts, refunds and net; sales naming none as one row. */
    private ReportTable cashiers(
            String title, List<String> filters, Function<String, String> labels, ReportFilter filter) {
        List<String> columns = List.of(
                labels.apply("report.column.cashier"),
                labels.apply("report.column.transactions"),
                labels.apply("report.column.gross"),
                labels.apply("report.column.discounts"),
                labels.apply("report.column.refunds"),
                labels.apply("report.column.net"));
        List<List<Object>> rows = new ArrayList<>();
        Figures total = null;
        for (Line line : cashiers.byCashier(filter)) {
            Figures f = line.figures();
            String cashier = line.key().isEmpty() ? labels.apply("report.cashier.none") : line.label();
            rows.add(List.of(cashier, f.transactions(), f.gross(), f.discounts(), f.refunds(), f.net()));
            total = total == null ? f : total.plus(f);
        }
        List<Object> totals = total == null
                ? null
                : List.of(
                        labels.apply("report.total"),
                        total.transactions(),
                        total.gross(),
                        total.discounts(),
                        total.refunds(),
                        total.net());
        return new ReportTable(ReportKind.CASHIERS.name(), title, filters, columns, rows, totals);
    }

    private static ReportTable items(
            String title, List<String> filters, Function<String, String> labels, List<Line> lines, String firstColumn) {
        List<String> columns = List.of(
                labels.apply(firstColumn),
                labels.apply("report.column.quantity"),
                labels.apply("report.column.returned"),
                labels.apply("report.column.gross"),
                labels.apply("report.column.refunds"),
                labels.apply("report.column.net"),
                labels.apply("report.column.share"));
        long all = lines.stream()
                .mapToLong(l -> l.figures().capturedMinor() - l.figures().refundedMinor())
                .sum();
        List<List<Object>> rows = new ArrayList<>();
        Figures total = null;
        for (Line line : lines) {
            Figures f = line.figures();
            Money net = f.collected();
            rows.add(List.of(
                    line.label(),
                    f.transactions(),
                    f.refundCount(),
                    money(f, f.capturedMinor()),
                    f.refunds(),
                    net,
                    new Share(all == 0 ? 0 : Math.round(net.minor() * 10_000.0 / all))));
            total = total == null ? f : total.plus(f);
        }
        List<Object> totals = total == null
                ? null
                : List.of(
                        labels.apply("report.total"),
                        total.transactions(),
                        total.refundCount(),
                        money(total, total.capturedMinor()),
                        total.refunds(),
                        total.collected(),
                        new Share(all == 0 ? 0 : 10_000));
        return new ReportTable(
                firstColumn.equals("report.column.item") ? ReportKind.ITEMS.name() : ReportKind.CATEGORIES.name(),
                title,
                filters,
                columns,
                rows,
                totals);
    }

    private static Money money(Figures f, long minor) {
        return Money.of(minor, f.currency());
    }

    private static ReportTable tax(
            String title, List<String> filters, Function<String, String> labels, List<Line> lines) {
        List<String> columns = List.of(
                labels.apply("report.column.monthStore"),
                labels.apply("report.column.net"),
                labels.apply("report.column.taxBase"),
                labels.apply("report.column.ppn"));
        List<List<Object>> rows = new ArrayList<>();
        Figures total = null;
        for (Line line : lines) {
            Figures f = line.figures();
            rows.add(List.of(line.label(), f.net(), f.net().minus(f.ppn()), f.ppn()));
            total = total == null ? f : total.plus(f);
        }
        List<Object> totals = total == null
                ? null
                : List.of(labels.apply("report.total"), total.net(), total.net().minus(total.ppn()), total.ppn());
        return new ReportTable(ReportKind.TAX.name(), title, filters, columns, rows, totals);
    }

    private ReportTable changes(
            String title, List<String> filters, Function<String, String> labels, Locale locale, ReportFilter filter) {
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        DateTimeFormatter time = PortalDates.dateTime(locale, ZoneOffset.UTC);
        List<String> columns = List.of(
                labels.apply("report.column.day"),
                labels.apply("report.column.store"),
                labels.apply("report.column.change"),
                labels.apply("report.column.changedAt"),
                labels.apply("report.column.amount"));
        List<List<Object>> rows = new ArrayList<>();
        for (ReportQueries.Change c : reports.changes(filter)) {
            rows.add(List.of(
                    c.day().format(date),
                    c.storeName(),
                    labels.apply("report.change." + c.kind()) + " · " + labels.apply("sales.status." + c.status()),
                    time.withZone(c.zone()).format(c.changedAt()),
                    Money.of(c.amountMinor(), c.currency())));
        }
        return new ReportTable(ReportKind.CHANGES.name(), title, filters, columns, rows, null);
    }
}
