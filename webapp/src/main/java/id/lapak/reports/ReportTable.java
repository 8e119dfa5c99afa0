package id.lapak.reports;

import id.lapak.tenant.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A report as the page, the CSV, the XLSX and the PDF all show it: a title, the filters in words, column headings,
 * rows and a totals row. Cells are text, a count ({@link Long}), a share in basis points ({@link Share}) or
 * {@link Money}. Because every format renders this one value, an export's totals are the page's totals.
 */
public record ReportTable(
        String key,
        String title,
        List<String> filters,
        List<String> columns,
        List<List<Object>> rows,
        List<Object> totals) {

    public ReportTable {
        filters = List.copyOf(filters);
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(r -> Collections.unmodifiableList(new ArrayList<>(r)))
                .toList();
        totals = totals == null ? null : Collections.unmodifiableList(new ArrayList<>(totals));
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "A row of " + key + " has " + row.size() + " cells, not " + columns.size());
            }
        }
    }

    /** A share of a whole, in basis points (10,000 = 100 %). */
    public record Share(long basisPoints) {}
}
