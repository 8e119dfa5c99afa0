package id.lapak.reports;

import id.lapak.tenant.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The customers and inventory reports as {@link ReportTable}s (see {@link ReportTables}). */
@Component
class CustomerAndStockTables {

    private final ReportService reports;

    CustomerAndStockTables(ReportService reports) {
        this.reports = reports;
    }

    ReportTable customers(String title, List<String> filters, Function<String, String> labels, ReportFilter filter) {
        List<ReportService.CustomerLine> lines = reports.customers(filter);
        List<String> columns = List.of(
                labels.apply("report.column.customer"),
                labels.apply("report.column.visits"),
                labels.apply("report.column.net"),
                labels.apply("report.column.customerKind"));
        List<List<Object>> rows = new ArrayList<>();
        long visits = 0;
        long fresh = 0;
        Money net = null;
        for (ReportService.CustomerLine c : lines) {
            rows.add(List.of(
                    c.erased()
                            ? labels.apply("report.customer.erased")
                            : c.name() == null ? labels.apply("report.customer.noName") : c.name(),
                    c.visits(),
                    c.net(),
                    labels.apply(c.newInPeriod() ? "report.customer.new" : "report.customer.returning")));
            visits += c.visits();
            fresh += c.newInPeriod() ? 1 : 0;
            net = net == null ? c.net() : net.plus(c.net());
        }
        List<Object> totals = net == null
                ? null
                : List.of(
                        labels.apply("report.total"),
                        visits,
                        net,
                        labels.apply("report.customer.split")
                                .replace("{0}", Long.toString(fresh))
                                .replace("{1}", Long.toString(lines.size() - fresh)));
        return new ReportTable(ReportKind.CUSTOMERS.name(), title, filters, columns, rows, totals);
    }

    ReportTable inventory(String title, List<String> filters, Function<String, String> labels, ReportFilter filter) {
        List<ReportService.InventoryLine> lines = reports.inventory(filter);
        List<String> columns = List.of(
                labels.apply("report.column.store"),
                labels.apply("report.column.onHand"),
                labels.apply("report.column.valueAtCost"),
                labels.apply("report.column.sold"),
                labels.apply("report.column.returned"),
                labels.apply("report.column.received"),
                labels.apply("report.column.adjusted"),
                labels.apply("report.column.transferredIn"),
                labels.apply("report.column.transferredOut"),
                labels.apply("report.column.lowStock"));
        List<List<Object>> rows = new ArrayList<>();
        long[] sums = new long[9];
        Money value = null;
        for (ReportService.InventoryLine l : lines) {
            rows.add(List.of(
                    l.storeName(),
                    l.onHand(),
                    l.valueAtCost(),
                    l.sold(),
                    l.returned(),
                    l.received(),
                    l.adjusted(),
                    l.transferredIn(),
                    l.transferredOut(),
                    l.lowStock()));
            long[] add = {
                l.onHand(),
                l.sold(),
                l.returned(),
                l.received(),
                l.adjusted(),
                l.transferredIn(),
                l.transferredOut(),
                l.lowStock()
            };
            for (int i = 0; i < add.length; i++) {
                sums[i] += add[i];
            }
            value = value == null ? l.valueAtCost() : value.plus(l.valueAtCost());
        }
        List<Object> totals = value == null
                ? null
                : List.of(
                        labels.apply("report.total"),
                        sums[0],
                        value,
                        sums[1],
                        sums[2],
                        sums[3],
                        sums[4],
                        sums[5],
                        sums[6],
                        sums[7]);
        return new ReportTable(ReportKind.INVENTORY.name(), title, filters, columns, rows, totals);
    }
}
