package id.lapak.reports;

import id.lapak.billing.sale.Cashiers;
import id.lapak.reports.ReportFacts.Level;
import id.lapak.reports.ReportQueries.Row;
import id.lapak.reports.ReportService.Line;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales by the cashier a device reported with each payment, from the same rollups and live days as every other
 * figure ({@link ReportQueries}, level {@code MIX}). Same people, stores and filters as {@link ReportService}: a store
 * manager sees the cashiers of their stores only, because only those stores' sales are read.
 */
@Service
@PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
@Transactional(readOnly = true)
public class CashierReports {

    private final ReportService reports;
    private final ReportQueries queries;

    CashierReports(ReportService reports, ReportQueries queries) {
        this.reports = reports;
        this.queries = queries;
    }

    /**
     * Figures per cashier code (sales that named none under the empty key, last), the best net sales first. A code's
     * label is {@link Cashiers#label} of the name it was reported with (the last in name order if it changed).
     */
    public List<Line> byCashier(ReportFilter filter) {
        StoreScope scope = reports.scopeOf(filter);
        Map<String, Figures> sums = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Row row : queries.grouped(
                TenantContext.requireTenant(), scope, filter, Level.MIX, List.of("f.cashier_code", "f.cashier_name"))) {
            String code = (String) row.key(0);
            String name = (String) row.key(1);
            sums.merge(code, row.figures(), Figures::plus);
            labels.put(code, code.isEmpty() ? "" : Cashiers.label(code, name.isEmpty() ? null : name));
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((code, figures) -> lines.add(new Line(code, labels.get(code), figures)));
        lines.sort(Comparator.comparing((Line l) -> l.key().isEmpty())
                .thenComparing(
                        Comparator.comparingLong((Line l) -> l.figures().net().minor())
                                .reversed())
                .thenComparing(Line::label));
        return lines;
    }

    /** The cashiers who sold in the filter's days (whatever cashier the filter names), for picking one: code → label. */
    public Map<String, String> cashiers(ReportFilter filter) {
        Map<String, String> cashiers = new LinkedHashMap<>();
        byCashier(filter.withCashier(null)).stream()
                .filter(l -> !l.key().isEmpty())
                .sorted(Comparator.comparing(Line::label))
                .forEach(l -> cashiers.put(l.key(), l.label()));
        return cashiers;
    }
}
